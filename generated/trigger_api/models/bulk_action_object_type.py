from enum import StrEnum


class BulkActionObjectType(StrEnum):
    CANCEL = "CANCEL"
    REPLAY = "REPLAY"

    def __str__(self) -> str:
        return str(self.value)
