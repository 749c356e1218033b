from enum import StrEnum


class GetRunEventsV1Response200EventsItemLevel(StrEnum):
    DEBUG = "DEBUG"
    ERROR = "ERROR"
    INFO = "INFO"
    LOG = "LOG"
    TRACE = "TRACE"
    WARN = "WARN"

    def __str__(self) -> str:
        return str(self.value)
