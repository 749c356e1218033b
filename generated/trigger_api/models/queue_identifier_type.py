from enum import StrEnum


class QueueIdentifierType(StrEnum):
    CUSTOM = "custom"
    ID = "id"
    TASK = "task"

    def __str__(self) -> str:
        return str(self.value)
