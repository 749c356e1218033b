from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentWorkerType0TasksItem")


@_attrs_define
class DeploymentWorkerType0TasksItem:
    id: str | Unset = UNSET
    slug: str | Unset = UNSET
    file_path: str | Unset = UNSET
    export_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        file_path = self.file_path

        export_name = self.export_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if file_path is not UNSET:
            field_dict["filePath"] = file_path
        if export_name is not UNSET:
            field_dict["exportName"] = export_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        slug = d.pop("slug", UNSET)

        file_path = d.pop("filePath", UNSET)

        export_name = d.pop("exportName", UNSET)

        deployment_worker_type_0_tasks_item = cls(
            id=id,
            slug=slug,
            file_path=file_path,
            export_name=export_name,
        )

        deployment_worker_type_0_tasks_item.additional_properties = d
        return deployment_worker_type_0_tasks_item

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
