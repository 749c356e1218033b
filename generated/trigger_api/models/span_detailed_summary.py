from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.span_detailed_summary_data import SpanDetailedSummaryData


T = TypeVar("T", bound="SpanDetailedSummary")


@_attrs_define
class SpanDetailedSummary:
    id: str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    run_id: str | Unset = UNSET
    data: SpanDetailedSummaryData | Unset = UNSET
    children: list[SpanDetailedSummary] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        run_id = self.run_id

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if run_id is not UNSET:
            field_dict["runId"] = run_id
        if data is not UNSET:
            field_dict["data"] = data
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.span_detailed_summary_data import SpanDetailedSummaryData

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parentId", UNSET))

        run_id = d.pop("runId", UNSET)

        _data = d.pop("data", UNSET)
        data: SpanDetailedSummaryData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = SpanDetailedSummaryData.from_dict(_data)

        _children = d.pop("children", UNSET)
        children: list[SpanDetailedSummary] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = SpanDetailedSummary.from_dict(children_item_data)

                children.append(children_item)

        span_detailed_summary = cls(
            id=id,
            parent_id=parent_id,
            run_id=run_id,
            data=data,
            children=children,
        )

        span_detailed_summary.additional_properties = d
        return span_detailed_summary

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
