from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueueObjectConcurrency")


@_attrs_define
class QueueObjectConcurrency:
    current: int | None
    base: int | None
    override: int | None
    overridden_at: datetime.datetime | None
    overridden_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current: int | None
        current = self.current

        base: int | None
        base = self.base

        override: int | None
        override = self.override

        overridden_at: None | str
        if isinstance(self.overridden_at, datetime.datetime):
            overridden_at = self.overridden_at.isoformat()
        else:
            overridden_at = self.overridden_at

        overridden_by: None | str
        overridden_by = self.overridden_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "base": base,
                "override": override,
                "overriddenAt": overridden_at,
                "overriddenBy": overridden_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_current(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        current = _parse_current(d.pop("current"))

        def _parse_base(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        base = _parse_base(d.pop("base"))

        def _parse_override(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        override = _parse_override(d.pop("override"))

        def _parse_overridden_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overridden_at_type_0 = datetime.datetime.fromisoformat(data)

                return overridden_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        overridden_at = _parse_overridden_at(d.pop("overriddenAt"))

        def _parse_overridden_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        overridden_by = _parse_overridden_by(d.pop("overriddenBy"))

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
