"""How much one input may take: the defaults of ``communique ingest``'s limits (here, apart from
the fetcher, so that the command line shows them without loading an HTTP client)."""

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # one download
DEFAULT_READ_TIMEOUT = 20.0  # seconds without a byte from the server
FEED_DEADLINE = 600.0  # seconds for one feed, its linked pages included
