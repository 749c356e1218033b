"""The sync resources, written by scripts/unasync.py from their async source in trigger_facade/_async
(never edited by hand); what they share without I/O is in trigger_facade/sansio."""
