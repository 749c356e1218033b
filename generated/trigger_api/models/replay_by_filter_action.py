from enum import StrEnum


class ReplayByFilterAction(StrEnum):
    REPLAY = "replay"

    def __str__(self) -> str:
        return str(self.value)
