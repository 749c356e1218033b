from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_trigger_config_base_payload import (
        SessionTriggerConfigBasePayload,
    )


T = TypeVar("T", bound="SessionTriggerConfig")


@_attrs_define
class SessionTriggerConfig:
    base_payload: SessionTriggerConfigBasePayload
    machine: str | Unset = UNSET
    queue: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    max_attempts: int | Unset = UNSET
    max_duration: int | Unset = UNSET
    lock_to_version: str | Unset = UNSET
    region: str | Unset = UNSET
    idle_timeout_in_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_payload = self.base_payload.to_dict()

        machine = self.machine

        queue = self.queue

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        max_attempts = self.max_attempts

        max_duration = self.max_duration

        lock_to_version = self.lock_to_version

        region = self.region

        idle_timeout_in_seconds = self.idle_timeout_in_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basePayload": base_payload,
            }
        )
        if machine is not UNSET:
            field_dict["machine"] = machine
        if queue is not UNSET:
            field_dict["queue"] = queue
        if tags is not UNSET:
            field_dict["tags"] = tags
        if max_attempts is not UNSET:
            field_dict["maxAttempts"] = max_attempts
        if max_duration is not UNSET:
            field_dict["maxDuration"] = max_duration
        if lock_to_version is not UNSET:
            field_dict["lockToVersion"] = lock_to_version
        if region is not UNSET:
            field_dict["region"] = region
        if idle_timeout_in_seconds is not UNSET:
            field_dict["idleTimeoutInSeconds"] = idle_timeout_in_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_trigger_config_base_payload import (
            SessionTriggerConfigBasePayload,
        )

        d = dict(src_dict)
        base_payload = SessionTriggerConfigBasePayload.from_dict(d.pop("basePayload"))

        machine = d.pop("machine", UNSET)

        queue = d.pop("queue", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        max_attempts = d.pop("maxAttempts", UNSET)

        max_duration = d.pop("maxDuration", UNSET)

        lock_to_version = d.pop("lockToVersion", UNSET)

        region = d.pop("region", UNSET)

        idle_timeout_in_seconds = d.pop("idleTimeoutInSeconds", UNSET)

        session_trigger_config = cls(
            base_payload=base_payload,
            machine=machine,
            queue=queue,
            tags=tags,
            max_attempts=max_attempts,
            max_duration=max_duration,
            lock_to_version=lock_to_version,
            region=region,
            idle_timeout_in_seconds=idle_timeout_in_seconds,
        )

        session_trigger_config.additional_properties = d
        return session_trigger_config

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
