from enum import StrEnum


class ErrorObjectStatus(StrEnum):
    IGNORED = "ignored"
    RESOLVED = "resolved"
    UNRESOLVED = "unresolved"

    def __str__(self) -> str:
        return str(self.value)
