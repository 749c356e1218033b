from enum import StrEnum


class WaitpointTokenObjectStatus(StrEnum):
    COMPLETED = "COMPLETED"
    TIMED_OUT = "TIMED_OUT"
    WAITING = "WAITING"

    def __str__(self) -> str:
        return str(self.value)
