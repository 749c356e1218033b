from enum import StrEnum


class RunEventsEventsItemStyleAccessoryStyle(StrEnum):
    CODEPATH = "codepath"

    def __str__(self) -> str:
        return str(self.value)
