from enum import StrEnum


class CommonRunObjectTriggerFunction(StrEnum):
    BATCHTRIGGER = "batchTrigger"
    BATCHTRIGGERANDWAIT = "batchTriggerAndWait"
    TRIGGER = "trigger"
    TRIGGERANDWAIT = "triggerAndWait"

    def __str__(self) -> str:
        return str(self.value)
