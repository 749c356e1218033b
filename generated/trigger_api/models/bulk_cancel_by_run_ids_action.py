from enum import StrEnum


class BulkCancelByRunIdsAction(StrEnum):
    CANCEL = "cancel"

    def __str__(self) -> str:
        return str(self.value)
