from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_run_events_v1_response_200_events_item_style_accessory import (
        GetRunEventsV1Response200EventsItemStyleAccessory,
    )


T = TypeVar("T", bound="GetRunEventsV1Response200EventsItemStyle")


@_attrs_define
class GetRunEventsV1Response200EventsItemStyle:
    icon: str | Unset = UNSET
    variant: str | Unset = UNSET
    accessory: GetRunEventsV1Response200EventsItemStyleAccessory | Unset = UNSET
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
        from ..models.get_run_events_v1_response_200_events_item_style_accessory import (
            GetRunEventsV1Response200EventsItemStyleAccessory,
        )

        d = dict(src_dict)
        icon = d.pop("icon", UNSET)

        variant = d.pop("variant", UNSET)

        _accessory = d.pop("accessory", UNSET)
        accessory: GetRunEventsV1Response200EventsItemStyleAccessory | Unset
        if isinstance(_accessory, Unset):
            accessory = UNSET
        else:
            accessory = GetRunEventsV1Response200EventsItemStyleAccessory.from_dict(
                _accessory
            )

        get_run_events_v1_response_200_events_item_style = cls(
            icon=icon,
            variant=variant,
            accessory=accessory,
        )

        get_run_events_v1_response_200_events_item_style.additional_properties = d
        return get_run_events_v1_response_200_events_item_style

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
