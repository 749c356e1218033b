from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.query_dashboards_dashboards_item_widgets_item_type import (
    QueryDashboardsDashboardsItemWidgetsItemType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryDashboardsDashboardsItemWidgetsItem")


@_attrs_define
class QueryDashboardsDashboardsItemWidgetsItem:
    id: str | Unset = UNSET
    title: str | Unset = UNSET
    query: str | Unset = UNSET
    type_: QueryDashboardsDashboardsItemWidgetsItemType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        query = self.query

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if query is not UNSET:
            field_dict["query"] = query
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        query = d.pop("query", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: QueryDashboardsDashboardsItemWidgetsItemType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = QueryDashboardsDashboardsItemWidgetsItemType(_type_)

        query_dashboards_dashboards_item_widgets_item = cls(
            id=id,
            title=title,
            query=query,
            type_=type_,
        )

        query_dashboards_dashboards_item_widgets_item.additional_properties = d
        return query_dashboards_dashboards_item_widgets_item

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
