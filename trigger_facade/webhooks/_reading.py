"""A webhook body read as its typed event, one reader per event type."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from ..errors import (
    WebhookPayloadError,
)
from ._events import (
    DeployError,
    DeploymentFailedEvent,
    DeploymentSucceededEvent,
    DeploymentTask,
    ErrorAlertEvent,
    ErrorGroup,
    RunFailedEvent,
    WebhookDeployment,
    WebhookEnvironment,
    WebhookEvent,
    WebhookGit,
    WebhookOrganization,
    WebhookProject,
    WebhookRun,
    WebhookTask,
)
from ._field_reader import FieldReader


def _organization(r: FieldReader) -> WebhookOrganization:
    return WebhookOrganization(id=r.text("id"), slug=r.text("slug"), name=r.text("name"))


def _project(r: FieldReader) -> WebhookProject:
    return WebhookProject(id=r.text("id"), ref=r.text("ref"), slug=r.text("slug"), name=r.text("name"))


def _environment(r: FieldReader) -> WebhookEnvironment:
    return WebhookEnvironment(
        id=r.text("id"), type=r.text("type"), slug=r.text("slug"), branch_name=r.opt_text("branchName")
    )


def _git(r: FieldReader | None) -> WebhookGit | None:
    if r is None:
        return None
    return WebhookGit(
        branch=r.text("branch"),
        commit_sha=r.text("commitSha"),
        commit_message=r.text("commitMessage"),
        commit_url=r.text("commitUrl"),
        branch_url=r.text("branchUrl"),
        pull_request_number=r.opt_whole("pullRequestNumber"),
        pull_request_title=r.opt_text("pullRequestTitle"),
        pull_request_url=r.opt_text("pullRequestUrl"),
        provider=r.opt_text("provider"),
    )


def _vercel_url(r: FieldReader) -> str | None:
    vercel = r.opt_obj("vercel")
    return vercel.text("deploymentUrl") if vercel is not None else None


def _deployment(r: FieldReader) -> WebhookDeployment:
    return WebhookDeployment(
        id=r.text("id"),
        status=r.text("status"),
        version=r.text("version"),
        short_code=r.text("shortCode"),
        deployed_at=r.date("deployedAt") if "deployedAt" in r.data else None,
        failed_at=r.date("failedAt") if "failedAt" in r.data else None,
    )


def _run_failed(top: FieldReader, common: dict[str, Any]) -> RunFailedEvent:
    o = top.obj("object")
    task, run = o.obj("task"), o.obj("run")
    error = run.obj("error")
    error.text("type")
    return RunFailedEvent(
        **common,
        task=WebhookTask(
            id=task.text("id"),
            file_path=task.text("filePath"),
            version=task.text("version"),
            sdk_version=task.text("sdkVersion"),
            cli_version=task.text("cliVersion"),
            export_name=task.opt_text("exportName"),
        ),
        run=WebhookRun(
            id=run.text("id"),
            number=run.whole("number"),
            status=run.text("status"),
            created_at=run.date("createdAt"),
            started_at=run.opt_date("startedAt"),
            completed_at=run.opt_date("completedAt"),
            is_test=run.flag("isTest"),
            idempotency_key=run.opt_text("idempotencyKey"),
            tags=run.strings("tags"),
            error=error.data,
            is_out_of_memory_error=run.flag("isOutOfMemoryError"),
            machine=run.text("machine"),
            dashboard_url=run.text("dashboardUrl"),
        ),
        environment=_environment(o.obj("environment")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
    )


def _deployment_success(top: FieldReader, common: dict[str, Any]) -> DeploymentSucceededEvent:
    o = top.obj("object")
    deployment = o.obj("deployment")
    deployment.date("deployedAt")
    return DeploymentSucceededEvent(
        **common,
        deployment=_deployment(deployment),
        tasks=tuple(
            DeploymentTask(
                id=t.text("id"),
                file_path=t.text("filePath"),
                trigger_source=t.text("triggerSource"),
                export_name=t.opt_text("exportName"),
            )
            for t in o.objects("tasks")
        ),
        environment=_environment(o.obj("environment")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
        git=_git(o.opt_obj("git")),
        vercel_deployment_url=_vercel_url(o),
    )


def _deployment_failed(top: FieldReader, common: dict[str, Any]) -> DeploymentFailedEvent:
    o = top.obj("object")
    deployment = o.obj("deployment")
    deployment.date("failedAt")
    error = o.obj("error")
    return DeploymentFailedEvent(
        **common,
        deployment=_deployment(deployment),
        error=DeployError(
            name=error.text("name"),
            message=error.text("message"),
            stack=error.opt_text("stack"),
            stderr=error.opt_text("stderr"),
        ),
        environment=_environment(o.obj("environment")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
        git=_git(o.opt_obj("git")),
        vercel_deployment_url=_vercel_url(o),
    )


def _error_alert(top: FieldReader, common: dict[str, Any]) -> ErrorAlertEvent:
    o = top.obj("object")
    error, environment = o.obj("error"), o.obj("environment")
    return ErrorAlertEvent(
        **common,
        classification=o.text("classification"),
        error=ErrorGroup(
            fingerprint=error.text("fingerprint"),
            type=error.text("type"),
            message=error.text("message"),
            stack_trace=error.opt_text("stackTrace"),
            first_seen=error.date("firstSeen"),
            last_seen=error.date("lastSeen"),
            occurrence_count=error.whole("occurrenceCount"),
            task_identifier=error.text("taskIdentifier"),
        ),
        environment=WebhookEnvironment(id=environment.text("id"), name=environment.text("name")),
        organization=_organization(o.obj("organization")),
        project=_project(o.obj("project")),
        dashboard_url=o.text("dashboardUrl"),
    )


_READERS: Final[dict[str, Callable[[FieldReader, dict[str, Any]], WebhookEvent]]] = {
    RunFailedEvent.type: _run_failed,
    DeploymentSucceededEvent.type: _deployment_success,
    DeploymentFailedEvent.type: _deployment_failed,
    ErrorAlertEvent.type: _error_alert,
}


def read_webhook_event(body: bytes | str) -> WebhookEvent:
    """The typed event in a webhook body, WITHOUT checking its signature (parse_webhook does both)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookPayloadError(f"Webhook parsing failed: the body is not JSON ({exc})") from None
    top = FieldReader(data, "webhook")
    kind = data.get("type")
    reader = _READERS.get(kind) if isinstance(kind, str) else None
    if reader is None:
        known = ", ".join(_READERS)
        raise WebhookPayloadError(f"Webhook parsing failed: unknown event type {kind!r} (known: {known})")
    common = {"id": top.text("id"), "created": top.date("created"), "webhook_version": top.text("webhookVersion")}
    return reader(top, {**common, "raw": data})
