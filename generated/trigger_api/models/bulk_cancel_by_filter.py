from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bulk_cancel_by_filter_action import BulkCancelByFilterAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_action_filter import BulkActionFilter


T = TypeVar("T", bound="BulkCancelByFilter")


@_attrs_define
class BulkCancelByFilter:
    action: BulkCancelByFilterAction
    filter_: BulkActionFilter
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        filter_ = self.filter_.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "filter": filter_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bulk_action_filter import BulkActionFilter

        d = dict(src_dict)
        action = BulkCancelByFilterAction(d.pop("action"))

        filter_ = BulkActionFilter.from_dict(d.pop("filter"))

        name = d.pop("name", UNSET)

        bulk_cancel_by_filter = cls(
            action=action,
            filter_=filter_,
            name=name,
        )

        bulk_cancel_by_filter.additional_properties = d
        return bulk_cancel_by_filter

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
