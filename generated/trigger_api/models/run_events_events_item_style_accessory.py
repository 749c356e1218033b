from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_events_events_item_style_accessory_style import (
    RunEventsEventsItemStyleAccessoryStyle,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunEventsEventsItemStyleAccessory")


@_attrs_define
class RunEventsEventsItemStyleAccessory:
    text: str | Unset = UNSET
    style: RunEventsEventsItemStyleAccessoryStyle | Unset = UNSET
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
        style: RunEventsEventsItemStyleAccessoryStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = RunEventsEventsItemStyleAccessoryStyle(_style)

        run_events_events_item_style_accessory = cls(
            text=text,
            style=style,
        )

        run_events_events_item_style_accessory.additional_properties = d
        return run_events_events_item_style_accessory

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
