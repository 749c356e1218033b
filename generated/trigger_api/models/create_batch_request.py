from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.idempotency_key_options import IdempotencyKeyOptions


T = TypeVar("T", bound="CreateBatchRequest")


@_attrs_define
class CreateBatchRequest:
    run_count: int
    parent_run_id: str | Unset = UNSET
    resume_parent_on_completion: bool | Unset = UNSET
    idempotency_key: str | Unset = UNSET
    task_identifiers: list[str] | Unset = UNSET
    idempotency_key_options: IdempotencyKeyOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_count = self.run_count

        parent_run_id = self.parent_run_id

        resume_parent_on_completion = self.resume_parent_on_completion

        idempotency_key = self.idempotency_key

        task_identifiers: list[str] | Unset = UNSET
        if not isinstance(self.task_identifiers, Unset):
            task_identifiers = self.task_identifiers

        idempotency_key_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.idempotency_key_options, Unset):
            idempotency_key_options = self.idempotency_key_options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runCount": run_count,
            }
        )
        if parent_run_id is not UNSET:
            field_dict["parentRunId"] = parent_run_id
        if resume_parent_on_completion is not UNSET:
            field_dict["resumeParentOnCompletion"] = resume_parent_on_completion
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if task_identifiers is not UNSET:
            field_dict["taskIdentifiers"] = task_identifiers
        if idempotency_key_options is not UNSET:
            field_dict["idempotencyKeyOptions"] = idempotency_key_options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.idempotency_key_options import IdempotencyKeyOptions

        d = dict(src_dict)
        run_count = d.pop("runCount")

        parent_run_id = d.pop("parentRunId", UNSET)

        resume_parent_on_completion = d.pop("resumeParentOnCompletion", UNSET)

        idempotency_key = d.pop("idempotencyKey", UNSET)

        task_identifiers = cast(list[str], d.pop("taskIdentifiers", UNSET))

        _idempotency_key_options = d.pop("idempotencyKeyOptions", UNSET)
        idempotency_key_options: IdempotencyKeyOptions | Unset
        if isinstance(_idempotency_key_options, Unset):
            idempotency_key_options = UNSET
        else:
            idempotency_key_options = IdempotencyKeyOptions.from_dict(
                _idempotency_key_options
            )

        create_batch_request = cls(
            run_count=run_count,
            parent_run_id=parent_run_id,
            resume_parent_on_completion=resume_parent_on_completion,
            idempotency_key=idempotency_key,
            task_identifiers=task_identifiers,
            idempotency_key_options=idempotency_key_options,
        )

        create_batch_request.additional_properties = d
        return create_batch_request

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
