from enum import StrEnum


class QueueTypeNameType(StrEnum):
    CUSTOM = "custom"
    TASK = "task"

    def __str__(self) -> str:
        return str(self.value)
