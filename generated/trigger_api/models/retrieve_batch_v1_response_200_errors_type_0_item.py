from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retrieve_batch_v1_response_200_errors_type_0_item_error import (
        RetrieveBatchV1Response200ErrorsType0ItemError,
    )


T = TypeVar("T", bound="RetrieveBatchV1Response200ErrorsType0Item")


@_attrs_define
class RetrieveBatchV1Response200ErrorsType0Item:
    index: int | Unset = UNSET
    task_identifier: str | Unset = UNSET
    error: RetrieveBatchV1Response200ErrorsType0ItemError | Unset = UNSET
    error_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        task_identifier = self.task_identifier

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if task_identifier is not UNSET:
            field_dict["taskIdentifier"] = task_identifier
        if error is not UNSET:
            field_dict["error"] = error
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retrieve_batch_v1_response_200_errors_type_0_item_error import (
            RetrieveBatchV1Response200ErrorsType0ItemError,
        )

        d = dict(src_dict)
        index = d.pop("index", UNSET)

        task_identifier = d.pop("taskIdentifier", UNSET)

        _error = d.pop("error", UNSET)
        error: RetrieveBatchV1Response200ErrorsType0ItemError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = RetrieveBatchV1Response200ErrorsType0ItemError.from_dict(_error)

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        retrieve_batch_v1_response_200_errors_type_0_item = cls(
            index=index,
            task_identifier=task_identifier,
            error=error,
            error_code=error_code,
        )

        retrieve_batch_v1_response_200_errors_type_0_item.additional_properties = d
        return retrieve_batch_v1_response_200_errors_type_0_item

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
