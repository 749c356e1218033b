from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.queue_object_type import QueueObjectType

if TYPE_CHECKING:
    from ..models.queue_object_concurrency import QueueObjectConcurrency


T = TypeVar("T", bound="QueueObject")


@_attrs_define
class QueueObject:
    id: str
    name: str
    type_: QueueObjectType
    running: int
    queued: int
    paused: bool
    concurrency_limit: int | None
    concurrency: QueueObjectConcurrency
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_.value

        running = self.running

        queued = self.queued

        paused = self.paused

        concurrency_limit: int | None
        concurrency_limit = self.concurrency_limit

        concurrency = self.concurrency.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "running": running,
                "queued": queued,
                "paused": paused,
                "concurrencyLimit": concurrency_limit,
                "concurrency": concurrency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.queue_object_concurrency import QueueObjectConcurrency

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = QueueObjectType(d.pop("type"))

        running = d.pop("running")

        queued = d.pop("queued")

        paused = d.pop("paused")

        def _parse_concurrency_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        concurrency_limit = _parse_concurrency_limit(d.pop("concurrencyLimit"))

        concurrency = QueueObjectConcurrency.from_dict(d.pop("concurrency"))

        queue_object = cls(
            id=id,
            name=name,
            type_=type_,
            running=running,
            queued=queued,
            paused=paused,
            concurrency_limit=concurrency_limit,
            concurrency=concurrency,
        )

        queue_object.additional_properties = d
        return queue_object

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
