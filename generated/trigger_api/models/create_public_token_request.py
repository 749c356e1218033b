from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_public_token_request_realtime import (
        CreatePublicTokenRequestRealtime,
    )


T = TypeVar("T", bound="CreatePublicTokenRequest")


@_attrs_define
class CreatePublicTokenRequest:
    scopes: list[str]
    expiration_time: int | str | Unset = UNSET
    one_time_use: bool | Unset = UNSET
    realtime: CreatePublicTokenRequestRealtime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scopes = self.scopes

        expiration_time: int | str | Unset
        if isinstance(self.expiration_time, Unset):
            expiration_time = UNSET
        else:
            expiration_time = self.expiration_time

        one_time_use = self.one_time_use

        realtime: dict[str, Any] | Unset = UNSET
        if not isinstance(self.realtime, Unset):
            realtime = self.realtime.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scopes": scopes,
            }
        )
        if expiration_time is not UNSET:
            field_dict["expirationTime"] = expiration_time
        if one_time_use is not UNSET:
            field_dict["oneTimeUse"] = one_time_use
        if realtime is not UNSET:
            field_dict["realtime"] = realtime

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_public_token_request_realtime import (
            CreatePublicTokenRequestRealtime,
        )

        d = dict(src_dict)
        scopes = cast(list[str], d.pop("scopes"))

        def _parse_expiration_time(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expiration_time = _parse_expiration_time(d.pop("expirationTime", UNSET))

        one_time_use = d.pop("oneTimeUse", UNSET)

        _realtime = d.pop("realtime", UNSET)
        realtime: CreatePublicTokenRequestRealtime | Unset
        if isinstance(_realtime, Unset):
            realtime = UNSET
        else:
            realtime = CreatePublicTokenRequestRealtime.from_dict(_realtime)

        create_public_token_request = cls(
            scopes=scopes,
            expiration_time=expiration_time,
            one_time_use=one_time_use,
            realtime=realtime,
        )

        create_public_token_request.additional_properties = d
        return create_public_token_request

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
