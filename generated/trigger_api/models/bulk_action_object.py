from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bulk_action_object_status import BulkActionObjectStatus
from ..models.bulk_action_object_type import BulkActionObjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_action_object_counts import BulkActionObjectCounts


T = TypeVar("T", bound="BulkActionObject")


@_attrs_define
class BulkActionObject:
    id: str
    type_: BulkActionObjectType
    status: BulkActionObjectStatus
    counts: BulkActionObjectCounts
    created_at: datetime.datetime
    name: str | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        status = self.status.value

        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        name = self.name

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "status": status,
                "counts": counts,
                "createdAt": created_at,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bulk_action_object_counts import BulkActionObjectCounts

        d = dict(src_dict)
        id = d.pop("id")

        type_ = BulkActionObjectType(d.pop("type"))

        status = BulkActionObjectStatus(d.pop("status"))

        counts = BulkActionObjectCounts.from_dict(d.pop("counts"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        name = d.pop("name", UNSET)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completedAt", UNSET))

        bulk_action_object = cls(
            id=id,
            type_=type_,
            status=status,
            counts=counts,
            created_at=created_at,
            name=name,
            completed_at=completed_at,
        )

        bulk_action_object.additional_properties = d
        return bulk_action_object

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
