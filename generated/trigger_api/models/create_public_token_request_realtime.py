from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePublicTokenRequestRealtime")


@_attrs_define
class CreatePublicTokenRequestRealtime:
    skip_columns: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skip_columns: list[str] | Unset = UNSET
        if not isinstance(self.skip_columns, Unset):
            skip_columns = self.skip_columns

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if skip_columns is not UNSET:
            field_dict["skipColumns"] = skip_columns

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        skip_columns = cast(list[str], d.pop("skipColumns", UNSET))

        create_public_token_request_realtime = cls(
            skip_columns=skip_columns,
        )

        create_public_token_request_realtime.additional_properties = d
        return create_public_token_request_realtime

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
