from enum import StrEnum


class SessionsFilterStatusItem(StrEnum):
    ACTIVE = "ACTIVE"
    CLOSED = "CLOSED"
    EXPIRED = "EXPIRED"

    def __str__(self) -> str:
        return str(self.value)
