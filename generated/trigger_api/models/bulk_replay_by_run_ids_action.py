from enum import StrEnum


class BulkReplayByRunIdsAction(StrEnum):
    REPLAY = "replay"

    def __str__(self) -> str:
        return str(self.value)
