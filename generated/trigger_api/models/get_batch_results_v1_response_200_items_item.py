from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_batch_results_v1_response_200_items_item_error import (
        GetBatchResultsV1Response200ItemsItemError,
    )
    from ..models.get_batch_results_v1_response_200_items_item_usage import (
        GetBatchResultsV1Response200ItemsItemUsage,
    )


T = TypeVar("T", bound="GetBatchResultsV1Response200ItemsItem")


@_attrs_define
class GetBatchResultsV1Response200ItemsItem:
    ok: bool
    id: str
    output: str | Unset = UNSET
    output_type: str | Unset = UNSET
    error: GetBatchResultsV1Response200ItemsItemError | Unset = UNSET
    usage: GetBatchResultsV1Response200ItemsItemUsage | Unset = UNSET
    task_identifier: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        id = self.id

        output = self.output

        output_type = self.output_type

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        task_identifier = self.task_identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "id": id,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if output_type is not UNSET:
            field_dict["outputType"] = output_type
        if error is not UNSET:
            field_dict["error"] = error
        if usage is not UNSET:
            field_dict["usage"] = usage
        if task_identifier is not UNSET:
            field_dict["taskIdentifier"] = task_identifier

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_batch_results_v1_response_200_items_item_error import (
            GetBatchResultsV1Response200ItemsItemError,
        )
        from ..models.get_batch_results_v1_response_200_items_item_usage import (
            GetBatchResultsV1Response200ItemsItemUsage,
        )

        d = dict(src_dict)
        ok = d.pop("ok")

        id = d.pop("id")

        output = d.pop("output", UNSET)

        output_type = d.pop("outputType", UNSET)

        _error = d.pop("error", UNSET)
        error: GetBatchResultsV1Response200ItemsItemError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = GetBatchResultsV1Response200ItemsItemError.from_dict(_error)

        _usage = d.pop("usage", UNSET)
        usage: GetBatchResultsV1Response200ItemsItemUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = GetBatchResultsV1Response200ItemsItemUsage.from_dict(_usage)

        task_identifier = d.pop("taskIdentifier", UNSET)

        get_batch_results_v1_response_200_items_item = cls(
            ok=ok,
            id=id,
            output=output,
            output_type=output_type,
            error=error,
            usage=usage,
            task_identifier=task_identifier,
        )

        get_batch_results_v1_response_200_items_item.additional_properties = d
        return get_batch_results_v1_response_200_items_item

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
