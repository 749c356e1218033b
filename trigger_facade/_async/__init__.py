"""Async twins of the resources, written by scripts/gen_async.py."""
