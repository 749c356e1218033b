from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_schema_tables_item_columns_item import (
        QuerySchemaTablesItemColumnsItem,
    )


T = TypeVar("T", bound="QuerySchemaTablesItem")


@_attrs_define
class QuerySchemaTablesItem:
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    time_column: str | Unset = UNSET
    columns: list[QuerySchemaTablesItemColumnsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        time_column = self.time_column

        columns: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.columns, Unset):
            columns = []
            for columns_item_data in self.columns:
                columns_item = columns_item_data.to_dict()
                columns.append(columns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if time_column is not UNSET:
            field_dict["timeColumn"] = time_column
        if columns is not UNSET:
            field_dict["columns"] = columns

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.query_schema_tables_item_columns_item import (
            QuerySchemaTablesItemColumnsItem,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        time_column = d.pop("timeColumn", UNSET)

        _columns = d.pop("columns", UNSET)
        columns: list[QuerySchemaTablesItemColumnsItem] | Unset = UNSET
        if _columns is not UNSET:
            columns = []
            for columns_item_data in _columns:
                columns_item = QuerySchemaTablesItemColumnsItem.from_dict(
                    columns_item_data
                )

                columns.append(columns_item)

        query_schema_tables_item = cls(
            name=name,
            description=description,
            time_column=time_column,
            columns=columns,
        )

        query_schema_tables_item.additional_properties = d
        return query_schema_tables_item

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
