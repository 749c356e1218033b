from enum import StrEnum


class EnvironmentSlug(StrEnum):
    DEV = "dev"
    PREVIEW = "preview"
    PROD = "prod"
    STAGING = "staging"
    STG = "stg"

    def __str__(self) -> str:
        return str(self.value)
