"""trigger-facade: a typed Python client for the Trigger.dev Management REST API."""

__version__ = "0.1.0"
