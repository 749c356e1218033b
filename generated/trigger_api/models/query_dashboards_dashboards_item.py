from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_dashboards_dashboards_item_widgets_item import (
        QueryDashboardsDashboardsItemWidgetsItem,
    )


T = TypeVar("T", bound="QueryDashboardsDashboardsItem")


@_attrs_define
class QueryDashboardsDashboardsItem:
    key: str | Unset = UNSET
    title: str | Unset = UNSET
    widgets: list[QueryDashboardsDashboardsItemWidgetsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        widgets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.widgets, Unset):
            widgets = []
            for widgets_item_data in self.widgets:
                widgets_item = widgets_item_data.to_dict()
                widgets.append(widgets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if title is not UNSET:
            field_dict["title"] = title
        if widgets is not UNSET:
            field_dict["widgets"] = widgets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.query_dashboards_dashboards_item_widgets_item import (
            QueryDashboardsDashboardsItemWidgetsItem,
        )

        d = dict(src_dict)
        key = d.pop("key", UNSET)

        title = d.pop("title", UNSET)

        _widgets = d.pop("widgets", UNSET)
        widgets: list[QueryDashboardsDashboardsItemWidgetsItem] | Unset = UNSET
        if _widgets is not UNSET:
            widgets = []
            for widgets_item_data in _widgets:
                widgets_item = QueryDashboardsDashboardsItemWidgetsItem.from_dict(
                    widgets_item_data
                )

                widgets.append(widgets_item)

        query_dashboards_dashboards_item = cls(
            key=key,
            title=title,
            widgets=widgets,
        )

        query_dashboards_dashboards_item.additional_properties = d
        return query_dashboards_dashboards_item

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
