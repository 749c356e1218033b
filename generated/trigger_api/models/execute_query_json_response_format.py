from enum import StrEnum


class ExecuteQueryJsonResponseFormat(StrEnum):
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
