from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_object_status import ErrorObjectStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorObject")


@_attrs_define
class ErrorObject:
    id: str
    fingerprint: str
    task_identifier: str
    error_type: str
    error_message: str
    count: int
    first_seen: datetime.datetime
    last_seen: datetime.datetime
    affected_versions: list[str]
    status: ErrorObjectStatus
    resolved_at: datetime.datetime | None | Unset = UNSET
    resolved_in_version: None | str | Unset = UNSET
    resolved_by: None | str | Unset = UNSET
    ignored_at: datetime.datetime | None | Unset = UNSET
    ignored_until: datetime.datetime | None | Unset = UNSET
    ignored_reason: None | str | Unset = UNSET
    ignored_by_user_id: None | str | Unset = UNSET
    ignored_until_occurrence_rate: float | None | Unset = UNSET
    ignored_until_total_occurrences: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fingerprint = self.fingerprint

        task_identifier = self.task_identifier

        error_type = self.error_type

        error_message = self.error_message

        count = self.count

        first_seen = self.first_seen.isoformat()

        last_seen = self.last_seen.isoformat()

        affected_versions = self.affected_versions

        status = self.status.value

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_in_version: None | str | Unset
        if isinstance(self.resolved_in_version, Unset):
            resolved_in_version = UNSET
        else:
            resolved_in_version = self.resolved_in_version

        resolved_by: None | str | Unset
        if isinstance(self.resolved_by, Unset):
            resolved_by = UNSET
        else:
            resolved_by = self.resolved_by

        ignored_at: None | str | Unset
        if isinstance(self.ignored_at, Unset):
            ignored_at = UNSET
        elif isinstance(self.ignored_at, datetime.datetime):
            ignored_at = self.ignored_at.isoformat()
        else:
            ignored_at = self.ignored_at

        ignored_until: None | str | Unset
        if isinstance(self.ignored_until, Unset):
            ignored_until = UNSET
        elif isinstance(self.ignored_until, datetime.datetime):
            ignored_until = self.ignored_until.isoformat()
        else:
            ignored_until = self.ignored_until

        ignored_reason: None | str | Unset
        if isinstance(self.ignored_reason, Unset):
            ignored_reason = UNSET
        else:
            ignored_reason = self.ignored_reason

        ignored_by_user_id: None | str | Unset
        if isinstance(self.ignored_by_user_id, Unset):
            ignored_by_user_id = UNSET
        else:
            ignored_by_user_id = self.ignored_by_user_id

        ignored_until_occurrence_rate: float | None | Unset
        if isinstance(self.ignored_until_occurrence_rate, Unset):
            ignored_until_occurrence_rate = UNSET
        else:
            ignored_until_occurrence_rate = self.ignored_until_occurrence_rate

        ignored_until_total_occurrences: int | None | Unset
        if isinstance(self.ignored_until_total_occurrences, Unset):
            ignored_until_total_occurrences = UNSET
        else:
            ignored_until_total_occurrences = self.ignored_until_total_occurrences

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "fingerprint": fingerprint,
                "taskIdentifier": task_identifier,
                "errorType": error_type,
                "errorMessage": error_message,
                "count": count,
                "firstSeen": first_seen,
                "lastSeen": last_seen,
                "affectedVersions": affected_versions,
                "status": status,
            }
        )
        if resolved_at is not UNSET:
            field_dict["resolvedAt"] = resolved_at
        if resolved_in_version is not UNSET:
            field_dict["resolvedInVersion"] = resolved_in_version
        if resolved_by is not UNSET:
            field_dict["resolvedBy"] = resolved_by
        if ignored_at is not UNSET:
            field_dict["ignoredAt"] = ignored_at
        if ignored_until is not UNSET:
            field_dict["ignoredUntil"] = ignored_until
        if ignored_reason is not UNSET:
            field_dict["ignoredReason"] = ignored_reason
        if ignored_by_user_id is not UNSET:
            field_dict["ignoredByUserId"] = ignored_by_user_id
        if ignored_until_occurrence_rate is not UNSET:
            field_dict["ignoredUntilOccurrenceRate"] = ignored_until_occurrence_rate
        if ignored_until_total_occurrences is not UNSET:
            field_dict["ignoredUntilTotalOccurrences"] = ignored_until_total_occurrences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        fingerprint = d.pop("fingerprint")

        task_identifier = d.pop("taskIdentifier")

        error_type = d.pop("errorType")

        error_message = d.pop("errorMessage")

        count = d.pop("count")

        first_seen = datetime.datetime.fromisoformat(d.pop("firstSeen"))

        last_seen = datetime.datetime.fromisoformat(d.pop("lastSeen"))

        affected_versions = cast(list[str], d.pop("affectedVersions"))

        status = ErrorObjectStatus(d.pop("status"))

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

        def _parse_resolved_in_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved_in_version = _parse_resolved_in_version(
            d.pop("resolvedInVersion", UNSET)
        )

        def _parse_resolved_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved_by = _parse_resolved_by(d.pop("resolvedBy", UNSET))

        def _parse_ignored_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ignored_at_type_0 = datetime.datetime.fromisoformat(data)

                return ignored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ignored_at = _parse_ignored_at(d.pop("ignoredAt", UNSET))

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

        def _parse_ignored_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ignored_reason = _parse_ignored_reason(d.pop("ignoredReason", UNSET))

        def _parse_ignored_by_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ignored_by_user_id = _parse_ignored_by_user_id(d.pop("ignoredByUserId", UNSET))

        def _parse_ignored_until_occurrence_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ignored_until_occurrence_rate = _parse_ignored_until_occurrence_rate(
            d.pop("ignoredUntilOccurrenceRate", UNSET)
        )

        def _parse_ignored_until_total_occurrences(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ignored_until_total_occurrences = _parse_ignored_until_total_occurrences(
            d.pop("ignoredUntilTotalOccurrences", UNSET)
        )

        error_object = cls(
            id=id,
            fingerprint=fingerprint,
            task_identifier=task_identifier,
            error_type=error_type,
            error_message=error_message,
            count=count,
            first_seen=first_seen,
            last_seen=last_seen,
            affected_versions=affected_versions,
            status=status,
            resolved_at=resolved_at,
            resolved_in_version=resolved_in_version,
            resolved_by=resolved_by,
            ignored_at=ignored_at,
            ignored_until=ignored_until,
            ignored_reason=ignored_reason,
            ignored_by_user_id=ignored_by_user_id,
            ignored_until_occurrence_rate=ignored_until_occurrence_rate,
            ignored_until_total_occurrences=ignored_until_total_occurrences,
        )

        error_object.additional_properties = d
        return error_object

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
