from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bulk_cancel_by_run_ids_action import BulkCancelByRunIdsAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkCancelByRunIds")


@_attrs_define
class BulkCancelByRunIds:
    action: BulkCancelByRunIdsAction
    run_ids: list[str]
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        run_ids = self.run_ids

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "runIds": run_ids,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = BulkCancelByRunIdsAction(d.pop("action"))

        run_ids = cast(list[str], d.pop("runIds"))

        name = d.pop("name", UNSET)

        bulk_cancel_by_run_ids = cls(
            action=action,
            run_ids=run_ids,
            name=name,
        )

        bulk_cancel_by_run_ids.additional_properties = d
        return bulk_cancel_by_run_ids

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
