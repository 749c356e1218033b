from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.machine_preset import MachinePreset
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.debounce_options import DebounceOptions
    from ..models.idempotency_key_options import IdempotencyKeyOptions
    from ..models.queue_options import QueueOptions
    from ..models.trigger_task_options_metadata import TriggerTaskOptionsMetadata


T = TypeVar("T", bound="TriggerTaskOptions")


@_attrs_define
class TriggerTaskOptions:
    queue: QueueOptions | Unset = UNSET
    concurrency_key: str | Unset = UNSET
    idempotency_key: str | Unset = UNSET
    idempotency_key_ttl: str | Unset = UNSET
    idempotency_key_options: IdempotencyKeyOptions | Unset = UNSET
    delay: str | Unset = UNSET
    ttl: float | str | Unset = UNSET
    tags: list[str] | str | Unset = UNSET
    metadata: TriggerTaskOptionsMetadata | Unset = UNSET
    metadata_type: str | Unset = UNSET
    max_attempts: int | Unset = UNSET
    max_duration: int | Unset = UNSET
    machine: MachinePreset | Unset = UNSET
    priority: float | Unset = UNSET
    region: str | Unset = UNSET
    lock_to_version: str | Unset = UNSET
    external_deployment_id: str | Unset = UNSET
    debounce: DebounceOptions | Unset = UNSET
    payload_type: str | Unset = UNSET
    payload_size: int | Unset = UNSET
    test: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.queue, Unset):
            queue = self.queue.to_dict()

        concurrency_key = self.concurrency_key

        idempotency_key = self.idempotency_key

        idempotency_key_ttl = self.idempotency_key_ttl

        idempotency_key_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.idempotency_key_options, Unset):
            idempotency_key_options = self.idempotency_key_options.to_dict()

        delay = self.delay

        ttl: float | str | Unset
        if isinstance(self.ttl, Unset):
            ttl = UNSET
        else:
            ttl = self.ttl

        tags: list[str] | str | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        metadata_type = self.metadata_type

        max_attempts = self.max_attempts

        max_duration = self.max_duration

        machine: str | Unset = UNSET
        if not isinstance(self.machine, Unset):
            machine = self.machine.value

        priority = self.priority

        region = self.region

        lock_to_version = self.lock_to_version

        external_deployment_id = self.external_deployment_id

        debounce: dict[str, Any] | Unset = UNSET
        if not isinstance(self.debounce, Unset):
            debounce = self.debounce.to_dict()

        payload_type = self.payload_type

        payload_size = self.payload_size

        test = self.test

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if queue is not UNSET:
            field_dict["queue"] = queue
        if concurrency_key is not UNSET:
            field_dict["concurrencyKey"] = concurrency_key
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if idempotency_key_ttl is not UNSET:
            field_dict["idempotencyKeyTTL"] = idempotency_key_ttl
        if idempotency_key_options is not UNSET:
            field_dict["idempotencyKeyOptions"] = idempotency_key_options
        if delay is not UNSET:
            field_dict["delay"] = delay
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if tags is not UNSET:
            field_dict["tags"] = tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if metadata_type is not UNSET:
            field_dict["metadataType"] = metadata_type
        if max_attempts is not UNSET:
            field_dict["maxAttempts"] = max_attempts
        if max_duration is not UNSET:
            field_dict["maxDuration"] = max_duration
        if machine is not UNSET:
            field_dict["machine"] = machine
        if priority is not UNSET:
            field_dict["priority"] = priority
        if region is not UNSET:
            field_dict["region"] = region
        if lock_to_version is not UNSET:
            field_dict["lockToVersion"] = lock_to_version
        if external_deployment_id is not UNSET:
            field_dict["externalDeploymentId"] = external_deployment_id
        if debounce is not UNSET:
            field_dict["debounce"] = debounce
        if payload_type is not UNSET:
            field_dict["payloadType"] = payload_type
        if payload_size is not UNSET:
            field_dict["payloadSize"] = payload_size
        if test is not UNSET:
            field_dict["test"] = test

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.debounce_options import DebounceOptions
        from ..models.idempotency_key_options import IdempotencyKeyOptions
        from ..models.queue_options import QueueOptions
        from ..models.trigger_task_options_metadata import TriggerTaskOptionsMetadata

        d = dict(src_dict)
        _queue = d.pop("queue", UNSET)
        queue: QueueOptions | Unset
        if isinstance(_queue, Unset):
            queue = UNSET
        else:
            queue = QueueOptions.from_dict(_queue)

        concurrency_key = d.pop("concurrencyKey", UNSET)

        idempotency_key = d.pop("idempotencyKey", UNSET)

        idempotency_key_ttl = d.pop("idempotencyKeyTTL", UNSET)

        _idempotency_key_options = d.pop("idempotencyKeyOptions", UNSET)
        idempotency_key_options: IdempotencyKeyOptions | Unset
        if isinstance(_idempotency_key_options, Unset):
            idempotency_key_options = UNSET
        else:
            idempotency_key_options = IdempotencyKeyOptions.from_dict(
                _idempotency_key_options
            )

        delay = d.pop("delay", UNSET)

        def _parse_ttl(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        ttl = _parse_ttl(d.pop("ttl", UNSET))

        def _parse_tags(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_run_tags_type_1 = cast(list[str], data)

                return componentsschemas_run_tags_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: TriggerTaskOptionsMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = TriggerTaskOptionsMetadata.from_dict(_metadata)

        metadata_type = d.pop("metadataType", UNSET)

        max_attempts = d.pop("maxAttempts", UNSET)

        max_duration = d.pop("maxDuration", UNSET)

        _machine = d.pop("machine", UNSET)
        machine: MachinePreset | Unset
        if isinstance(_machine, Unset):
            machine = UNSET
        else:
            machine = MachinePreset(_machine)

        priority = d.pop("priority", UNSET)

        region = d.pop("region", UNSET)

        lock_to_version = d.pop("lockToVersion", UNSET)

        external_deployment_id = d.pop("externalDeploymentId", UNSET)

        _debounce = d.pop("debounce", UNSET)
        debounce: DebounceOptions | Unset
        if isinstance(_debounce, Unset):
            debounce = UNSET
        else:
            debounce = DebounceOptions.from_dict(_debounce)

        payload_type = d.pop("payloadType", UNSET)

        payload_size = d.pop("payloadSize", UNSET)

        test = d.pop("test", UNSET)

        trigger_task_options = cls(
            queue=queue,
            concurrency_key=concurrency_key,
            idempotency_key=idempotency_key,
            idempotency_key_ttl=idempotency_key_ttl,
            idempotency_key_options=idempotency_key_options,
            delay=delay,
            ttl=ttl,
            tags=tags,
            metadata=metadata,
            metadata_type=metadata_type,
            max_attempts=max_attempts,
            max_duration=max_duration,
            machine=machine,
            priority=priority,
            region=region,
            lock_to_version=lock_to_version,
            external_deployment_id=external_deployment_id,
            debounce=debounce,
            payload_type=payload_type,
            payload_size=payload_size,
            test=test,
        )

        trigger_task_options.additional_properties = d
        return trigger_task_options

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
