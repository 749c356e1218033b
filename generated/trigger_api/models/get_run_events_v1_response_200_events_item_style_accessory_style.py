from enum import StrEnum


class GetRunEventsV1Response200EventsItemStyleAccessoryStyle(StrEnum):
    CODEPATH = "codepath"

    def __str__(self) -> str:
        return str(self.value)
