from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RunMetadataResponse")


@_attrs_define
class RunMetadataResponse:
    metadata: None | str
    metadata_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata: None | str
        metadata = self.metadata

        metadata_type = self.metadata_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metadata": metadata,
                "metadataType": metadata_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_metadata(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        metadata = _parse_metadata(d.pop("metadata"))

        metadata_type = d.pop("metadataType")

        run_metadata_response = cls(
            metadata=metadata,
            metadata_type=metadata_type,
        )

        run_metadata_response.additional_properties = d
        return run_metadata_response

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
