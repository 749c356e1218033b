from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_object_type import ScheduleObjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.schedule_environment import ScheduleEnvironment
    from ..models.schedule_object_generator import ScheduleObjectGenerator


T = TypeVar("T", bound="ScheduleObject")


@_attrs_define
class ScheduleObject:
    id: str
    task: str
    type_: ScheduleObjectType
    active: bool
    deduplication_key: None | str
    generator: ScheduleObjectGenerator
    timezone: str
    next_run: datetime.datetime | None
    environments: list[ScheduleEnvironment]
    next_run_effective_at: datetime.datetime | None
    external_id: None | str | Unset = UNSET
    window: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        task = self.task

        type_ = self.type_.value

        active = self.active

        deduplication_key: None | str
        deduplication_key = self.deduplication_key

        generator = self.generator.to_dict()

        timezone = self.timezone

        next_run: None | str
        if isinstance(self.next_run, datetime.datetime):
            next_run = self.next_run.isoformat()
        else:
            next_run = self.next_run

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.to_dict()
            environments.append(environments_item)

        next_run_effective_at: None | str
        if isinstance(self.next_run_effective_at, datetime.datetime):
            next_run_effective_at = self.next_run_effective_at.isoformat()
        else:
            next_run_effective_at = self.next_run_effective_at

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        window: None | str | Unset
        if isinstance(self.window, Unset):
            window = UNSET
        else:
            window = self.window

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "task": task,
                "type": type_,
                "active": active,
                "deduplicationKey": deduplication_key,
                "generator": generator,
                "timezone": timezone,
                "nextRun": next_run,
                "environments": environments,
                "nextRunEffectiveAt": next_run_effective_at,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if window is not UNSET:
            field_dict["window"] = window

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.schedule_environment import ScheduleEnvironment
        from ..models.schedule_object_generator import ScheduleObjectGenerator

        d = dict(src_dict)
        id = d.pop("id")

        task = d.pop("task")

        type_ = ScheduleObjectType(d.pop("type"))

        active = d.pop("active")

        def _parse_deduplication_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deduplication_key = _parse_deduplication_key(d.pop("deduplicationKey"))

        generator = ScheduleObjectGenerator.from_dict(d.pop("generator"))

        timezone = d.pop("timezone")

        def _parse_next_run(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run = _parse_next_run(d.pop("nextRun"))

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = ScheduleEnvironment.from_dict(environments_item_data)

            environments.append(environments_item)

        def _parse_next_run_effective_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_effective_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_effective_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run_effective_at = _parse_next_run_effective_at(
            d.pop("nextRunEffectiveAt")
        )

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        def _parse_window(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        window = _parse_window(d.pop("window", UNSET))

        schedule_object = cls(
            id=id,
            task=task,
            type_=type_,
            active=active,
            deduplication_key=deduplication_key,
            generator=generator,
            timezone=timezone,
            next_run=next_run,
            environments=environments,
            next_run_effective_at=next_run_effective_at,
            external_id=external_id,
            window=window,
        )

        schedule_object.additional_properties = d
        return schedule_object

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
