from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_span_response_ai_type_0 import RunSpanResponseAiType0
    from ..models.run_span_response_properties_type_0 import (
        RunSpanResponsePropertiesType0,
    )


T = TypeVar("T", bound="RunSpanResponse")


@_attrs_define
class RunSpanResponse:
    span_id: str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    run_id: None | str | Unset = UNSET
    message: str | Unset = UNSET
    is_error: bool | Unset = UNSET
    is_partial: bool | Unset = UNSET
    is_cancelled: bool | Unset = UNSET
    level: str | Unset = UNSET
    start_time: str | Unset = UNSET
    duration_ms: float | Unset = UNSET
    properties: None | RunSpanResponsePropertiesType0 | Unset = UNSET
    ai: None | RunSpanResponseAiType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_span_response_ai_type_0 import RunSpanResponseAiType0
        from ..models.run_span_response_properties_type_0 import (
            RunSpanResponsePropertiesType0,
        )

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

        is_error = self.is_error

        is_partial = self.is_partial

        is_cancelled = self.is_cancelled

        level = self.level

        start_time = self.start_time

        duration_ms = self.duration_ms

        properties: dict[str, Any] | None | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, RunSpanResponsePropertiesType0):
            properties = self.properties.to_dict()
        else:
            properties = self.properties

        ai: dict[str, Any] | None | Unset
        if isinstance(self.ai, Unset):
            ai = UNSET
        elif isinstance(self.ai, RunSpanResponseAiType0):
            ai = self.ai.to_dict()
        else:
            ai = self.ai

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
        if is_error is not UNSET:
            field_dict["isError"] = is_error
        if is_partial is not UNSET:
            field_dict["isPartial"] = is_partial
        if is_cancelled is not UNSET:
            field_dict["isCancelled"] = is_cancelled
        if level is not UNSET:
            field_dict["level"] = level
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if duration_ms is not UNSET:
            field_dict["durationMs"] = duration_ms
        if properties is not UNSET:
            field_dict["properties"] = properties
        if ai is not UNSET:
            field_dict["ai"] = ai

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.run_span_response_ai_type_0 import RunSpanResponseAiType0
        from ..models.run_span_response_properties_type_0 import (
            RunSpanResponsePropertiesType0,
        )

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

        is_error = d.pop("isError", UNSET)

        is_partial = d.pop("isPartial", UNSET)

        is_cancelled = d.pop("isCancelled", UNSET)

        level = d.pop("level", UNSET)

        start_time = d.pop("startTime", UNSET)

        duration_ms = d.pop("durationMs", UNSET)

        def _parse_properties(
            data: object,
        ) -> None | RunSpanResponsePropertiesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                properties_type_0 = RunSpanResponsePropertiesType0.from_dict(data)

                return properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunSpanResponsePropertiesType0 | Unset, data)

        properties = _parse_properties(d.pop("properties", UNSET))

        def _parse_ai(data: object) -> None | RunSpanResponseAiType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ai_type_0 = RunSpanResponseAiType0.from_dict(data)

                return ai_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunSpanResponseAiType0 | Unset, data)

        ai = _parse_ai(d.pop("ai", UNSET))

        run_span_response = cls(
            span_id=span_id,
            parent_id=parent_id,
            run_id=run_id,
            message=message,
            is_error=is_error,
            is_partial=is_partial,
            is_cancelled=is_cancelled,
            level=level,
            start_time=start_time,
            duration_ms=duration_ms,
            properties=properties,
            ai=ai,
        )

        run_span_response.additional_properties = d
        return run_span_response

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
