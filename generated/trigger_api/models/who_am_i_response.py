from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.who_am_i_project import WhoAmIProject


T = TypeVar("T", bound="WhoAmIResponse")


@_attrs_define
class WhoAmIResponse:
    user_id: str
    email: str
    dashboard_url: str
    project: WhoAmIProject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        email = self.email

        dashboard_url = self.dashboard_url

        project: dict[str, Any] | Unset = UNSET
        if not isinstance(self.project, Unset):
            project = self.project.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "email": email,
                "dashboardUrl": dashboard_url,
            }
        )
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.who_am_i_project import WhoAmIProject

        d = dict(src_dict)
        user_id = d.pop("userId")

        email = d.pop("email")

        dashboard_url = d.pop("dashboardUrl")

        _project = d.pop("project", UNSET)
        project: WhoAmIProject | Unset
        if isinstance(_project, Unset):
            project = UNSET
        else:
            project = WhoAmIProject.from_dict(_project)

        who_am_i_response = cls(
            user_id=user_id,
            email=email,
            dashboard_url=dashboard_url,
            project=project,
        )

        who_am_i_response.additional_properties = d
        return who_am_i_response

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
