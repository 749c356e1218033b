from enum import StrEnum


class BatchTriggerV2BatchProcessingStrategy(StrEnum):
    PARALLEL = "parallel"
    SEQUENTIAL = "sequential"

    def __str__(self) -> str:
        return str(self.value)
