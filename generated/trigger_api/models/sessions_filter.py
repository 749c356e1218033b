from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sessions_filter_status_item import SessionsFilterStatusItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sessions_filter_created_at import SessionsFilterCreatedAt


T = TypeVar("T", bound="SessionsFilter")


@_attrs_define
class SessionsFilter:
    type_: list[str] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    task_identifier: list[str] | Unset = UNSET
    external_id: str | Unset = UNSET
    status: list[SessionsFilterStatusItem] | Unset = UNSET
    created_at: SessionsFilterCreatedAt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: list[str] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        task_identifier: list[str] | Unset = UNSET
        if not isinstance(self.task_identifier, Unset):
            task_identifier = self.task_identifier

        external_id = self.external_id

        status: list[str] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = []
            for status_item_data in self.status:
                status_item = status_item_data.value
                status.append(status_item)

        created_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if tags is not UNSET:
            field_dict["tags"] = tags
        if task_identifier is not UNSET:
            field_dict["taskIdentifier"] = task_identifier
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sessions_filter_created_at import SessionsFilterCreatedAt

        d = dict(src_dict)
        type_ = cast(list[str], d.pop("type", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        task_identifier = cast(list[str], d.pop("taskIdentifier", UNSET))

        external_id = d.pop("externalId", UNSET)

        _status = d.pop("status", UNSET)
        status: list[SessionsFilterStatusItem] | Unset = UNSET
        if _status is not UNSET:
            status = []
            for status_item_data in _status:
                status_item = SessionsFilterStatusItem(status_item_data)

                status.append(status_item)

        _created_at = d.pop("createdAt", UNSET)
        created_at: SessionsFilterCreatedAt | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = SessionsFilterCreatedAt.from_dict(_created_at)

        sessions_filter = cls(
            type_=type_,
            tags=tags,
            task_identifier=task_identifier,
            external_id=external_id,
            status=status,
            created_at=created_at,
        )

        sessions_filter.additional_properties = d
        return sessions_filter

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
