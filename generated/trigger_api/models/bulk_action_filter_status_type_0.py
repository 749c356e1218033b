from enum import StrEnum


class BulkActionFilterStatusType0(StrEnum):
    CANCELED = "CANCELED"
    COMPLETED = "COMPLETED"
    CRASHED = "CRASHED"
    EXECUTING = "EXECUTING"
    FAILED = "FAILED"
    FROZEN = "FROZEN"
    INTERRUPTED = "INTERRUPTED"
    PENDING_VERSION = "PENDING_VERSION"
    QUEUED = "QUEUED"
    REATTEMPTING = "REATTEMPTING"
    SYSTEM_FAILURE = "SYSTEM_FAILURE"

    def __str__(self) -> str:
        return str(self.value)
