from enum import StrEnum


class PauseQueueRequestBodyAction(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"

    def __str__(self) -> str:
        return str(self.value)
