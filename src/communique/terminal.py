"""Terminal output for the command line: aligned tables and a progress bar on a terminal,
plain tab-separated lines and one line per item when the output is piped or logged.

Tables are drawn by rich (it measures Japanese characters as two cells); the progress bar is
tqdm's (count, rate and time left).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

HIGHLIGHT_START, HIGHLIGHT_END = "\x1b[1;4m", "\x1b[0m"


def is_terminal(stream: IO[str]) -> bool:
    """True when ``stream`` is an interactive terminal (and $NO_COLOR/$TERM=dumb do not say otherwise)."""
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def table(stream: IO[str], headers: Sequence[str], rows: Sequence[Sequence[str]], *,
          wide: Sequence[str] = ()) -> None:
    """Rows as an aligned table with a header on a terminal, else as tab-separated lines.

    Columns named in ``wide`` take what width is left and are cut with an ellipsis; the others
    keep their full width.  Piped output is unchanged by the terminal's size: one line per row,
    no header, so ``cut -f`` and ``awk -F'\\t'`` keep working.
    """
    if not is_terminal(stream):
        for row in rows:
            stream.write("\t".join(_cell(c) for c in row) + "\n")
        return
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = shutil.get_terminal_size((120, 24)).columns
    console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
    grid = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 2, 0, 0))
    cells = [[_cell(c) for c in row] for row in rows]
    full = [max([cell_len(name), *(cell_len(row[n]) for row in cells)]) for n, name in enumerate(headers)]
    # the other columns keep their full width (an id cut short is no id); the wide ones share the rest
    spare = width - sum(w + 2 for name, w in zip(headers, full, strict=True) if name not in wide)
    share = max(10, spare // max(1, len(wide)) - 2)
    for name, need in zip(headers, full, strict=True):
        if name in wide:
            grid.add_column(name, overflow="ellipsis", no_wrap=True, width=min(need, share))
        else:
            grid.add_column(name, no_wrap=True, width=need)
    for row in cells:
        grid.add_row(*(Text(c) for c in row))
    console.print(grid)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split())  # a tab or newline inside a cell would break the line


class Progress:
    """Progress of a long job on stderr: a bar with count, rate and time left on a terminal,
    else one line per item (as logs want).  Problems are always printed, above the bar."""

    def __init__(self, stream: IO[str], *, total: int | None, unit: str, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.bar: Any = None
        if not quiet and is_terminal(stream):
            from tqdm import tqdm

            self.bar = tqdm(total=total or None, unit=f" {unit}", file=stream, dynamic_ncols=True,
                            leave=False, desc="ingest")

    def __call__(self, line: str) -> None:
        problem = line.startswith(("skipped:", "warning:"))
        if self.bar is not None:
            if line.startswith("["):
                if self.bar.total is not None and self.bar.n >= self.bar.total:
                    self.bar.total = self.bar.n + 1  # the estimate was short (a feed, a JSONL file)
                self.bar.update(1)
            if problem:
                self.bar.write(line, file=self.stream)
            return
        if problem or not self.quiet:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.refresh()  # the final count and rate, before the bar makes way for the summary
            self.bar.close()
            self.bar = None


def estimate_items(sources: Sequence[str]) -> int:
    """A quick estimate of how many reports ``sources`` hold, for the progress bar: files in
    folders, lines of JSONL files, one per URL (a feed's items are counted as they come)."""
    from .ingest.sources import SUPPORTED

    total = 0
    for source in sources:
        if "://" in source:
            total += 1
            continue
        path = Path(source)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            elif suffix in SUPPORTED or not path.is_dir():
                total += 1
    return total
