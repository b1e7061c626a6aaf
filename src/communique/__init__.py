"""communique: sourced records and cited briefings from news coverage of a developing story.

The public API lives in :mod:`communique.pipeline`; the CLI is a thin layer over it.
"""

__version__ = "0.1.0"
