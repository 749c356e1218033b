from enum import StrEnum


class BulkCancelByFilterAction(StrEnum):
    CANCEL = "cancel"

    def __str__(self) -> str:
        return str(self.value)
