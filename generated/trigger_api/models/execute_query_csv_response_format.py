from enum import StrEnum


class ExecuteQueryCsvResponseFormat(StrEnum):
    CSV = "csv"

    def __str__(self) -> str:
        return str(self.value)
