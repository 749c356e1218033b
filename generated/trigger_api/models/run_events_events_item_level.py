from enum import StrEnum


class RunEventsEventsItemLevel(StrEnum):
    DEBUG = "DEBUG"
    ERROR = "ERROR"
    INFO = "INFO"
    LOG = "LOG"
    TRACE = "TRACE"
    WARN = "WARN"

    def __str__(self) -> str:
        return str(self.value)
