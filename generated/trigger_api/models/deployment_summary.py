from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deployment_summary_status import DeploymentSummaryStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deployment_summary_error_data_type_0 import (
        DeploymentSummaryErrorDataType0,
    )


T = TypeVar("T", bound="DeploymentSummary")


@_attrs_define
class DeploymentSummary:
    id: str | Unset = UNSET
    status: DeploymentSummaryStatus | Unset = UNSET
    content_hash: str | Unset = UNSET
    short_code: str | Unset = UNSET
    version: str | Unset = UNSET
    image_reference: None | str | Unset = UNSET
    error_data: DeploymentSummaryErrorDataType0 | None | Unset = UNSET
    commit_sha: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deployment_summary_error_data_type_0 import (
            DeploymentSummaryErrorDataType0,
        )

        id = self.id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        content_hash = self.content_hash

        short_code = self.short_code

        version = self.version

        image_reference: None | str | Unset
        if isinstance(self.image_reference, Unset):
            image_reference = UNSET
        else:
            image_reference = self.image_reference

        error_data: dict[str, Any] | None | Unset
        if isinstance(self.error_data, Unset):
            error_data = UNSET
        elif isinstance(self.error_data, DeploymentSummaryErrorDataType0):
            error_data = self.error_data.to_dict()
        else:
            error_data = self.error_data

        commit_sha: None | str | Unset
        if isinstance(self.commit_sha, Unset):
            commit_sha = UNSET
        else:
            commit_sha = self.commit_sha

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if content_hash is not UNSET:
            field_dict["contentHash"] = content_hash
        if short_code is not UNSET:
            field_dict["shortCode"] = short_code
        if version is not UNSET:
            field_dict["version"] = version
        if image_reference is not UNSET:
            field_dict["imageReference"] = image_reference
        if error_data is not UNSET:
            field_dict["errorData"] = error_data
        if commit_sha is not UNSET:
            field_dict["commitSHA"] = commit_sha

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment_summary_error_data_type_0 import (
            DeploymentSummaryErrorDataType0,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _status = d.pop("status", UNSET)
        status: DeploymentSummaryStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = DeploymentSummaryStatus(_status)

        content_hash = d.pop("contentHash", UNSET)

        short_code = d.pop("shortCode", UNSET)

        version = d.pop("version", UNSET)

        def _parse_image_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_reference = _parse_image_reference(d.pop("imageReference", UNSET))

        def _parse_error_data(
            data: object,
        ) -> DeploymentSummaryErrorDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_data_type_0 = DeploymentSummaryErrorDataType0.from_dict(data)

                return error_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeploymentSummaryErrorDataType0 | None | Unset, data)

        error_data = _parse_error_data(d.pop("errorData", UNSET))

        def _parse_commit_sha(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commit_sha = _parse_commit_sha(d.pop("commitSHA", UNSET))

        deployment_summary = cls(
            id=id,
            status=status,
            content_hash=content_hash,
            short_code=short_code,
            version=version,
            image_reference=image_reference,
            error_data=error_data,
            commit_sha=commit_sha,
        )

        deployment_summary.additional_properties = d
        return deployment_summary

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
