from enum import StrEnum


class RunEventsEventsItemKind(StrEnum):
    CLIENT = "CLIENT"
    CONSUMER = "CONSUMER"
    INTERNAL = "INTERNAL"
    LOG = "LOG"
    PRODUCER = "PRODUCER"
    SERVER = "SERVER"
    UNRECOGNIZED = "UNRECOGNIZED"
    UNSPECIFIED = "UNSPECIFIED"

    def __str__(self) -> str:
        return str(self.value)
