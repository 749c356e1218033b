"""What the real server always sends is `required` in spec/openapi.yaml (overlay 060), or listed here with why not."""

from __future__ import annotations

from .recorded_shapes import recorded_presence, required_at

RUN_MEMBERS_KEPT_OPTIONAL = (
    "the facade returns its own typed Run, not this generated model; `required` would only make the answer "
    "check refuse the smaller run bodies other test suites serve (060 overlay, runs section)"
)
NOT_A_RETURNED_MODEL = "the facade never returns this answer's generated model"
# schema location -> {property: why it stays optional although every recording has it}
KEPT_OPTIONAL: dict[str, dict[str, str]] = {
    "#/components/schemas/CommonRunObject": {
        **dict.fromkeys(
            [
                "baseCostInCents",
                "costInCents",
                "depth",
                "durationMs",
                "isCancelled",
                "isCompleted",
                "isExecuting",
                "isFailed",
                "isQueued",
                "isSuccess",
                "isTest",
                "isWaiting",
                "tags",
                "triggerFunction",
            ],
            RUN_MEMBERS_KEPT_OPTIONAL,
        ),
        "region": "regionForDisplay() is undefined without a region or worker queue (workerQueueSplit.server.ts:42)",
        "ttl": "`run.ttl ?? undefined`: only dev runs get the default 10m (ApiRetrieveRunPresenter.server.ts:571)",
    },
    "#/components/schemas/RetrieveRunResponse/allOf/1": {
        "attemptCount": RUN_MEMBERS_KEPT_OPTIONAL,
        "relatedRuns": RUN_MEMBERS_KEPT_OPTIONAL,
        "attempts": "deprecated and always [] (O12); it may go away",
        "payload": "undefined for a run triggered without a payload, or one stored as a presigned packet",
    },
    "#/components/schemas/RetrieveRunResponse/allOf/1/properties/relatedRuns": {"children": RUN_MEMBERS_KEPT_OPTIONAL},
    "#/components/schemas/TriggerTaskResponse": {
        "isCached": "read by the facade itself into RunHandle.is_cached (absent = False); " + NOT_A_RETURNED_MODEL
    },
}
_V1_BATCH = "#/paths/~1api~1v1~1batches~1{batchId}/get/responses/200/content/application~1json/schema"
_V1_RESULTS = "#/paths/~1api~1v1~1batches~1{batchId}~1results/get/responses/200/content/application~1json/schema"
_METADATA_PUT = "#/paths/~1api~1v1~1runs~1{runId}~1metadata/put/responses/200/content/application~1json/schema"
_RUN_RESULT = "#/paths/~1api~1v1~1runs~1{runId}~1result/get/responses/200/content/application~1json/schema"
for _where, _members, _why in (
    (
        _V1_BATCH,
        ["createdAt", "failedRunCount", "id", "runCount", "runs", "status", "successfulRunCount", "updatedAt"],
        NOT_A_RETURNED_MODEL + " (batch.retrieve reads /api/v2); one recording only",
    ),
    (_V1_RESULTS, ["id", "items"], NOT_A_RETURNED_MODEL + " (answers items: [] for v4 runs, O15)"),
    (_METADATA_PUT, ["metadata"], NOT_A_RETURNED_MODEL + " (runs.update_metadata returns the metadata dict)"),
    (_RUN_RESULT, ["error", "taskIdentifier"], NOT_A_RETURNED_MODEL + " (answers 404 for v4 runs, O15)"),
):
    KEPT_OPTIONAL[_where] = dict.fromkeys(_members, _why)


def test_the_recordings_reach_the_schemas_the_facade_returns() -> None:
    presence = recorded_presence()
    for where in (
        "#/components/schemas/QueueObject",
        "#/components/schemas/ScheduleObject",
        "#/components/schemas/WaitpointTokenObject",
        "#/components/schemas/BatchObject",
        "#/components/schemas/CancelRunResult",
        "#/components/schemas/EnvVar",
    ):
        assert presence[where].seen > 0, where


def test_every_member_every_recording_has_is_required_or_explained() -> None:
    problems = []
    for where, presence in sorted(recorded_presence().items()):
        missing = presence.always() - required_at(where)
        unexplained = missing - set(KEPT_OPTIONAL.get(where, {}))
        if unexplained:
            problems.append(f"{where}: {sorted(unexplained)}")
    assert problems == [], "always sent but neither required in the spec nor explained:\n" + "\n".join(problems)


def test_the_explanations_are_not_stale() -> None:
    presence = recorded_presence()
    stale = []
    for where, members in KEPT_OPTIONAL.items():
        for member in members:
            if where not in presence or member not in presence[where].always() or member in required_at(where):
                stale.append(f"{where} {member}")
    assert stale == []


def test_a_member_the_recordings_always_show_is_caught() -> None:
    # the check itself can fail: QueueObject.concurrency is recorded every time and made required by 060
    presence = recorded_presence()["#/components/schemas/QueueObject"]
    assert "concurrency" in presence.always()
    assert "concurrency" in required_at("#/components/schemas/QueueObject")
