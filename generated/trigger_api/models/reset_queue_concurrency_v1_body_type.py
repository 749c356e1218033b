from enum import StrEnum


class ResetQueueConcurrencyV1BodyType(StrEnum):
    CUSTOM = "custom"
    ID = "id"
    TASK = "task"

    def __str__(self) -> str:
        return str(self.value)
