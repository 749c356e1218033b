from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_events_events_item_events_item_properties import (
        RunEventsEventsItemEventsItemProperties,
    )


T = TypeVar("T", bound="RunEventsEventsItemEventsItem")


@_attrs_define
class RunEventsEventsItemEventsItem:
    name: str | Unset = UNSET
    time: datetime.datetime | Unset = UNSET
    properties: RunEventsEventsItemEventsItemProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        time: str | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.isoformat()

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if time is not UNSET:
            field_dict["time"] = time
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.run_events_events_item_events_item_properties import (
            RunEventsEventsItemEventsItemProperties,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _time = d.pop("time", UNSET)
        time: datetime.datetime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = datetime.datetime.fromisoformat(_time)

        _properties = d.pop("properties", UNSET)
        properties: RunEventsEventsItemEventsItemProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = RunEventsEventsItemEventsItemProperties.from_dict(_properties)

        run_events_events_item_events_item = cls(
            name=name,
            time=time,
            properties=properties,
        )

        run_events_events_item_events_item.additional_properties = d
        return run_events_events_item_events_item

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
