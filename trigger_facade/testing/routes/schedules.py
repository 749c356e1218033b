"""Schedules and timezones (F6, F8).

The fake cannot know which tasks are scheduled tasks: users declare them, with
`FakeTrigger(scheduled_tasks={"nightly"})` or `fake.scheduled_task("nightly", handler)`. Creating
a schedule for any other task is a 422, as on the server.
"""

from __future__ import annotations

import re
import zoneinfo
from typing import Any

from .._auth import Access
from .._router import Call, Route
from .._state import iso, new_id
from .._wire import ApiError, Reply, clamped

CRON_FIELD = re.compile(r"[0-9*,/\-]+|[A-Za-z]{3}(?:-[A-Za-z]{3})?")
FALLBACK_ZONES = ["UTC", "Europe/London", "Europe/Paris", "America/New_York", "Asia/Tokyo"]


def all_timezones() -> list[str]:
    """UTC first, then the IANA zones this machine knows (the server lists them all)."""
    try:
        zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    except Exception:  # no tz database here
        zones = []
    return ["UTC", *zones] if zones else FALLBACK_ZONES


TIMEZONES = all_timezones()
FIELDS = ("task", "cron", "timezone", "externalId")


ENVIRONMENT_TYPES = {"dev": "DEVELOPMENT", "stg": "STAGING", "prod": "PRODUCTION", "preview": "PREVIEW"}
USER_NAME = "Local Developer"


def shape(call: Call, schedule: dict[str, Any], environment: str = "bare") -> dict[str, Any]:
    """A schedule. The environment entries differ by route (recordings): writes show `shortcode` and
    `userName`, the list `slug` and `userName`, reads neither."""
    config = call.state.config
    env: dict[str, Any] = {"id": config.environment_id, "type": ENVIRONMENT_TYPES[config.slug]}
    if environment == "write":
        env.update({"shortcode": "fake-shortcode", "userName": USER_NAME})
    elif environment == "list":
        env.update({"slug": config.slug, "userName": USER_NAME})
    next_run = next_midnight(call.now()) if schedule["active"] else None
    body: dict[str, Any] = {
        "id": schedule["id"],
        "type": "IMPERATIVE",
        "task": schedule["task"],
        "active": schedule["active"],
        "generator": {"type": "CRON", "expression": schedule["cron"], "description": describe(schedule["cron"])},
        "timezone": schedule.get("timezone") or "UTC",
        "deduplicationKey": schedule.get("deduplicationKey"),
        "environments": [env],
        "nextRun": iso(next_run),
        "nextRunEffectiveAt": iso(next_run + 6.5 if next_run is not None else None),
    }
    if schedule.get("externalId") is not None:
        body["externalId"] = schedule["externalId"]
    return body


def next_midnight(now: float) -> float:
    return (int(now) // 86_400 + 1) * 86_400.0


def describe(cron: str) -> str:
    """A short English reading of a daily cron ("0 9 * * *" -> "At 09:00 AM"), else the expression."""
    parts = cron.split()
    if len(parts) == 5 and parts[2:] == ["*", "*", "*"] and parts[0].isdigit() and parts[1].isdigit():
        hour, minute = int(parts[1]), int(parts[0])
        return f"At {(hour % 12) or 12:02d}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    return cron


def find(call: Call, schedule_id: str) -> dict[str, Any]:
    schedule = call.state.schedules.get(schedule_id)
    if schedule is None:
        raise ApiError(404, "Schedule not found")
    return schedule


def required(name: str) -> dict[str, Any]:
    """A zod issue for a missing string field, as the server words it."""
    return {
        "code": "invalid_type",
        "expected": "string",
        "received": "undefined",
        "path": [name],
        "message": "Required",
    }


def check(call: Call, body: dict[str, Any]) -> None:
    cron = body.get("cron")
    if not isinstance(body.get("task"), str) or not isinstance(cron, str):
        raise ApiError(400, "Invalid request body", issues=[required("task" if "cron" in body else "cron")])
    task = body["task"]
    if not call.state.task_exists(task):
        raise ApiError(422, f"Task with identifier {task} not found in project.")  # F6
    if task not in call.state.scheduled_tasks:
        raise ApiError(422, f"Task with identifier {task} is not a scheduled task.")
    if len(cron.split()) != 5 or not all(CRON_FIELD.fullmatch(part) for part in cron.split()):
        raise ApiError(422, f"Invalid cron expression: Invalid characters, got value: {cron.split()[0]}")
    if body.get("timezone") and body["timezone"] not in TIMEZONES:
        raise ApiError(422, f"Invalid timezone {body['timezone']!r}")


def create(call: Call) -> Reply:
    body = call.body()
    if not isinstance(body.get("deduplicationKey"), str) or not body["deduplicationKey"]:
        raise ApiError(400, "Invalid request body", issues=[required("deduplicationKey")])
    check(call, body)
    for schedule in call.state.schedules.values():
        if schedule.get("deduplicationKey") == body["deduplicationKey"]:
            schedule.update({k: v for k, v in body.items() if k in FIELDS})
            return Reply(200, shape(call, schedule, "write"))
    schedule = {"id": new_id("sched"), "active": True, **{k: body.get(k) for k in (*FIELDS, "deduplicationKey")}}
    call.state.schedules[schedule["id"]] = schedule
    return Reply(200, shape(call, schedule, "write"))


def list_schedules(call: Call) -> Reply:
    per_page = clamped(call.params, "perPage", 20, 1, 100)
    page = clamped(call.params, "page", 1, 1, 10**9)
    items = [shape(call, s, "list") for s in call.state.schedules.values()]
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
    return Reply(200, shape(call, target, "write"))


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
