from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_run_events_v1_response_200_events_item_style_accessory_style import (
    GetRunEventsV1Response200EventsItemStyleAccessoryStyle,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GetRunEventsV1Response200EventsItemStyleAccessory")


@_attrs_define
class GetRunEventsV1Response200EventsItemStyleAccessory:
    text: str | Unset = UNSET
    style: GetRunEventsV1Response200EventsItemStyleAccessoryStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        _style = d.pop("style", UNSET)
        style: GetRunEventsV1Response200EventsItemStyleAccessoryStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = GetRunEventsV1Response200EventsItemStyleAccessoryStyle(_style)

        get_run_events_v1_response_200_events_item_style_accessory = cls(
            text=text,
            style=style,
        )

        get_run_events_v1_response_200_events_item_style_accessory.additional_properties = d
        return get_run_events_v1_response_200_events_item_style_accessory

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
