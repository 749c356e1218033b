from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_query_schema_v1_response_200_tables_item import (
        GetQuerySchemaV1Response200TablesItem,
    )


T = TypeVar("T", bound="GetQuerySchemaV1Response200")


@_attrs_define
class GetQuerySchemaV1Response200:
    tables: list[GetQuerySchemaV1Response200TablesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tables, Unset):
            tables = []
            for tables_item_data in self.tables:
                tables_item = tables_item_data.to_dict()
                tables.append(tables_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tables is not UNSET:
            field_dict["tables"] = tables

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_query_schema_v1_response_200_tables_item import (
            GetQuerySchemaV1Response200TablesItem,
        )

        d = dict(src_dict)
        _tables = d.pop("tables", UNSET)
        tables: list[GetQuerySchemaV1Response200TablesItem] | Unset = UNSET
        if _tables is not UNSET:
            tables = []
            for tables_item_data in _tables:
                tables_item = GetQuerySchemaV1Response200TablesItem.from_dict(
                    tables_item_data
                )

                tables.append(tables_item)

        get_query_schema_v1_response_200 = cls(
            tables=tables,
        )

        get_query_schema_v1_response_200.additional_properties = d
        return get_query_schema_v1_response_200

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
