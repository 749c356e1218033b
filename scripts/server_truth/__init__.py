"""Recordings of the real Trigger.dev server, and the conformance check against them.

`scenario` drives every operation the server serves with plain httpx (we record the server, not our
client); `record` writes the exchanges, redacted, under tests/server_truth/recorded/; `conformance`
runs the same scenario against any live server and reports where it answers differently; `shape`
holds the comparison by shape (run ids and timestamps vary between recordings, keys and types do not).
"""
