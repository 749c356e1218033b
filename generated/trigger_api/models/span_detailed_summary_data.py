from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.span_detailed_summary_data_level import SpanDetailedSummaryDataLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.span_detailed_summary_data_events_item import (
        SpanDetailedSummaryDataEventsItem,
    )
    from ..models.span_detailed_summary_data_properties import (
        SpanDetailedSummaryDataProperties,
    )


T = TypeVar("T", bound="SpanDetailedSummaryData")


@_attrs_define
class SpanDetailedSummaryData:
    message: str | Unset = UNSET
    task_slug: str | Unset = UNSET
    start_time: datetime.datetime | Unset = UNSET
    duration: float | Unset = UNSET
    is_error: bool | Unset = UNSET
    is_partial: bool | Unset = UNSET
    is_cancelled: bool | Unset = UNSET
    level: SpanDetailedSummaryDataLevel | Unset = UNSET
    attempt_number: float | None | Unset = UNSET
    properties: SpanDetailedSummaryDataProperties | Unset = UNSET
    events: list[SpanDetailedSummaryDataEventsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        task_slug = self.task_slug

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        duration = self.duration

        is_error = self.is_error

        is_partial = self.is_partial

        is_cancelled = self.is_cancelled

        level: str | Unset = UNSET
        if not isinstance(self.level, Unset):
            level = self.level.value

        attempt_number: float | None | Unset
        if isinstance(self.attempt_number, Unset):
            attempt_number = UNSET
        else:
            attempt_number = self.attempt_number

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if task_slug is not UNSET:
            field_dict["taskSlug"] = task_slug
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if is_error is not UNSET:
            field_dict["isError"] = is_error
        if is_partial is not UNSET:
            field_dict["isPartial"] = is_partial
        if is_cancelled is not UNSET:
            field_dict["isCancelled"] = is_cancelled
        if level is not UNSET:
            field_dict["level"] = level
        if attempt_number is not UNSET:
            field_dict["attemptNumber"] = attempt_number
        if properties is not UNSET:
            field_dict["properties"] = properties
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.span_detailed_summary_data_events_item import (
            SpanDetailedSummaryDataEventsItem,
        )
        from ..models.span_detailed_summary_data_properties import (
            SpanDetailedSummaryDataProperties,
        )

        d = dict(src_dict)
        message = d.pop("message", UNSET)

        task_slug = d.pop("taskSlug", UNSET)

        _start_time = d.pop("startTime", UNSET)
        start_time: datetime.datetime | Unset
        if isinstance(_start_time, Unset):
            start_time = UNSET
        else:
            start_time = datetime.datetime.fromisoformat(_start_time)

        duration = d.pop("duration", UNSET)

        is_error = d.pop("isError", UNSET)

        is_partial = d.pop("isPartial", UNSET)

        is_cancelled = d.pop("isCancelled", UNSET)

        _level = d.pop("level", UNSET)
        level: SpanDetailedSummaryDataLevel | Unset
        if isinstance(_level, Unset):
            level = UNSET
        else:
            level = SpanDetailedSummaryDataLevel(_level)

        def _parse_attempt_number(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attempt_number = _parse_attempt_number(d.pop("attemptNumber", UNSET))

        _properties = d.pop("properties", UNSET)
        properties: SpanDetailedSummaryDataProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = SpanDetailedSummaryDataProperties.from_dict(_properties)

        _events = d.pop("events", UNSET)
        events: list[SpanDetailedSummaryDataEventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = SpanDetailedSummaryDataEventsItem.from_dict(
                    events_item_data
                )

                events.append(events_item)

        span_detailed_summary_data = cls(
            message=message,
            task_slug=task_slug,
            start_time=start_time,
            duration=duration,
            is_error=is_error,
            is_partial=is_partial,
            is_cancelled=is_cancelled,
            level=level,
            attempt_number=attempt_number,
            properties=properties,
            events=events,
        )

        span_detailed_summary_data.additional_properties = d
        return span_detailed_summary_data

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
