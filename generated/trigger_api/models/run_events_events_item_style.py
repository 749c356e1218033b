from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_events_events_item_style_accessory import (
        RunEventsEventsItemStyleAccessory,
    )


T = TypeVar("T", bound="RunEventsEventsItemStyle")


@_attrs_define
class RunEventsEventsItemStyle:
    icon: str | Unset = UNSET
    variant: str | Unset = UNSET
    accessory: RunEventsEventsItemStyleAccessory | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        icon = self.icon

        variant = self.variant

        accessory: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accessory, Unset):
            accessory = self.accessory.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if icon is not UNSET:
            field_dict["icon"] = icon
        if variant is not UNSET:
            field_dict["variant"] = variant
        if accessory is not UNSET:
            field_dict["accessory"] = accessory

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.run_events_events_item_style_accessory import (
            RunEventsEventsItemStyleAccessory,
        )

        d = dict(src_dict)
        icon = d.pop("icon", UNSET)

        variant = d.pop("variant", UNSET)

        _accessory = d.pop("accessory", UNSET)
        accessory: RunEventsEventsItemStyleAccessory | Unset
        if isinstance(_accessory, Unset):
            accessory = UNSET
        else:
            accessory = RunEventsEventsItemStyleAccessory.from_dict(_accessory)

        run_events_events_item_style = cls(
            icon=icon,
            variant=variant,
            accessory=accessory,
        )

        run_events_events_item_style.additional_properties = d
        return run_events_events_item_style

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
