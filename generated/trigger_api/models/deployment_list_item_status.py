from enum import StrEnum


class DeploymentListItemStatus(StrEnum):
    BUILDING = "BUILDING"
    CANCELED = "CANCELED"
    DEPLOYED = "DEPLOYED"
    DEPLOYING = "DEPLOYING"
    FAILED = "FAILED"
    PENDING = "PENDING"
    TIMED_OUT = "TIMED_OUT"

    def __str__(self) -> str:
        return str(self.value)
