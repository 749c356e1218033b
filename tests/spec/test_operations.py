"""The merged spec holds exactly the 74 real management operations, each once, at the server's route."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"

# spec-merge.md table 1 (63 real operations; the phantom POST /api/v1/events is not here) + table 1d (9).
EXPECTED: list[tuple[str, str, str]] = [
    # the public-token endpoints (server routes api.v1.auth.jwt.claims and api.v1.auth.public-tokens)
    ("POST", "/api/v1/auth/jwt/claims", "get_jwt_claims_v1"),
    ("POST", "/api/v1/auth/public-tokens", "create_public_token_v1"),
    ("POST", "/api/v1/tasks/batch", "batch_trigger_task_v1"),
    ("POST", "/api/v1/tasks/{taskIdentifier}/batch", "batch_trigger_task_by_id_v1"),
    ("POST", "/api/v1/tasks/{taskIdentifier}/trigger", "trigger_task_v1"),
    ("GET", "/api/v1/batches/{batchId}", "retrieve_batch_v1"),
    ("GET", "/api/v1/batches/{batchId}/results", "get_batch_results_v1"),
    ("POST", "/api/v3/batches", "create_batch_v1"),
    ("POST", "/api/v3/batches/{batchId}/items", "stream_batch_items_v1"),
    ("GET", "/api/v1/projects/{projectRef}/runs", "list_project_runs_v1"),
    ("GET", "/api/v1/runs", "list_runs_v1"),
    ("GET", "/api/v1/runs/{runId}/events", "get_run_events_v1"),
    ("PUT", "/api/v1/runs/{runId}/metadata", "update_run_metadata_v1"),
    ("POST", "/api/v1/runs/{runId}/replay", "replay_run_v1"),
    ("POST", "/api/v1/runs/{runId}/reschedule", "reschedule_run_v1"),
    ("GET", "/api/v1/runs/{runId}/result", "get_run_result_v1"),
    ("POST", "/api/v1/runs/{runId}/tags", "add_run_tags_v1"),
    ("GET", "/api/v1/runs/{runId}/trace", "get_run_trace_v1"),
    ("POST", "/api/v2/runs/{runId}/cancel", "cancel_run_v1"),
    ("GET", "/api/v3/runs/{runId}", "retrieve_run_v1"),
    ("GET", "/api/v1/bulk-actions", "list_bulk_actions_v1"),
    ("POST", "/api/v1/bulk-actions", "create_bulk_action_v1"),
    ("GET", "/api/v1/bulk-actions/{bulkActionId}", "retrieve_bulk_action_v1"),
    ("POST", "/api/v1/bulk-actions/{bulkActionId}/abort", "abort_bulk_action_v1"),
    ("GET", "/api/v1/schedules", "list_schedules_v1"),
    ("POST", "/api/v1/schedules", "create_schedule_v1"),
    ("GET", "/api/v1/schedules/{schedule_id}", "get_schedule_v1"),
    ("PUT", "/api/v1/schedules/{schedule_id}", "update_schedule_v1"),
    ("DELETE", "/api/v1/schedules/{schedule_id}", "delete_schedule_v1"),
    ("POST", "/api/v1/schedules/{schedule_id}/activate", "activate_schedule_v1"),
    ("POST", "/api/v1/schedules/{schedule_id}/deactivate", "deactivate_schedule_v1"),
    ("GET", "/api/v1/timezones", "get_timezones_v1"),
    ("GET", "/api/v1/projects/{projectRef}/envvars/{env}", "list_project_envvars_v1"),
    ("POST", "/api/v1/projects/{projectRef}/envvars/{env}", "create_project_envvar_v1"),
    ("POST", "/api/v1/projects/{projectRef}/envvars/{env}/import", "upload_project_envvars_v1"),
    ("GET", "/api/v1/projects/{projectRef}/envvars/{env}/{name}", "get_project_envvar_v1"),
    ("PUT", "/api/v1/projects/{projectRef}/envvars/{env}/{name}", "update_project_envvar_v1"),
    ("DELETE", "/api/v1/projects/{projectRef}/envvars/{env}/{name}", "delete_project_envvar_v1"),
    ("GET", "/api/v1/queues", "list_queues_v1"),
    ("GET", "/api/v1/queues/{queueParam}", "retrieve_queue_v1"),
    ("POST", "/api/v1/queues/{queueParam}/concurrency/override", "override_queue_concurrency_v1"),
    ("POST", "/api/v1/queues/{queueParam}/concurrency/reset", "reset_queue_concurrency_v1"),
    ("POST", "/api/v1/queues/{queueParam}/pause", "pause_queue_v1"),
    ("GET", "/api/v1/waitpoints/tokens", "list_waitpoint_tokens_v1"),
    ("POST", "/api/v1/waitpoints/tokens", "create_waitpoint_token_v1"),
    ("GET", "/api/v1/waitpoints/tokens/{waitpointId}", "retrieve_waitpoint_token_v1"),
    (
        "POST",
        "/api/v1/waitpoints/tokens/{waitpointId}/callback/{callbackHash}",
        "complete_waitpoint_token_callback_v1",
    ),
    ("POST", "/api/v1/waitpoints/tokens/{waitpointId}/complete", "complete_waitpoint_token_v1"),
    ("GET", "/api/v1/deployments", "list_deployments_v1"),
    ("GET", "/api/v1/deployments/latest", "get_latest_deployment_v1"),
    ("GET", "/api/v1/deployments/{deploymentId}", "get_deployment_v1"),
    ("POST", "/api/v1/deployments/{version}/promote", "promote_deployment_v1"),
    ("POST", "/api/v1/query", "execute_query_v1"),
    ("GET", "/api/v1/query/dashboards", "list_dashboards_v1"),
    ("GET", "/api/v1/query/schema", "get_query_schema_v1"),
    ("GET", "/api/v1/sessions", "list_sessions_v1"),
    ("POST", "/api/v1/sessions", "create_session_v1"),
    ("GET", "/api/v1/sessions/{session}", "retrieve_session_v1"),
    ("PATCH", "/api/v1/sessions/{session}", "update_session_v1"),
    ("POST", "/api/v1/sessions/{session}/close", "close_session_v1"),
    ("GET", "/api/v1/errors", "list_errors_v1"),
    ("GET", "/api/v1/errors/{errorId}", "retrieve_error_v1"),
    ("POST", "/api/v1/errors/{errorId}/ignore", "ignore_error_v1"),
    ("POST", "/api/v1/errors/{errorId}/resolve", "resolve_error_v1"),
    ("POST", "/api/v1/errors/{errorId}/unresolve", "unresolve_error_v1"),
    # table 1d
    ("POST", "/api/v2/tasks/batch", "batch_trigger_v2"),
    ("GET", "/api/v2/batches/{batchId}", "retrieve_batch_v2"),
    ("GET", "/api/v1/runs/{runId}/metadata", "get_run_metadata_v1"),
    ("GET", "/api/v1/runs/{runId}/spans/{spanId}", "retrieve_run_span_v1"),
    ("POST", "/api/v1/idempotencyKeys/{key}/reset", "reset_idempotency_key_v1"),
    ("GET", "/api/v1/deployments/current", "get_current_deployment_v1"),
    ("GET", "/api/v1/queues/{queueParam}/metrics", "get_queue_metrics_v1"),
    ("POST", "/api/v1/sessions/{session}/end-and-continue", "end_and_continue_session_v1"),
    ("GET", "/api/v2/whoami", "whoami_v2"),
]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def actual_operations(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (method.upper(), path, op["operationId"])
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]


def test_expected_list_has_74_distinct_operations() -> None:
    assert len(EXPECTED) == 74
    assert len({(m, p) for m, p, _ in EXPECTED}) == 74
    assert len({op_id for _, _, op_id in EXPECTED}) == 74


def test_spec_holds_exactly_the_real_operations(spec: dict[str, Any]) -> None:
    actual = actual_operations(spec)
    assert sorted(actual) == sorted(EXPECTED)


def test_phantom_events_route_is_dropped(spec: dict[str, Any]) -> None:
    assert "/api/v1/events" not in spec["paths"]


def test_every_operation_has_one_tag_and_our_summary(spec: dict[str, Any]) -> None:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                assert len(op["tags"]) == 1, (method, path)
                assert op["summary"], (method, path)
                assert "\n" not in op["summary"], (method, path)


def _string_values_of(node: Any, key: str) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                found.add(v)
            found |= _string_values_of(v, key)
    elif isinstance(node, list):
        for v in node:
            found |= _string_values_of(v, key)
    return found


def test_no_upstream_prose_survives(spec: dict[str, Any]) -> None:
    assert "x-codeSamples" not in SPEC.read_text(encoding="utf-8")
    # the only descriptions left are the response descriptions OpenAPI requires, in our words
    assert _string_values_of(spec, "description") == {"Error", "OK"}
    assert _string_values_of(spec["components"], "summary") == set()


def test_run_status_is_one_enum_of_17_values_referenced_everywhere(spec: dict[str, Any]) -> None:
    values = spec["components"]["schemas"]["RunStatus"]["enum"]
    assert len(values) == 17
    assert {"EXPIRED", "TIMED_OUT", "WAITING", "DEQUEUED", "WAITING_FOR_DEPLOY", "FROZEN"} <= set(values)
    for name in ("CommonRunObject", "ListRunItem"):
        status = spec["components"]["schemas"][name]["properties"]["status"]
        assert status == {"$ref": "#/components/schemas/RunStatus"}


def test_unauthenticated_operations(spec: dict[str, Any]) -> None:
    assert spec["paths"]["/api/v1/timezones"]["get"]["security"] == []
    callback = spec["paths"]["/api/v1/waitpoints/tokens/{waitpointId}/callback/{callbackHash}"]["post"]
    assert callback["security"] == []
    assert spec["security"] == [{"secretKey": []}]


def test_every_error_response_is_the_one_error_schema(spec: dict[str, Any]) -> None:
    for _, item in spec["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            codes = set(op["responses"])
            assert {"4XX", "5XX"} <= codes
            for code, response in op["responses"].items():
                if code[0] in "45":
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorResponse"}


def test_ndjson_items_body_is_binary(spec: dict[str, Any]) -> None:
    body = spec["paths"]["/api/v3/batches/{batchId}/items"]["post"]["requestBody"]["content"]
    assert body == {"application/x-ndjson": {"schema": {"type": "string", "format": "binary"}}}


def test_envvar_import_body_is_a_map(spec: dict[str, Any]) -> None:
    schema = spec["components"]["schemas"]["ImportEnvVarsRequestBody"]
    assert schema["properties"]["variables"] == {"type": "object", "additionalProperties": {"type": "string"}}


def test_payload_and_output_are_any_json(spec: dict[str, Any]) -> None:
    extra = spec["components"]["schemas"]["RetrieveRunResponse"]["allOf"][1]["properties"]
    assert extra["payload"] == {}
    assert extra["output"] == {}


def test_no_inline_run_status_enum_is_left(spec: dict[str, Any]) -> None:
    def walk(node: Any) -> list[list[str]]:
        found = []
        if isinstance(node, dict):
            enum = node.get("enum")
            if isinstance(enum, list) and {"QUEUED", "EXECUTING"} <= set(enum):
                found.append(enum)
            for value in node.values():
                found += walk(value)
        elif isinstance(node, list):
            for value in node:
                found += walk(value)
        return found

    enums = walk(spec)
    assert enums == [spec["components"]["schemas"]["RunStatus"]["enum"]]
    status = spec["components"]["schemas"]["BulkActionFilter"]["properties"]["status"]["oneOf"]
    assert status[0] == {"$ref": "#/components/schemas/RunStatus"}


def test_the_facades_key_rules_are_the_specs_security(spec: dict[str, Any]) -> None:
    """The client refuses exactly the operations whose spec `security` does not admit its key's kind."""
    from trigger_facade import TriggerClient
    from trigger_facade.errors import ConfigurationError

    clients = {
        "personalAccessToken": TriggerClient(secret_key="tr_pat_" + "a" * 24, transport=httpx.MockTransport(_never)),
        "secretKey": TriggerClient(secret_key="tr_dev_" + "a" * 24, transport=httpx.MockTransport(_never)),
    }
    checked = 0
    for item in spec["paths"].values():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            security = op.get("security", spec["security"])
            schemes = {name for requirement in security for name in requirement}
            for scheme, client in clients.items():
                admitted = security == [] or scheme in schemes
                try:
                    client._state.check_key_for(op["operationId"])
                    refused = False
                except ConfigurationError:
                    refused = True
                assert refused is not admitted, (op["operationId"], scheme)
                checked += 1
    assert checked == 2 * 74


def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError("no request may be sent")
