from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execute_query_json_response_format import ExecuteQueryJsonResponseFormat

if TYPE_CHECKING:
    from ..models.execute_query_json_response_results_item import (
        ExecuteQueryJsonResponseResultsItem,
    )


T = TypeVar("T", bound="ExecuteQueryJsonResponse")


@_attrs_define
class ExecuteQueryJsonResponse:
    format_: ExecuteQueryJsonResponseFormat
    results: list[ExecuteQueryJsonResponseResultsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execute_query_json_response_results_item import (
            ExecuteQueryJsonResponseResultsItem,
        )

        d = dict(src_dict)
        format_ = ExecuteQueryJsonResponseFormat(d.pop("format"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ExecuteQueryJsonResponseResultsItem.from_dict(
                results_item_data
            )

            results.append(results_item)

        execute_query_json_response = cls(
            format_=format_,
            results=results,
        )

        execute_query_json_response.additional_properties = d
        return execute_query_json_response

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
