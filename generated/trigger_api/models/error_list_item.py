from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_list_item_status import ErrorListItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorListItem")


@_attrs_define
class ErrorListItem:
    id: str
    fingerprint: str
    task_identifier: str
    error_type: str
    error_message: str
    status: ErrorListItemStatus
    count: int
    first_seen: datetime.datetime
    last_seen: datetime.datetime
    resolved_at: datetime.datetime | None | Unset = UNSET
    ignored_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fingerprint = self.fingerprint

        task_identifier = self.task_identifier

        error_type = self.error_type

        error_message = self.error_message

        status = self.status.value

        count = self.count

        first_seen = self.first_seen.isoformat()

        last_seen = self.last_seen.isoformat()

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        ignored_until: None | str | Unset
        if isinstance(self.ignored_until, Unset):
            ignored_until = UNSET
        elif isinstance(self.ignored_until, datetime.datetime):
            ignored_until = self.ignored_until.isoformat()
        else:
            ignored_until = self.ignored_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "fingerprint": fingerprint,
                "taskIdentifier": task_identifier,
                "errorType": error_type,
                "errorMessage": error_message,
                "status": status,
                "count": count,
                "firstSeen": first_seen,
                "lastSeen": last_seen,
            }
        )
        if resolved_at is not UNSET:
            field_dict["resolvedAt"] = resolved_at
        if ignored_until is not UNSET:
            field_dict["ignoredUntil"] = ignored_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        fingerprint = d.pop("fingerprint")

        task_identifier = d.pop("taskIdentifier")

        error_type = d.pop("errorType")

        error_message = d.pop("errorMessage")

        status = ErrorListItemStatus(d.pop("status"))

        count = d.pop("count")

        first_seen = datetime.datetime.fromisoformat(d.pop("firstSeen"))

        last_seen = datetime.datetime.fromisoformat(d.pop("lastSeen"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolvedAt", UNSET))

        def _parse_ignored_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ignored_until_type_0 = datetime.datetime.fromisoformat(data)

                return ignored_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ignored_until = _parse_ignored_until(d.pop("ignoredUntil", UNSET))

        error_list_item = cls(
            id=id,
            fingerprint=fingerprint,
            task_identifier=task_identifier,
            error_type=error_type,
            error_message=error_message,
            status=status,
            count=count,
            first_seen=first_seen,
            last_seen=last_seen,
            resolved_at=resolved_at,
            ignored_until=ignored_until,
        )

        error_list_item.additional_properties = d
        return error_list_item

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
