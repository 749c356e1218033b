from enum import StrEnum


class MachinePreset(StrEnum):
    LARGE_1X = "large-1x"
    LARGE_2X = "large-2x"
    MEDIUM_1X = "medium-1x"
    MEDIUM_2X = "medium-2x"
    MICRO = "micro"
    SMALL_1X = "small-1x"
    SMALL_2X = "small-2x"

    def __str__(self) -> str:
        return str(self.value)
