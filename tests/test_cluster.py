"""Issue 12, part 4: ingest on a Dask cluster gives the record a single process gives.

A LocalCluster of two single-threaded worker processes (on loopback) ingests the sample corpus;
its export, sorted, must be the single-process export line for line.  A watchdog ends the module
if the cluster hangs (a hang must fail the suite, not stall it)."""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import socket
import sys
import time

import pytest

from communique import cluster, pipeline

from .conftest import CORPUS

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")

SOURCES = [str(CORPUS / "en"), str(CORPUS / "ja")]
LIMIT_SECONDS = 240  # the whole module, on a loaded 2-core machine; normally well under a minute


@pytest.fixture(scope="module", autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(LIMIT_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def client():
    import logging

    cluster_ = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                        host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                        silence_logs=logging.ERROR)
    with cluster_, distributed.Client(cluster_, set_as_default=False) as connected:
        yield connected


def _export(path) -> list[str]:
    with pipeline.open_store(str(path)) as store:
        records = pipeline.export_records(store)
        return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)


def _single(path, sources) -> list[str]:
    with pipeline.open_store(str(path)) as store:
        pipeline.ingest(store, sources)
    return _export(path)


def test_a_cluster_ingest_gives_the_single_process_record(tmp_path, client):
    lines: list[str] = []
    with pipeline.open_store(str(tmp_path / "cluster.db")) as store:
        summary = cluster.ingest(store, SOURCES, "local", client=client, progress=lines.append)
    assert lines[0].startswith("cluster: 2 worker thread(s)")
    assert summary.added and len(summary.skipped) == 1  # the corpus's one broken JSONL line
    assert any(line.startswith("skipped:") for line in lines)
    assert _export(tmp_path / "cluster.db") == _single(tmp_path / "single.db", SOURCES)


def _crash_on(marker: str):
    """A worker task that kills its own process on one document (a segfault, the OOM killer)."""
    real = cluster.prepare

    def prepare(doc, *args):
        if marker in doc.source:
            time.sleep(1.0)  # the report before it reaches the scheduler first (else both are lost)
            os._exit(1)
        return real(doc, *args)

    return prepare


def test_a_lost_worker_stops_with_one_line_and_a_rerun_finishes(tmp_path, client, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    files = sorted(p for p in (CORPUS / "en").iterdir() if p.suffix in (".txt", ".md", ".html"))[:3]
    for path in files:
        shutil.copy(path, folder / path.name)
    import cloudpickle
    import dask

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    monkeypatch.setattr(cluster, "prepare", _crash_on(files[1].name))
    db = tmp_path / "cluster.db"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        small = distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1, host="127.0.0.1",
                                         dashboard_address="127.0.0.1:0", silence_logs=50)
        with small, distributed.Client(small, set_as_default=False) as crashing, \
                pipeline.open_store(str(db)) as store, pytest.raises(cluster.ClusterError) as failed:
            cluster.ingest(store, [str(folder)], "local:1", client=crashing)
    line = failed.value.line()
    print(line)
    assert "\n" not in line and files[1].name in line and "run the same command again" in line
    with pipeline.open_store(str(db)) as store:
        assert store.report_count() == 1  # the report before the lost one is kept
    monkeypatch.undo()
    with pipeline.open_store(str(db)) as store:
        again = cluster.ingest(store, [str(folder)], "local", client=client)
    assert len(again.already) == 1 and len(again.added) == len(files) - 1
    assert _export(db) == _single(tmp_path / "single.db", [str(folder)])


def test_the_workers_extract_with_the_users_names(tmp_path, client):
    """The user's gazetteer of this process (--gazetteer) is the one the workers extract with."""
    from communique.extract import user_names

    from .everyday import write_reports
    from .test_everyday_names import AKAZAWA

    names = tmp_path / "names.json"
    names.write_text(json.dumps({"version": 1, "entries": [AKAZAWA]}, ensure_ascii=False), encoding="utf-8")
    paths = [str(p) for p in write_reports(tmp_path / "in", ("trade1.txt", "trade-ja.txt"))]
    user_names.use_file(names)
    try:
        with pipeline.open_store(str(tmp_path / "cluster.db")) as store:
            cluster.ingest(store, paths, "local", client=client)
        assert _export(tmp_path / "cluster.db") == _single(tmp_path / "single.db", paths)
    finally:
        user_names.use_file(None)
    assert "ryosei-akazawa" in "".join(_export(tmp_path / "cluster.db"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_no_scheduler_at_the_address_is_one_line(run, db, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2.0)
    address = f"tcp://127.0.0.1:{_free_port()}"
    code, out, err = run("ingest", "--db", db, "--scheduler", address, str(CORPUS / "en"))
    assert code == 1 and not out
    assert err.count("\n") == 1 and err.startswith(f"communique: --scheduler {address}: no Dask scheduler")
    assert "--scheduler local" in err


def test_without_the_extra_the_error_names_it(run, db, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if Dask were not installed
    code, _out, err = run("ingest", "--db", db, "--scheduler", "local:2", str(CORPUS / "en"))
    assert code == 2 and "install communique[cluster]" in err and err.count("\n") == 1


@pytest.mark.parametrize("spec", ["local:0", "local:two", " "])
def test_a_bad_scheduler_is_a_usage_error(run, db, spec):
    code, _out, err = run("ingest", "--db", db, "--scheduler", spec, str(CORPUS / "en"))
    assert code == 2 and "--scheduler" in err


def test_dask_is_not_imported_without_scheduler():
    import subprocess

    code = ("import sys; from communique import cli; cli.main(['reports', '--db', 'no-such.db']); "
            "print('dask' in sys.modules or 'distributed' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "False"
