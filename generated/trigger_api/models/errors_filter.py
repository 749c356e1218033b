from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.errors_filter_status_item import ErrorsFilterStatusItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorsFilter")


@_attrs_define
class ErrorsFilter:
    task_identifier: list[str] | Unset = UNSET
    version: list[str] | Unset = UNSET
    status: list[ErrorsFilterStatusItem] | Unset = UNSET
    search: str | Unset = UNSET
    from_: datetime.datetime | Unset = UNSET
    to: datetime.datetime | Unset = UNSET
    period: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_identifier: list[str] | Unset = UNSET
        if not isinstance(self.task_identifier, Unset):
            task_identifier = self.task_identifier

        version: list[str] | Unset = UNSET
        if not isinstance(self.version, Unset):
            version = self.version

        status: list[str] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = []
            for status_item_data in self.status:
                status_item = status_item_data.value
                status.append(status_item)

        search = self.search

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()

        period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_identifier is not UNSET:
            field_dict["taskIdentifier"] = task_identifier
        if version is not UNSET:
            field_dict["version"] = version
        if status is not UNSET:
            field_dict["status"] = status
        if search is not UNSET:
            field_dict["search"] = search
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if period is not UNSET:
            field_dict["period"] = period

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        task_identifier = cast(list[str], d.pop("taskIdentifier", UNSET))

        version = cast(list[str], d.pop("version", UNSET))

        _status = d.pop("status", UNSET)
        status: list[ErrorsFilterStatusItem] | Unset = UNSET
        if _status is not UNSET:
            status = []
            for status_item_data in _status:
                status_item = ErrorsFilterStatusItem(status_item_data)

                status.append(status_item)

        search = d.pop("search", UNSET)

        _from_ = d.pop("from", UNSET)
        from_: datetime.datetime | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = datetime.datetime.fromisoformat(_from_)

        _to = d.pop("to", UNSET)
        to: datetime.datetime | Unset
        if isinstance(_to, Unset):
            to = UNSET
        else:
            to = datetime.datetime.fromisoformat(_to)

        period = d.pop("period", UNSET)

        errors_filter = cls(
            task_identifier=task_identifier,
            version=version,
            status=status,
            search=search,
            from_=from_,
            to=to,
            period=period,
        )

        errors_filter.additional_properties = d
        return errors_filter

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
