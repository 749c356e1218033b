from enum import StrEnum


class DeploymentStatus(StrEnum):
    BUILDING = "BUILDING"
    CANCELED = "CANCELED"
    DEPLOYED = "DEPLOYED"
    DEPLOYING = "DEPLOYING"
    FAILED = "FAILED"
    INSTALLING = "INSTALLING"
    PENDING = "PENDING"
    TIMED_OUT = "TIMED_OUT"

    def __str__(self) -> str:
        return str(self.value)
