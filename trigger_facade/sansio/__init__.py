"""The I/O-free parts of the resources: request bodies, answer parsers, plans and flows."""
