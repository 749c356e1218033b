from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_session_request_body_metadata import (
        CreateSessionRequestBodyMetadata,
    )
    from ..models.session_trigger_config import SessionTriggerConfig


T = TypeVar("T", bound="CreateSessionRequestBody")


@_attrs_define
class CreateSessionRequestBody:
    type_: str
    task_identifier: str
    trigger_config: SessionTriggerConfig
    external_id: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    metadata: CreateSessionRequestBodyMetadata | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        task_identifier = self.task_identifier

        trigger_config = self.trigger_config.to_dict()

        external_id = self.external_id

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "taskIdentifier": task_identifier,
                "triggerConfig": trigger_config,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if tags is not UNSET:
            field_dict["tags"] = tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_session_request_body_metadata import (
            CreateSessionRequestBodyMetadata,
        )
        from ..models.session_trigger_config import SessionTriggerConfig

        d = dict(src_dict)
        type_ = d.pop("type")

        task_identifier = d.pop("taskIdentifier")

        trigger_config = SessionTriggerConfig.from_dict(d.pop("triggerConfig"))

        external_id = d.pop("externalId", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: CreateSessionRequestBodyMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = CreateSessionRequestBodyMetadata.from_dict(_metadata)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        create_session_request_body = cls(
            type_=type_,
            task_identifier=task_identifier,
            trigger_config=trigger_config,
            external_id=external_id,
            tags=tags,
            metadata=metadata,
            expires_at=expires_at,
        )

        create_session_request_body.additional_properties = d
        return create_session_request_body

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
