"""khabar: Arabic news to linked, evidence-backed event data."""

__version__ = "0.1.0"
