"""The typed events a webhook delivers, and the parts they share."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, TypeAlias

import attrs


@attrs.frozen
class WebhookOrganization:
    id: str
    slug: str
    name: str


@attrs.frozen
class WebhookProject:
    id: str
    ref: str
    slug: str
    name: str


@attrs.frozen
class WebhookEnvironment:
    """The environment of a run or deployment alert (`type` is PRODUCTION, STAGING, DEVELOPMENT or PREVIEW);
    an alert.error event carries only `id` and `name`."""

    id: str
    type: str | None = None
    slug: str | None = None
    branch_name: str | None = None
    name: str | None = None


@attrs.frozen
class WebhookTask:
    id: str
    file_path: str
    version: str
    sdk_version: str
    cli_version: str
    export_name: str | None = None


@attrs.frozen
class WebhookRun:
    id: str
    number: int
    status: str
    created_at: datetime
    is_test: bool
    tags: tuple[str, ...]
    error: Mapping[str, Any]  # the TaskRunError as sent: {"type": "BUILT_IN_ERROR", "name", "message", ...}
    is_out_of_memory_error: bool
    machine: str
    dashboard_url: str
    started_at: datetime | None = None
    completed_at: datetime | None = None
    idempotency_key: str | None = None


@attrs.frozen
class DeploymentTask:
    id: str
    file_path: str
    trigger_source: str
    export_name: str | None = None


@attrs.frozen
class WebhookDeployment:
    id: str
    status: str
    version: str
    short_code: str
    deployed_at: datetime | None = None
    failed_at: datetime | None = None


@attrs.frozen
class DeployError:
    name: str
    message: str
    stack: str | None = None
    stderr: str | None = None


@attrs.frozen
class WebhookGit:
    branch: str
    commit_sha: str
    commit_message: str
    commit_url: str
    branch_url: str
    pull_request_number: int | None = None
    pull_request_title: str | None = None
    pull_request_url: str | None = None
    provider: str | None = None


@attrs.frozen
class ErrorGroup:
    fingerprint: str
    type: str
    message: str
    first_seen: datetime
    last_seen: datetime
    occurrence_count: int
    task_identifier: str
    stack_trace: str | None = None


@attrs.frozen
class RunFailedEvent:
    """A run failed (alert.run.failed)."""

    type: ClassVar[str] = "alert.run.failed"
    id: str
    created: datetime
    webhook_version: str
    task: WebhookTask
    run: WebhookRun
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class DeploymentSucceededEvent:
    """A deployment finished (alert.deployment.success)."""

    type: ClassVar[str] = "alert.deployment.success"
    id: str
    created: datetime
    webhook_version: str
    deployment: WebhookDeployment
    tasks: tuple[DeploymentTask, ...]
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    git: WebhookGit | None
    vercel_deployment_url: str | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class DeploymentFailedEvent:
    """A deployment failed (alert.deployment.failed)."""

    type: ClassVar[str] = "alert.deployment.failed"
    id: str
    created: datetime
    webhook_version: str
    deployment: WebhookDeployment
    error: DeployError
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    git: WebhookGit | None
    vercel_deployment_url: str | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class ErrorAlertEvent:
    """An error group is new, regressed or was un-ignored (alert.error)."""

    type: ClassVar[str] = "alert.error"
    id: str
    created: datetime
    webhook_version: str
    classification: str  # new_issue, regression or unignored
    error: ErrorGroup
    environment: WebhookEnvironment
    organization: WebhookOrganization
    project: WebhookProject
    dashboard_url: str
    raw: Mapping[str, Any] = attrs.field(repr=False)


WebhookEvent: TypeAlias = RunFailedEvent | DeploymentSucceededEvent | DeploymentFailedEvent | ErrorAlertEvent
