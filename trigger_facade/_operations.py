"""Every operation of spec/openapi.yaml: written by scripts/gen_operations.py; do not edit."""

from __future__ import annotations

from typing import NamedTuple


class Operation(NamedTuple):
    method: str
    path: str
    key_kinds: tuple[str, ...]  # KeyKind values its `security` admits
    anonymous: bool  # sent without a key (`security: []`)
    repeat: str  # x-trigger-repeat: safe | deduped-by-key | not-deduped
    paging: str | None  # cursor | offset | None


OPERATIONS: dict[str, Operation] = {
    "abort_bulk_action_v1": Operation(
        "POST", "/api/v1/bulk-actions/{bulkActionId}/abort", ("environment",), False, "safe", None
    ),
    "activate_schedule_v1": Operation(
        "POST", "/api/v1/schedules/{schedule_id}/activate", ("environment",), False, "safe", None
    ),
    "add_run_tags_v1": Operation("POST", "/api/v1/runs/{runId}/tags", ("environment",), False, "safe", None),
    "batch_trigger_task_by_id_v1": Operation(
        "POST", "/api/v1/tasks/{taskIdentifier}/batch", ("environment",), False, "not-deduped", None
    ),
    "batch_trigger_task_v1": Operation("POST", "/api/v1/tasks/batch", ("environment",), False, "not-deduped", None),
    "batch_trigger_v2": Operation("POST", "/api/v2/tasks/batch", ("environment",), False, "not-deduped", None),
    "cancel_run_v1": Operation("POST", "/api/v2/runs/{runId}/cancel", ("environment",), False, "safe", None),
    "close_session_v1": Operation("POST", "/api/v1/sessions/{session}/close", ("environment",), False, "safe", None),
    "complete_waitpoint_token_callback_v1": Operation(
        "POST", "/api/v1/waitpoints/tokens/{waitpointId}/callback/{callbackHash}", (), True, "safe", None
    ),
    "complete_waitpoint_token_v1": Operation(
        "POST", "/api/v1/waitpoints/tokens/{waitpointId}/complete", ("environment", "public"), False, "safe", None
    ),
    "create_batch_v1": Operation("POST", "/api/v3/batches", ("environment",), False, "deduped-by-key", None),
    "create_bulk_action_v1": Operation("POST", "/api/v1/bulk-actions", ("environment",), False, "not-deduped", None),
    "create_project_envvar_v1": Operation(
        "POST",
        "/api/v1/projects/{projectRef}/envvars/{env}",
        ("environment", "personal", "organization"),
        False,
        "safe",
        None,
    ),
    "create_public_token_v1": Operation("POST", "/api/v1/auth/public-tokens", ("environment",), False, "safe", None),
    "create_schedule_v1": Operation("POST", "/api/v1/schedules", ("environment",), False, "deduped-by-key", None),
    "create_session_v1": Operation("POST", "/api/v1/sessions", ("environment", "public"), False, "not-deduped", None),
    "create_waitpoint_token_v1": Operation(
        "POST", "/api/v1/waitpoints/tokens", ("environment",), False, "deduped-by-key", None
    ),
    "deactivate_schedule_v1": Operation(
        "POST", "/api/v1/schedules/{schedule_id}/deactivate", ("environment",), False, "safe", None
    ),
    "delete_project_envvar_v1": Operation(
        "DELETE",
        "/api/v1/projects/{projectRef}/envvars/{env}/{name}",
        ("environment", "personal", "organization"),
        False,
        "safe",
        None,
    ),
    "delete_schedule_v1": Operation("DELETE", "/api/v1/schedules/{schedule_id}", ("environment",), False, "safe", None),
    "end_and_continue_session_v1": Operation(
        "POST", "/api/v1/sessions/{session}/end-and-continue", ("environment",), False, "not-deduped", None
    ),
    "execute_query_v1": Operation("POST", "/api/v1/query", ("environment",), False, "safe", None),
    "get_batch_results_v1": Operation(
        "GET", "/api/v1/batches/{batchId}/results", ("environment",), False, "safe", None
    ),
    "get_current_deployment_v1": Operation("GET", "/api/v1/deployments/current", ("environment",), False, "safe", None),
    "get_deployment_v1": Operation("GET", "/api/v1/deployments/{deploymentId}", ("environment",), False, "safe", None),
    "get_jwt_claims_v1": Operation("POST", "/api/v1/auth/jwt/claims", ("environment",), False, "safe", None),
    "get_latest_deployment_v1": Operation("GET", "/api/v1/deployments/latest", ("environment",), False, "safe", None),
    "get_project_envvar_v1": Operation(
        "GET",
        "/api/v1/projects/{projectRef}/envvars/{env}/{name}",
        ("environment", "personal", "organization"),
        False,
        "safe",
        None,
    ),
    "get_query_schema_v1": Operation("GET", "/api/v1/query/schema", ("environment",), False, "safe", None),
    "get_queue_metrics_v1": Operation(
        "GET", "/api/v1/queues/{queueParam}/metrics", ("environment",), False, "safe", None
    ),
    "get_run_events_v1": Operation("GET", "/api/v1/runs/{runId}/events", ("environment",), False, "safe", None),
    "get_run_metadata_v1": Operation("GET", "/api/v1/runs/{runId}/metadata", ("environment",), False, "safe", None),
    "get_run_result_v1": Operation("GET", "/api/v1/runs/{runId}/result", ("environment",), False, "safe", None),
    "get_run_trace_v1": Operation("GET", "/api/v1/runs/{runId}/trace", ("environment",), False, "safe", None),
    "get_schedule_v1": Operation("GET", "/api/v1/schedules/{schedule_id}", ("environment",), False, "safe", None),
    "get_timezones_v1": Operation("GET", "/api/v1/timezones", (), True, "safe", None),
    "ignore_error_v1": Operation("POST", "/api/v1/errors/{errorId}/ignore", ("environment",), False, "safe", None),
    "list_bulk_actions_v1": Operation("GET", "/api/v1/bulk-actions", ("environment",), False, "safe", "cursor"),
    "list_dashboards_v1": Operation("GET", "/api/v1/query/dashboards", ("environment",), False, "safe", None),
    "list_deployments_v1": Operation("GET", "/api/v1/deployments", ("environment",), False, "safe", "cursor"),
    "list_errors_v1": Operation("GET", "/api/v1/errors", ("environment",), False, "safe", "cursor"),
    "list_project_envvars_v1": Operation(
        "GET",
        "/api/v1/projects/{projectRef}/envvars/{env}",
        ("environment", "personal", "organization"),
        False,
        "safe",
        None,
    ),
    "list_project_runs_v1": Operation(
        "GET", "/api/v1/projects/{projectRef}/runs", ("personal", "organization"), False, "safe", "cursor"
    ),
    "list_queues_v1": Operation("GET", "/api/v1/queues", ("environment",), False, "safe", "offset"),
    "list_runs_v1": Operation("GET", "/api/v1/runs", ("environment",), False, "safe", "cursor"),
    "list_schedules_v1": Operation("GET", "/api/v1/schedules", ("environment",), False, "safe", "offset"),
    "list_sessions_v1": Operation("GET", "/api/v1/sessions", ("environment", "public"), False, "safe", "cursor"),
    "list_waitpoint_tokens_v1": Operation(
        "GET", "/api/v1/waitpoints/tokens", ("environment",), False, "safe", "cursor"
    ),
    "override_queue_concurrency_v1": Operation(
        "POST", "/api/v1/queues/{queueParam}/concurrency/override", ("environment",), False, "safe", None
    ),
    "pause_queue_v1": Operation("POST", "/api/v1/queues/{queueParam}/pause", ("environment",), False, "safe", None),
    "promote_deployment_v1": Operation(
        "POST", "/api/v1/deployments/{version}/promote", ("environment",), False, "safe", None
    ),
    "replay_run_v1": Operation("POST", "/api/v1/runs/{runId}/replay", ("environment",), False, "not-deduped", None),
    "reschedule_run_v1": Operation("POST", "/api/v1/runs/{runId}/reschedule", ("environment",), False, "safe", None),
    "reset_idempotency_key_v1": Operation(
        "POST", "/api/v1/idempotencyKeys/{key}/reset", ("environment",), False, "safe", None
    ),
    "reset_queue_concurrency_v1": Operation(
        "POST", "/api/v1/queues/{queueParam}/concurrency/reset", ("environment",), False, "safe", None
    ),
    "resolve_error_v1": Operation("POST", "/api/v1/errors/{errorId}/resolve", ("environment",), False, "safe", None),
    "retrieve_batch_v1": Operation("GET", "/api/v1/batches/{batchId}", ("environment",), False, "safe", None),
    "retrieve_batch_v2": Operation("GET", "/api/v2/batches/{batchId}", ("environment",), False, "safe", None),
    "retrieve_bulk_action_v1": Operation(
        "GET", "/api/v1/bulk-actions/{bulkActionId}", ("environment",), False, "safe", None
    ),
    "retrieve_error_v1": Operation("GET", "/api/v1/errors/{errorId}", ("environment",), False, "safe", None),
    "retrieve_queue_v1": Operation("GET", "/api/v1/queues/{queueParam}", ("environment",), False, "safe", None),
    "retrieve_run_span_v1": Operation(
        "GET", "/api/v1/runs/{runId}/spans/{spanId}", ("environment",), False, "safe", None
    ),
    "retrieve_run_v1": Operation("GET", "/api/v3/runs/{runId}", ("environment",), False, "safe", None),
    "retrieve_session_v1": Operation(
        "GET", "/api/v1/sessions/{session}", ("environment", "public"), False, "safe", None
    ),
    "retrieve_waitpoint_token_v1": Operation(
        "GET", "/api/v1/waitpoints/tokens/{waitpointId}", ("environment",), False, "safe", None
    ),
    "stream_batch_items_v1": Operation(
        "POST", "/api/v3/batches/{batchId}/items", ("environment",), False, "safe", None
    ),
    "trigger_task_v1": Operation(
        "POST", "/api/v1/tasks/{taskIdentifier}/trigger", ("environment",), False, "deduped-by-key", None
    ),
    "unresolve_error_v1": Operation(
        "POST", "/api/v1/errors/{errorId}/unresolve", ("environment",), False, "safe", None
    ),
    "update_project_envvar_v1": Operation(
        "PUT",
        "/api/v1/projects/{projectRef}/envvars/{env}/{name}",
        ("environment", "personal", "organization"),
        False,
        "safe",
        None,
    ),
    "update_run_metadata_v1": Operation("PUT", "/api/v1/runs/{runId}/metadata", ("environment",), False, "safe", None),
    "update_schedule_v1": Operation("PUT", "/api/v1/schedules/{schedule_id}", ("environment",), False, "safe", None),
    "update_session_v1": Operation("PATCH", "/api/v1/sessions/{session}", ("environment",), False, "safe", None),
    "upload_project_envvars_v1": Operation(
        "POST",
        "/api/v1/projects/{projectRef}/envvars/{env}/import",
        ("environment", "personal", "organization"),
        False,
        "not-deduped",
        None,
    ),
    "whoami_v2": Operation("GET", "/api/v2/whoami", ("personal", "organization"), False, "safe", None),
}
