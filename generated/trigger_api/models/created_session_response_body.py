from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_object_metadata_type_0 import SessionObjectMetadataType0
    from ..models.session_trigger_config import SessionTriggerConfig


T = TypeVar("T", bound="CreatedSessionResponseBody")


@_attrs_define
class CreatedSessionResponseBody:
    id: str
    type_: str
    task_identifier: str
    tags: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    run_id: str
    public_access_token: str
    is_cached: bool
    external_id: None | str | Unset = UNSET
    trigger_config: SessionTriggerConfig | Unset = UNSET
    current_run_id: None | str | Unset = UNSET
    metadata: None | SessionObjectMetadataType0 | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.session_object_metadata_type_0 import SessionObjectMetadataType0

        id = self.id

        type_ = self.type_

        task_identifier = self.task_identifier

        tags = self.tags

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        run_id = self.run_id

        public_access_token = self.public_access_token

        is_cached = self.is_cached

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        trigger_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_config, Unset):
            trigger_config = self.trigger_config.to_dict()

        current_run_id: None | str | Unset
        if isinstance(self.current_run_id, Unset):
            current_run_id = UNSET
        else:
            current_run_id = self.current_run_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SessionObjectMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_reason: None | str | Unset
        if isinstance(self.closed_reason, Unset):
            closed_reason = UNSET
        else:
            closed_reason = self.closed_reason

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "taskIdentifier": task_identifier,
                "tags": tags,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "runId": run_id,
                "publicAccessToken": public_access_token,
                "isCached": is_cached,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if trigger_config is not UNSET:
            field_dict["triggerConfig"] = trigger_config
        if current_run_id is not UNSET:
            field_dict["currentRunId"] = current_run_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if closed_at is not UNSET:
            field_dict["closedAt"] = closed_at
        if closed_reason is not UNSET:
            field_dict["closedReason"] = closed_reason
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_object_metadata_type_0 import SessionObjectMetadataType0
        from ..models.session_trigger_config import SessionTriggerConfig

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        task_identifier = d.pop("taskIdentifier")

        tags = cast(list[str], d.pop("tags"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        run_id = d.pop("runId")

        public_access_token = d.pop("publicAccessToken")

        is_cached = d.pop("isCached")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        _trigger_config = d.pop("triggerConfig", UNSET)
        trigger_config: SessionTriggerConfig | Unset
        if isinstance(_trigger_config, Unset):
            trigger_config = UNSET
        else:
            trigger_config = SessionTriggerConfig.from_dict(_trigger_config)

        def _parse_current_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_run_id = _parse_current_run_id(d.pop("currentRunId", UNSET))

        def _parse_metadata(data: object) -> None | SessionObjectMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = SessionObjectMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionObjectMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closedAt", UNSET))

        def _parse_closed_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_reason = _parse_closed_reason(d.pop("closedReason", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expiresAt", UNSET))

        created_session_response_body = cls(
            id=id,
            type_=type_,
            task_identifier=task_identifier,
            tags=tags,
            created_at=created_at,
            updated_at=updated_at,
            run_id=run_id,
            public_access_token=public_access_token,
            is_cached=is_cached,
            external_id=external_id,
            trigger_config=trigger_config,
            current_run_id=current_run_id,
            metadata=metadata,
            closed_at=closed_at,
            closed_reason=closed_reason,
            expires_at=expires_at,
        )

        created_session_response_body.additional_properties = d
        return created_session_response_body

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
