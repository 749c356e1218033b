from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retrieve_run_response_attempts_item_status import (
    RetrieveRunResponseAttemptsItemStatus,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.serialized_error import SerializedError


T = TypeVar("T", bound="RetrieveRunResponseAttemptsItem")


@_attrs_define
class RetrieveRunResponseAttemptsItem:
    id: str
    status: RetrieveRunResponseAttemptsItemStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    error: SerializedError | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.serialized_error import SerializedError

        d = dict(src_dict)
        id = d.pop("id")

        status = RetrieveRunResponseAttemptsItemStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        _error = d.pop("error", UNSET)
        error: SerializedError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = SerializedError.from_dict(_error)

        _started_at = d.pop("startedAt", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        _completed_at = d.pop("completedAt", UNSET)
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime.datetime.fromisoformat(_completed_at)

        retrieve_run_response_attempts_item = cls(
            id=id,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            error=error,
            started_at=started_at,
            completed_at=completed_at,
        )

        retrieve_run_response_attempts_item.additional_properties = d
        return retrieve_run_response_attempts_item

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
