from enum import StrEnum


class QueueObjectType(StrEnum):
    CUSTOM = "custom"
    TASK = "task"

    def __str__(self) -> str:
        return str(self.value)
