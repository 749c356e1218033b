from enum import StrEnum


class ErrorsFilterStatusItem(StrEnum):
    IGNORED = "ignored"
    RESOLVED = "resolved"
    UNRESOLVED = "unresolved"

    def __str__(self) -> str:
        return str(self.value)
