from enum import StrEnum


class RetrieveRunResponseAttemptsItemStatus(StrEnum):
    CANCELED = "CANCELED"
    COMPLETED = "COMPLETED"
    EXECUTING = "EXECUTING"
    FAILED = "FAILED"
    PAUSED = "PAUSED"
    PENDING = "PENDING"

    def __str__(self) -> str:
        return str(self.value)
