from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger_task_options import TriggerTaskOptions


T = TypeVar("T", bound="BatchItemNDJSON")


@_attrs_define
class BatchItemNDJSON:
    index: int
    task: str
    payload: Any | Unset = UNSET
    options: TriggerTaskOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        task = self.task

        payload = self.payload

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "task": task,
            }
        )
        if payload is not UNSET:
            field_dict["payload"] = payload
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trigger_task_options import TriggerTaskOptions

        d = dict(src_dict)
        index = d.pop("index")

        task = d.pop("task")

        payload = d.pop("payload", UNSET)

        _options = d.pop("options", UNSET)
        options: TriggerTaskOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = TriggerTaskOptions.from_dict(_options)

        batch_item_ndjson = cls(
            index=index,
            task=task,
            payload=payload,
            options=options,
        )

        batch_item_ndjson.additional_properties = d
        return batch_item_ndjson

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
