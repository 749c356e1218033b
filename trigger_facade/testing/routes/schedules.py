"""Schedules and timezones (F6, F8).

The fake cannot know which tasks are scheduled tasks: users declare them, with
`FakeTrigger(scheduled_tasks={"nightly"})` or `fake.scheduled_task("nightly", handler)`. Creating
a schedule for any other task is a 422, as on the server.
"""

from __future__ import annotations

from typing import Any

from .._auth import Access
from .._router import Call, Route
from .._state import iso, new_id
from .._wire import ApiError, Reply, clamped

TIMEZONES = ["UTC", "Europe/London", "Europe/Paris", "America/New_York", "Asia/Tokyo"]
FIELDS = ("task", "cron", "timezone", "externalId", "window")


def shape(call: Call, schedule: dict[str, Any]) -> dict[str, Any]:
    config = call.state.config
    return {
        "id": schedule["id"],
        "type": "IMPERATIVE",
        "task": schedule["task"],
        "active": schedule["active"],
        "deduplicationKey": schedule.get("deduplicationKey"),
        "externalId": schedule.get("externalId"),
        "generator": {"type": "CRON", "expression": schedule["cron"], "description": f"cron {schedule['cron']}"},
        "timezone": schedule.get("timezone") or "UTC",
        "window": schedule.get("window"),
        "nextRun": iso(call.now() + 3600) if schedule["active"] else None,
        "environments": [{"id": config.environment_id, "type": "DEVELOPMENT", "userName": None}],
    }


def find(call: Call, schedule_id: str) -> dict[str, Any]:
    schedule = call.state.schedules.get(schedule_id)
    if schedule is None:
        raise ApiError(404, "Schedule not found")
    return schedule


def check(call: Call, body: dict[str, Any]) -> None:
    cron = body.get("cron")
    if not isinstance(body.get("task"), str) or not isinstance(cron, str):
        raise ApiError(400, "Invalid request body", issues=[{"path": ["task"], "message": "Required"}])
    task = body["task"]
    if not call.state.task_exists(task):
        raise ApiError(422, f"Task with identifier {task} not found in project.")  # F6
    if task not in call.state.scheduled_tasks:
        raise ApiError(422, f"Task with identifier {task} is not a scheduled task.")
    if len(cron.split()) != 5:
        raise ApiError(422, f"Invalid cron expression: {cron}")
    if body.get("timezone") and body["timezone"] not in TIMEZONES:
        raise ApiError(422, f"Invalid timezone {body['timezone']!r}")


def create(call: Call) -> Reply:
    body = call.body()
    if not isinstance(body.get("deduplicationKey"), str) or not body["deduplicationKey"]:
        raise ApiError(400, "Invalid request body", issues=[{"path": ["deduplicationKey"], "message": "Required"}])
    check(call, body)
    for schedule in call.state.schedules.values():
        if schedule.get("deduplicationKey") == body["deduplicationKey"]:
            schedule.update({k: v for k, v in body.items() if k in FIELDS})
            return Reply(200, shape(call, schedule))
    schedule = {"id": new_id("sched"), "active": True, **{k: body.get(k) for k in (*FIELDS, "deduplicationKey")}}
    call.state.schedules[schedule["id"]] = schedule
    return Reply(200, shape(call, schedule))


def list_schedules(call: Call) -> Reply:
    per_page = clamped(call.params, "perPage", 20, 1, 100)
    page = clamped(call.params, "page", 1, 1, 10**9)
    items = [shape(call, s) for s in call.state.schedules.values()]
    start = (page - 1) * per_page
    pagination = {"currentPage": page, "totalPages": -(-len(items) // per_page), "count": len(items)}
    return Reply(200, {"data": items[start : start + per_page], "pagination": pagination})


def retrieve(call: Call, schedule: str) -> Reply:
    return Reply(200, shape(call, find(call, schedule)))


def update(call: Call, schedule: str) -> Reply:
    target = find(call, schedule)
    body = call.body()
    check(call, body)
    target.update({k: body.get(k) for k in FIELDS})
    return Reply(200, shape(call, target))


def delete(call: Call, schedule: str) -> Reply:
    find(call, schedule)
    del call.state.schedules[schedule]
    return Reply(200, {"id": schedule})


def activate(call: Call, schedule: str) -> Reply:
    target = find(call, schedule)
    target["active"] = True
    return Reply(200, shape(call, target))


def deactivate(call: Call, schedule: str) -> Reply:
    target = find(call, schedule)
    target["active"] = False
    return Reply(200, shape(call, target))


def timezones(call: Call) -> Reply:
    exclude = call.params.get("excludeUtc") == "true"
    return Reply(200, {"timezones": [tz for tz in TIMEZONES if not (exclude and tz == "UTC")]})


ROUTES = (
    Route("GET", "/api/v1/schedules", list_schedules),
    Route("POST", "/api/v1/schedules", create),
    Route("GET", "/api/v1/schedules/{schedule}", retrieve),
    Route("PUT", "/api/v1/schedules/{schedule}", update),
    Route("DELETE", "/api/v1/schedules/{schedule}", delete),
    Route("POST", "/api/v1/schedules/{schedule}/activate", activate),
    Route("POST", "/api/v1/schedules/{schedule}/deactivate", deactivate),
    Route("GET", "/api/v1/timezones", timezones, Access.NONE),
)
