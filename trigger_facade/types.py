"""Every type a public method of TriggerClient or AsyncTriggerClient returns, under one roof.

`from trigger_facade.types import Run, QueueObject, SyncPaginator` to annotate your own code. The
facade's own classes (Run, the handles, pages and paginators) live beside the resources that make
them; the rest are the models generated from spec/openapi.yaml, named by the spec (its component
names, see spec/overlays/060-typed-results.yaml). Importing this module loads the generated models;
`import trigger_facade` alone does not.
"""

from __future__ import annotations

from trigger_api.models.abort_bulk_action_response import AbortBulkActionResponse
from trigger_api.models.add_run_tags_result import AddRunTagsResult
from trigger_api.models.batch_object import BatchObject
from trigger_api.models.bulk_action_object import BulkActionObject
from trigger_api.models.cancel_run_result import CancelRunResult
from trigger_api.models.complete_waitpoint_token_response import CompleteWaitpointTokenResponse
from trigger_api.models.create_bulk_action_response import CreateBulkActionResponse
from trigger_api.models.created_session_response_body import CreatedSessionResponseBody
from trigger_api.models.delete_schedule_response import DeleteScheduleResponse
from trigger_api.models.deployment import Deployment
from trigger_api.models.deployment_list_item import DeploymentListItem
from trigger_api.models.deployment_summary import DeploymentSummary
from trigger_api.models.env_var import EnvVar
from trigger_api.models.promote_deployment_result import PromoteDeploymentResult
from trigger_api.models.query_dashboards import QueryDashboards
from trigger_api.models.query_schema import QuerySchema
from trigger_api.models.queue_metrics_response import QueueMetricsResponse
from trigger_api.models.queue_object import QueueObject
from trigger_api.models.replay_run_result import ReplayRunResult
from trigger_api.models.run_events import RunEvents
from trigger_api.models.run_span_response import RunSpanResponse
from trigger_api.models.run_trace import RunTrace
from trigger_api.models.schedule_object import ScheduleObject
from trigger_api.models.session_object import SessionObject
from trigger_api.models.succeed_response import SucceedResponse
from trigger_api.models.waitpoint_token_object import WaitpointTokenObject
from trigger_api.types import Unset

from ._async._batching import AsyncBatchHandle
from ._async.paginators import AsyncPaginator
from ._async.tasks import AsyncRunHandle
from .models import BatchPart, Cursor, Page, Run, RunError, RunResult
from .realtime.streams import StreamChunk
from .resources._batching import BatchHandle
from .resources.paginators import SyncPaginator
from .resources.tasks import RunHandle
from .sansio.query import QueryRows
from .sansio.schedules import TimezoneNames
from .sansio.waitpoints import WaitpointToken

__all__ = [
    "AbortBulkActionResponse",
    "AddRunTagsResult",
    "AsyncBatchHandle",
    "AsyncPaginator",
    "AsyncRunHandle",
    "BatchHandle",
    "BatchObject",
    "BatchPart",
    "BulkActionObject",
    "CancelRunResult",
    "CompleteWaitpointTokenResponse",
    "CreateBulkActionResponse",
    "CreatedSessionResponseBody",
    "Cursor",
    "DeleteScheduleResponse",
    "Deployment",
    "DeploymentListItem",
    "DeploymentSummary",
    "EnvVar",
    "Page",
    "PromoteDeploymentResult",
    "QueryDashboards",
    "QueryRows",
    "QuerySchema",
    "QueueMetricsResponse",
    "QueueObject",
    "ReplayRunResult",
    "Run",
    "RunError",
    "RunEvents",
    "RunHandle",
    "RunResult",
    "RunSpanResponse",
    "RunTrace",
    "ScheduleObject",
    "SessionObject",
    "StreamChunk",
    "SucceedResponse",
    "SyncPaginator",
    "TimezoneNames",
    "Unset",
    "WaitpointToken",
    "WaitpointTokenObject",
]
