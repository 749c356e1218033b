from enum import StrEnum


class CancelByRunIDsAction(StrEnum):
    CANCEL = "cancel"

    def __str__(self) -> str:
        return str(self.value)
