from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.span_detailed_summary import SpanDetailedSummary


T = TypeVar("T", bound="RunTraceTrace")


@_attrs_define
class RunTraceTrace:
    trace_id: str | Unset = UNSET
    root_span: SpanDetailedSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trace_id = self.trace_id

        root_span: dict[str, Any] | Unset = UNSET
        if not isinstance(self.root_span, Unset):
            root_span = self.root_span.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id
        if root_span is not UNSET:
            field_dict["rootSpan"] = root_span

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.span_detailed_summary import SpanDetailedSummary

        d = dict(src_dict)
        trace_id = d.pop("traceId", UNSET)

        _root_span = d.pop("rootSpan", UNSET)
        root_span: SpanDetailedSummary | Unset
        if isinstance(_root_span, Unset):
            root_span = UNSET
        else:
            root_span = SpanDetailedSummary.from_dict(_root_span)

        run_trace_trace = cls(
            trace_id=trace_id,
            root_span=root_span,
        )

        run_trace_trace.additional_properties = d
        return run_trace_trace

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
