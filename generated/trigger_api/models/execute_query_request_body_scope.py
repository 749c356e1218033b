from enum import StrEnum


class ExecuteQueryRequestBodyScope(StrEnum):
    ENVIRONMENT = "environment"
    ORGANIZATION = "organization"
    PROJECT = "project"

    def __str__(self) -> str:
        return str(self.value)
