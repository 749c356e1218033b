from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueObjectConcurrency")


@_attrs_define
class QueueObjectConcurrency:
    current: int | None | Unset = UNSET
    base: int | None | Unset = UNSET
    override: int | None | Unset = UNSET
    overridden_at: datetime.datetime | None | Unset = UNSET
    overridden_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current: int | None | Unset
        if isinstance(self.current, Unset):
            current = UNSET
        else:
            current = self.current

        base: int | None | Unset
        if isinstance(self.base, Unset):
            base = UNSET
        else:
            base = self.base

        override: int | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        else:
            override = self.override

        overridden_at: None | str | Unset
        if isinstance(self.overridden_at, Unset):
            overridden_at = UNSET
        elif isinstance(self.overridden_at, datetime.datetime):
            overridden_at = self.overridden_at.isoformat()
        else:
            overridden_at = self.overridden_at

        overridden_by: None | str | Unset
        if isinstance(self.overridden_by, Unset):
            overridden_by = UNSET
        else:
            overridden_by = self.overridden_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if current is not UNSET:
            field_dict["current"] = current
        if base is not UNSET:
            field_dict["base"] = base
        if override is not UNSET:
            field_dict["override"] = override
        if overridden_at is not UNSET:
            field_dict["overriddenAt"] = overridden_at
        if overridden_by is not UNSET:
            field_dict["overriddenBy"] = overridden_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_current(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current = _parse_current(d.pop("current", UNSET))

        def _parse_base(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        base = _parse_base(d.pop("base", UNSET))

        def _parse_override(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        override = _parse_override(d.pop("override", UNSET))

        def _parse_overridden_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overridden_at_type_0 = datetime.datetime.fromisoformat(data)

                return overridden_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        overridden_at = _parse_overridden_at(d.pop("overriddenAt", UNSET))

        def _parse_overridden_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        overridden_by = _parse_overridden_by(d.pop("overriddenBy", UNSET))

        queue_object_concurrency = cls(
            current=current,
            base=base,
            override=override,
            overridden_at=overridden_at,
            overridden_by=overridden_by,
        )

        queue_object_concurrency.additional_properties = d
        return queue_object_concurrency

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
