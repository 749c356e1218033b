from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IgnoreErrorV1Body")


@_attrs_define
class IgnoreErrorV1Body:
    duration: int | Unset = UNSET
    occurrence_rate: float | Unset = UNSET
    total_occurrences: int | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duration = self.duration

        occurrence_rate = self.occurrence_rate

        total_occurrences = self.total_occurrences

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if duration is not UNSET:
            field_dict["duration"] = duration
        if occurrence_rate is not UNSET:
            field_dict["occurrenceRate"] = occurrence_rate
        if total_occurrences is not UNSET:
            field_dict["totalOccurrences"] = total_occurrences
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        duration = d.pop("duration", UNSET)

        occurrence_rate = d.pop("occurrenceRate", UNSET)

        total_occurrences = d.pop("totalOccurrences", UNSET)

        reason = d.pop("reason", UNSET)

        ignore_error_v1_body = cls(
            duration=duration,
            occurrence_rate=occurrence_rate,
            total_occurrences=total_occurrences,
            reason=reason,
        )

        ignore_error_v1_body.additional_properties = d
        return ignore_error_v1_body

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
