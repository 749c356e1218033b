from enum import StrEnum


class RetrieveRunResponseScheduleGeneratorType(StrEnum):
    CRON = "CRON"

    def __str__(self) -> str:
        return str(self.value)
