from enum import StrEnum


class DebounceOptionsMode(StrEnum):
    LEADING = "leading"
    TRAILING = "trailing"

    def __str__(self) -> str:
        return str(self.value)
