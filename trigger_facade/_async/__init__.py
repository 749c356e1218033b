"""The resources, written once as async code: the source from which scripts/unasync.py writes the sync
resources in trigger_facade/resources (httpcore's unasync: token rules, mirrored files, `--check`)."""
