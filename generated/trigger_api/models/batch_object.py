from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_processing import BatchProcessing


T = TypeVar("T", bound="BatchObject")


@_attrs_define
class BatchObject:
    id: str
    status: BatchStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    run_count: int
    runs: list[str]
    processing: BatchProcessing
    idempotency_key: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        run_count = self.run_count

        runs = self.runs

        processing = self.processing.to_dict()

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "runCount": run_count,
                "runs": runs,
                "processing": processing,
            }
        )
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_processing import BatchProcessing

        d = dict(src_dict)
        id = d.pop("id")

        status = BatchStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        run_count = d.pop("runCount")

        runs = cast(list[str], d.pop("runs"))

        processing = BatchProcessing.from_dict(d.pop("processing"))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotencyKey", UNSET))

        batch_object = cls(
            id=id,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            run_count=run_count,
            runs=runs,
            processing=processing,
            idempotency_key=idempotency_key,
        )

        batch_object.additional_properties = d
        return batch_object

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
