from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retrieve_batch_v1_response_200_errors_type_0_item import (
        RetrieveBatchV1Response200ErrorsType0Item,
    )


T = TypeVar("T", bound="RetrieveBatchV1Response200")


@_attrs_define
class RetrieveBatchV1Response200:
    id: str | Unset = UNSET
    status: BatchStatus | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    run_count: int | Unset = UNSET
    runs: list[str] | Unset = UNSET
    successful_run_count: int | None | Unset = UNSET
    failed_run_count: int | None | Unset = UNSET
    errors: list[RetrieveBatchV1Response200ErrorsType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        run_count = self.run_count

        runs: list[str] | Unset = UNSET
        if not isinstance(self.runs, Unset):
            runs = self.runs

        successful_run_count: int | None | Unset
        if isinstance(self.successful_run_count, Unset):
            successful_run_count = UNSET
        else:
            successful_run_count = self.successful_run_count

        failed_run_count: int | None | Unset
        if isinstance(self.failed_run_count, Unset):
            failed_run_count = UNSET
        else:
            failed_run_count = self.failed_run_count

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if run_count is not UNSET:
            field_dict["runCount"] = run_count
        if runs is not UNSET:
            field_dict["runs"] = runs
        if successful_run_count is not UNSET:
            field_dict["successfulRunCount"] = successful_run_count
        if failed_run_count is not UNSET:
            field_dict["failedRunCount"] = failed_run_count
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retrieve_batch_v1_response_200_errors_type_0_item import (
            RetrieveBatchV1Response200ErrorsType0Item,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _status = d.pop("status", UNSET)
        status: BatchStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BatchStatus(_status)

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotencyKey", UNSET))

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        run_count = d.pop("runCount", UNSET)

        runs = cast(list[str], d.pop("runs", UNSET))

        def _parse_successful_run_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        successful_run_count = _parse_successful_run_count(
            d.pop("successfulRunCount", UNSET)
        )

        def _parse_failed_run_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        failed_run_count = _parse_failed_run_count(d.pop("failedRunCount", UNSET))

        def _parse_errors(
            data: object,
        ) -> list[RetrieveBatchV1Response200ErrorsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = (
                        RetrieveBatchV1Response200ErrorsType0Item.from_dict(
                            errors_type_0_item_data
                        )
                    )

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[RetrieveBatchV1Response200ErrorsType0Item] | None | Unset, data
            )

        errors = _parse_errors(d.pop("errors", UNSET))

        retrieve_batch_v1_response_200 = cls(
            id=id,
            status=status,
            idempotency_key=idempotency_key,
            created_at=created_at,
            updated_at=updated_at,
            run_count=run_count,
            runs=runs,
            successful_run_count=successful_run_count,
            failed_run_count=failed_run_count,
            errors=errors,
        )

        retrieve_batch_v1_response_200.additional_properties = d
        return retrieve_batch_v1_response_200

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
