"""The path-segment check skips its control-character regex for printable text: it refuses exactly
the values the regex alone refused."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trigger_facade import InvalidInputError
from trigger_facade._paths import segment

CONTROL = re.compile("[\x00-\x1f\x7f]")
TEXT = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8) | st.sampled_from(
    ["run_1", "a\x00b", "a\x7f", "\u2028", "\x85", "\u200b", "tab\there", "ok\u00e9", ".", ".."]
)


@settings(max_examples=2000, deadline=None)
@given(value=TEXT)
def test_a_value_is_refused_for_control_characters_exactly_when_it_holds_one(value: str) -> None:
    try:
        segment(value, "run_id")
    except InvalidInputError as exc:
        refused_for_control = "control characters" in str(exc)
    else:
        refused_for_control = False
    expected = bool(value.strip()) and CONTROL.search(value) is not None
    assert refused_for_control == expected
