from enum import StrEnum


class IdempotencyKeyOptionsScope(StrEnum):
    ATTEMPT = "attempt"
    GLOBAL = "global"
    RUN = "run"

    def __str__(self) -> str:
        return str(self.value)
