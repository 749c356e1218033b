from enum import StrEnum


class CancelByFilterAction(StrEnum):
    CANCEL = "cancel"

    def __str__(self) -> str:
        return str(self.value)
