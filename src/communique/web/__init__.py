"""The local web app and JSON API over the record (``communique serve``), and ``communique follow``."""
