from enum import StrEnum


class BulkReplayByFilterAction(StrEnum):
    REPLAY = "replay"

    def __str__(self) -> str:
        return str(self.value)
