from enum import StrEnum


class ScheduleObjectType(StrEnum):
    DECLARATIVE = "DECLARATIVE"
    IMPERATIVE = "IMPERATIVE"

    def __str__(self) -> str:
        return str(self.value)
