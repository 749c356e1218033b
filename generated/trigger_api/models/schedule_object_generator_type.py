from enum import StrEnum


class ScheduleObjectGeneratorType(StrEnum):
    CRON = "CRON"

    def __str__(self) -> str:
        return str(self.value)
