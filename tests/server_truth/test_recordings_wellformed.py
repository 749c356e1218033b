"""The committed recordings of the real server parse, carry every field, and hold no secret."""

from __future__ import annotations

import json
import re

import pytest

from scripts.server_truth.conformance import compare
from scripts.server_truth.redact import redact_text, secrets_in
from scripts.server_truth.scenario import STEPS
from scripts.server_truth.shape import differences, jwt_claims

from .recordings import by_name, exchanges, files, normalised

ALL = list(exchanges())
METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"}
# a key prefix followed by anything but the placeholder is real key material
KEY_MATERIAL = re.compile(r"\b(?:tr|pk)_(?:dev|prod|stg|staging|preview|pat)_(?!REDACTED\b)[A-Za-z0-9]+")
JWT = re.compile(r"\beyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.([A-Za-z0-9_-]+)")


def test_there_is_one_file_per_scenario_step_and_every_file_is_a_non_empty_list() -> None:
    assert {path.stem for path in files()} == set(STEPS)
    for path in files():
        items = json.loads(path.read_text())
        assert isinstance(items, list), path.name
        assert items, path.name
        assert {item["scenario"] for item in items} == {path.stem}, path.name


def test_the_recordings_cover_the_scenario() -> None:
    assert len(ALL) >= 130
    assert len(by_name()) == len(ALL), "exchange names must be unique"


@pytest.mark.parametrize("exchange", ALL, ids=[e["name"] for e in ALL])
def test_every_exchange_has_its_fields(exchange: dict[str, object]) -> None:
    assert set(exchange) == {"name", "scenario", "compare", "request", "response"}
    assert exchange["compare"] in {"shape", "status"}
    request, response = exchange["request"], exchange["response"]
    assert isinstance(request, dict)
    assert isinstance(response, dict)
    assert set(request) == {"method", "path", "query", "headers", "body"}
    assert set(response) == {"status", "headers", "body"}
    assert request["method"] in METHODS
    assert str(request["path"]).startswith(("/api/", "/realtime/"))
    assert isinstance(request["query"], dict)
    assert isinstance(request["headers"], dict)
    assert all(name == name.lower() for name in request["headers"])
    assert isinstance(response["status"], int)
    assert 200 <= response["status"] < 600
    assert isinstance(response["headers"], dict)
    assert "content-type" in response["headers"]


def test_no_secret_remains_in_any_recording() -> None:
    for path in files():
        text = path.read_text()
        assert not KEY_MATERIAL.findall(text), path.name
        signatures = set(JWT.findall(text))
        assert signatures <= {"REDACTED"}, f"{path.name}: unredacted JWT signature"
        assert not secrets_in(text), path.name
        assert not re.search(r"/callback/[0-9a-fA-F]{16,}", text), f"{path.name}: a callback hash"


def test_the_secret_detector_would_catch_what_it_must() -> None:
    """The check above can fail: real-looking material is found, and redaction removes it."""
    leaked = (
        "Bearer tr_dev_a1B2c3D4e5F6g7H8i9J0 tr_pat_abcdef0123456789 "
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl "
        "/api/v1/waitpoints/tokens/waitpoint_x/callback/0123456789abcdef0123"
    )
    assert len(secrets_in(leaked)) == 4
    assert len(KEY_MATERIAL.findall(leaked)) == 2
    clean = redact_text(leaked)
    assert secrets_in(clean) == []
    assert "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.REDACTED" in clean
    assert "tr_dev_REDACTED" in clean
    assert "/callback/" + "x" * 20 in clean


def test_public_tokens_keep_their_claims() -> None:
    """Redaction keeps what the recordings exist to show: the scopes of the trigger's public token."""
    trigger = by_name()["trigger"]
    claims = jwt_claims(trigger["response"]["headers"]["x-trigger-jwt"])
    run_id = trigger["response"]["body"]["id"]
    assert claims["scopes"] == [f"read:runs:{run_id}", f"write:inputStreams:{run_id}"]
    assert claims["pub"] is True


def test_normalising_removes_what_varies_between_recordings() -> None:
    view = normalised(by_name()["retrieve_completed"])
    assert view["request"]["path"] == "/api/v3/runs/run_<id>"
    assert view["response"]["body"]["id"] == "run_<id>"
    assert view["response"]["body"]["createdAt"] == "<time>"
    keyed = normalised(by_name()["trigger_with_idempotency_key"])
    assert keyed["request"]["body"]["options"]["idempotencyKey"] == "st-idem-<token>"


def test_each_recording_matches_itself_and_a_changed_copy_does_not() -> None:
    """The comparison used by `make conformance` and the fake test finds nothing in equal answers, and
    finds a changed status, a lost header, a lost key and a changed type."""
    original = by_name()["trigger"]
    assert differences(original, original) == []
    changed = json.loads(json.dumps(original))
    changed["response"]["status"] = 201
    del changed["response"]["headers"]["x-trigger-jwt"]
    del changed["response"]["body"]["isCached"]
    changed["response"]["body"]["id"] = 7
    found = differences(original, changed)
    assert any(line.startswith("status: recorded 200 vs 201") for line in found)
    assert any("header x-trigger-jwt: recorded, missing here" in line for line in found)
    assert any("keys missing ['isCached']" in line for line in found)
    assert any(line.startswith("body.id: recorded") for line in found)


def test_conformance_reports_per_operation_what_is_missing_changed_or_new() -> None:
    """`make conformance` against answers equal to the recordings reports nothing; a lost exchange, a
    changed answer, a changed request and an unrecorded exchange are each reported under their name."""
    recorded = [e for e in ALL if e["scenario"] == "runs"]
    assert all(found == [] for found in compare(recorded, recorded, {"runs"}).values())

    observed = json.loads(json.dumps(recorded))
    observed = [e for e in observed if e["name"] != "replay"]
    changed = next(e for e in observed if e["name"] == "retrieve_missing_404")
    del changed["response"]["headers"]["x-should-retry"]
    moved = next(e for e in observed if e["name"] == "metadata_get")
    moved["request"]["path"] = "/api/v2/runs/run_x/metadata"
    observed.append({**observed[0], "name": "something_new"})
    report = compare(recorded, observed, {"runs"})
    assert report["replay"] == ["not sent: an earlier answer in its step was missing or unusable"]
    assert report["retrieve_missing_404"] == ["header x-should-retry: recorded, missing here"]
    assert report["metadata_get"][0].startswith("request differs from the recorded one")
    assert report["something_new"] == ["not in the recordings (status 200)"]
    assert sum(bool(found) for found in report.values()) == 4
    # steps that did not run are not reported
    assert compare(ALL, observed, {"runs"}).keys() == report.keys()
