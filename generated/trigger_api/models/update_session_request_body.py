from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_session_request_body_metadata_type_0 import (
        UpdateSessionRequestBodyMetadataType0,
    )


T = TypeVar("T", bound="UpdateSessionRequestBody")


@_attrs_define
class UpdateSessionRequestBody:
    tags: list[str] | Unset = UNSET
    metadata: None | Unset | UpdateSessionRequestBodyMetadataType0 = UNSET
    external_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_session_request_body_metadata_type_0 import (
            UpdateSessionRequestBodyMetadataType0,
        )

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, UpdateSessionRequestBodyMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tags is not UNSET:
            field_dict["tags"] = tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if external_id is not UNSET:
            field_dict["externalId"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.update_session_request_body_metadata_type_0 import (
            UpdateSessionRequestBodyMetadataType0,
        )

        d = dict(src_dict)
        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_metadata(
            data: object,
        ) -> None | Unset | UpdateSessionRequestBodyMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = UpdateSessionRequestBodyMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdateSessionRequestBodyMetadataType0, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        update_session_request_body = cls(
            tags=tags,
            metadata=metadata,
            external_id=external_id,
        )

        update_session_request_body.additional_properties = d
        return update_session_request_body

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
