"""eventwire: news reports about conflict and unrest -> geocoded ACLED-style event records, offline."""
__version__ = "0.1.0"

from .models import Article, Event  # noqa: E402

__all__ = ["Article", "Event", "__version__"]
