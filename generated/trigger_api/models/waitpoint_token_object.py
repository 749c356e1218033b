from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.waitpoint_token_object_status import WaitpointTokenObjectStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WaitpointTokenObject")


@_attrs_define
class WaitpointTokenObject:
    id: str
    url: str
    status: WaitpointTokenObjectStatus
    tags: list[str]
    created_at: datetime.datetime
    idempotency_key: None | str | Unset = UNSET
    idempotency_key_expires_at: datetime.datetime | None | Unset = UNSET
    timeout_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    output: None | str | Unset = UNSET
    output_type: None | str | Unset = UNSET
    output_is_error: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        status = self.status.value

        tags = self.tags

        created_at = self.created_at.isoformat()

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        idempotency_key_expires_at: None | str | Unset
        if isinstance(self.idempotency_key_expires_at, Unset):
            idempotency_key_expires_at = UNSET
        elif isinstance(self.idempotency_key_expires_at, datetime.datetime):
            idempotency_key_expires_at = self.idempotency_key_expires_at.isoformat()
        else:
            idempotency_key_expires_at = self.idempotency_key_expires_at

        timeout_at: None | str | Unset
        if isinstance(self.timeout_at, Unset):
            timeout_at = UNSET
        elif isinstance(self.timeout_at, datetime.datetime):
            timeout_at = self.timeout_at.isoformat()
        else:
            timeout_at = self.timeout_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        output: None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        else:
            output = self.output

        output_type: None | str | Unset
        if isinstance(self.output_type, Unset):
            output_type = UNSET
        else:
            output_type = self.output_type

        output_is_error: bool | None | Unset
        if isinstance(self.output_is_error, Unset):
            output_is_error = UNSET
        else:
            output_is_error = self.output_is_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "status": status,
                "tags": tags,
                "createdAt": created_at,
            }
        )
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if idempotency_key_expires_at is not UNSET:
            field_dict["idempotencyKeyExpiresAt"] = idempotency_key_expires_at
        if timeout_at is not UNSET:
            field_dict["timeoutAt"] = timeout_at
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at
        if output is not UNSET:
            field_dict["output"] = output
        if output_type is not UNSET:
            field_dict["outputType"] = output_type
        if output_is_error is not UNSET:
            field_dict["outputIsError"] = output_is_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        status = WaitpointTokenObjectStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotencyKey", UNSET))

        def _parse_idempotency_key_expires_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                idempotency_key_expires_at_type_0 = datetime.datetime.fromisoformat(
                    data
                )

                return idempotency_key_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        idempotency_key_expires_at = _parse_idempotency_key_expires_at(
            d.pop("idempotencyKeyExpiresAt", UNSET)
        )

        def _parse_timeout_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timeout_at_type_0 = datetime.datetime.fromisoformat(data)

                return timeout_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timeout_at = _parse_timeout_at(d.pop("timeoutAt", UNSET))

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

        def _parse_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_output_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output_type = _parse_output_type(d.pop("outputType", UNSET))

        def _parse_output_is_error(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        output_is_error = _parse_output_is_error(d.pop("outputIsError", UNSET))

        waitpoint_token_object = cls(
            id=id,
            url=url,
            status=status,
            tags=tags,
            created_at=created_at,
            idempotency_key=idempotency_key,
            idempotency_key_expires_at=idempotency_key_expires_at,
            timeout_at=timeout_at,
            completed_at=completed_at,
            output=output,
            output_type=output_type,
            output_is_error=output_is_error,
        )

        waitpoint_token_object.additional_properties = d
        return waitpoint_token_object

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
