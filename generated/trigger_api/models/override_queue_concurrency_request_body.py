from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.queue_identifier_type import QueueIdentifierType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OverrideQueueConcurrencyRequestBody")


@_attrs_define
class OverrideQueueConcurrencyRequestBody:
    type_: QueueIdentifierType | Unset = UNSET
    concurrency_limit: int | Unset = UNSET
    percent: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        concurrency_limit = self.concurrency_limit

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if concurrency_limit is not UNSET:
            field_dict["concurrencyLimit"] = concurrency_limit
        if percent is not UNSET:
            field_dict["percent"] = percent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: QueueIdentifierType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = QueueIdentifierType(_type_)

        concurrency_limit = d.pop("concurrencyLimit", UNSET)

        percent = d.pop("percent", UNSET)

        override_queue_concurrency_request_body = cls(
            type_=type_,
            concurrency_limit=concurrency_limit,
            percent=percent,
        )

        override_queue_concurrency_request_body.additional_properties = d
        return override_queue_concurrency_request_body

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
