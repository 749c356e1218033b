from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_events_events_item_kind import RunEventsEventsItemKind
from ..models.run_events_events_item_level import RunEventsEventsItemLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_events_events_item_events_item import (
        RunEventsEventsItemEventsItem,
    )
    from ..models.run_events_events_item_style import RunEventsEventsItemStyle


T = TypeVar("T", bound="RunEventsEventsItem")


@_attrs_define
class RunEventsEventsItem:
    span_id: str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    run_id: None | str | Unset = UNSET
    message: str | Unset = UNSET
    start_time: str | Unset = UNSET
    duration: float | Unset = UNSET
    is_error: bool | Unset = UNSET
    is_partial: bool | Unset = UNSET
    is_cancelled: bool | Unset = UNSET
    level: RunEventsEventsItemLevel | Unset = UNSET
    kind: RunEventsEventsItemKind | Unset = UNSET
    attempt_number: float | None | Unset = UNSET
    task_slug: str | Unset = UNSET
    events: list[RunEventsEventsItemEventsItem] | Unset = UNSET
    style: RunEventsEventsItemStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        span_id = self.span_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        message = self.message

        start_time = self.start_time

        duration = self.duration

        is_error = self.is_error

        is_partial = self.is_partial

        is_cancelled = self.is_cancelled

        level: str | Unset = UNSET
        if not isinstance(self.level, Unset):
            level = self.level.value

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        attempt_number: float | None | Unset
        if isinstance(self.attempt_number, Unset):
            attempt_number = UNSET
        else:
            attempt_number = self.attempt_number

        task_slug = self.task_slug

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if span_id is not UNSET:
            field_dict["spanId"] = span_id
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if run_id is not UNSET:
            field_dict["runId"] = run_id
        if message is not UNSET:
            field_dict["message"] = message
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
        if kind is not UNSET:
            field_dict["kind"] = kind
        if attempt_number is not UNSET:
            field_dict["attemptNumber"] = attempt_number
        if task_slug is not UNSET:
            field_dict["taskSlug"] = task_slug
        if events is not UNSET:
            field_dict["events"] = events
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.run_events_events_item_events_item import (
            RunEventsEventsItemEventsItem,
        )
        from ..models.run_events_events_item_style import RunEventsEventsItemStyle

        d = dict(src_dict)
        span_id = d.pop("spanId", UNSET)

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parentId", UNSET))

        def _parse_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_id = _parse_run_id(d.pop("runId", UNSET))

        message = d.pop("message", UNSET)

        start_time = d.pop("startTime", UNSET)

        duration = d.pop("duration", UNSET)

        is_error = d.pop("isError", UNSET)

        is_partial = d.pop("isPartial", UNSET)

        is_cancelled = d.pop("isCancelled", UNSET)

        _level = d.pop("level", UNSET)
        level: RunEventsEventsItemLevel | Unset
        if isinstance(_level, Unset):
            level = UNSET
        else:
            level = RunEventsEventsItemLevel(_level)

        _kind = d.pop("kind", UNSET)
        kind: RunEventsEventsItemKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = RunEventsEventsItemKind(_kind)

        def _parse_attempt_number(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attempt_number = _parse_attempt_number(d.pop("attemptNumber", UNSET))

        task_slug = d.pop("taskSlug", UNSET)

        _events = d.pop("events", UNSET)
        events: list[RunEventsEventsItemEventsItem] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = RunEventsEventsItemEventsItem.from_dict(events_item_data)

                events.append(events_item)

        _style = d.pop("style", UNSET)
        style: RunEventsEventsItemStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = RunEventsEventsItemStyle.from_dict(_style)

        run_events_events_item = cls(
            span_id=span_id,
            parent_id=parent_id,
            run_id=run_id,
            message=message,
            start_time=start_time,
            duration=duration,
            is_error=is_error,
            is_partial=is_partial,
            is_cancelled=is_cancelled,
            level=level,
            kind=kind,
            attempt_number=attempt_number,
            task_slug=task_slug,
            events=events,
            style=style,
        )

        run_events_events_item.additional_properties = d
        return run_events_events_item

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
