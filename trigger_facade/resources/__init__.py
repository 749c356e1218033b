"""The hand-written resources. Each is written once here; scripts/gen_async.py derives trigger_facade/_async."""
