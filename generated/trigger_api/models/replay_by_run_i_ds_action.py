from enum import StrEnum


class ReplayByRunIDsAction(StrEnum):
    REPLAY = "replay"

    def __str__(self) -> str:
        return str(self.value)
