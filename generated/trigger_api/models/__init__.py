"""Contains all the data models used in inputs/outputs"""

from .abort_bulk_action_response import AbortBulkActionResponse
from .add_run_tags_v1_body import AddRunTagsV1Body
from .add_run_tags_v1_response_200 import AddRunTagsV1Response200
from .batch_item_error import BatchItemError
from .batch_item_ndjson import BatchItemNDJSON
from .batch_processing import BatchProcessing
from .batch_status import BatchStatus
from .batch_trigger_request_body import BatchTriggerRequestBody
from .batch_trigger_run_info import BatchTriggerRunInfo
from .batch_trigger_task_by_id_v1_body import BatchTriggerTaskByIdV1Body
from .batch_trigger_task_request_body_item import BatchTriggerTaskRequestBodyItem
from .batch_trigger_task_response import BatchTriggerTaskResponse
from .batch_trigger_v2_batch_processing_strategy import (
    BatchTriggerV2BatchProcessingStrategy,
)
from .batch_trigger_v2_request_body import BatchTriggerV2RequestBody
from .batch_trigger_v2_response import BatchTriggerV2Response
from .batch_trigger_v3_request_body import BatchTriggerV3RequestBody
from .batch_trigger_v3_response import BatchTriggerV3Response
from .bulk_action_filter import BulkActionFilter
from .bulk_action_object import BulkActionObject
from .bulk_action_object_counts import BulkActionObjectCounts
from .bulk_action_object_status import BulkActionObjectStatus
from .bulk_action_object_type import BulkActionObjectType
from .bulk_cancel_by_filter import BulkCancelByFilter
from .bulk_cancel_by_filter_action import BulkCancelByFilterAction
from .bulk_cancel_by_run_ids import BulkCancelByRunIds
from .bulk_cancel_by_run_ids_action import BulkCancelByRunIdsAction
from .bulk_replay_by_filter import BulkReplayByFilter
from .bulk_replay_by_filter_action import BulkReplayByFilterAction
from .bulk_replay_by_run_ids import BulkReplayByRunIds
from .bulk_replay_by_run_ids_action import BulkReplayByRunIdsAction
from .cancel_run_v1_response_200 import CancelRunV1Response200
from .close_session_request_body import CloseSessionRequestBody
from .common_run_object import CommonRunObject
from .common_run_object_metadata import CommonRunObjectMetadata
from .common_run_object_trigger_function import CommonRunObjectTriggerFunction
from .common_runs_filter import CommonRunsFilter
from .common_runs_filter_created_at import CommonRunsFilterCreatedAt
from .complete_waitpoint_token_callback_v1_body import (
    CompleteWaitpointTokenCallbackV1Body,
)
from .complete_waitpoint_token_request import CompleteWaitpointTokenRequest
from .complete_waitpoint_token_response import CompleteWaitpointTokenResponse
from .create_batch_request import CreateBatchRequest
from .create_batch_response import CreateBatchResponse
from .create_bulk_action_response import CreateBulkActionResponse
from .create_env_var_request_body import CreateEnvVarRequestBody
from .create_schedule_options import CreateScheduleOptions
from .create_session_request_body import CreateSessionRequestBody
from .create_session_request_body_metadata import CreateSessionRequestBodyMetadata
from .create_waitpoint_token_request import CreateWaitpointTokenRequest
from .create_waitpoint_token_response import CreateWaitpointTokenResponse
from .created_session_response_body import CreatedSessionResponseBody
from .debounce_options import DebounceOptions
from .debounce_options_mode import DebounceOptionsMode
from .delete_schedule_response import DeleteScheduleResponse
from .deployment_summary import DeploymentSummary
from .deployment_summary_error_data_type_0 import DeploymentSummaryErrorDataType0
from .deployment_summary_status import DeploymentSummaryStatus
from .end_and_continue_session_request import EndAndContinueSessionRequest
from .env_filter import EnvFilter
from .env_filter_env_item import EnvFilterEnvItem
from .env_var import EnvVar
from .env_var_value import EnvVarValue
from .environment_slug import EnvironmentSlug
from .error_detail import ErrorDetail
from .error_list_item import ErrorListItem
from .error_list_item_status import ErrorListItemStatus
from .error_object import ErrorObject
from .error_object_status import ErrorObjectStatus
from .error_response import ErrorResponse
from .errors_filter import ErrorsFilter
from .errors_filter_status_item import ErrorsFilterStatusItem
from .execute_query_csv_response import ExecuteQueryCsvResponse
from .execute_query_csv_response_format import ExecuteQueryCsvResponseFormat
from .execute_query_json_response import ExecuteQueryJsonResponse
from .execute_query_json_response_format import ExecuteQueryJsonResponseFormat
from .execute_query_json_response_results_item import (
    ExecuteQueryJsonResponseResultsItem,
)
from .execute_query_request_body import ExecuteQueryRequestBody
from .execute_query_request_body_format import ExecuteQueryRequestBodyFormat
from .execute_query_request_body_scope import ExecuteQueryRequestBodyScope
from .get_batch_results_v1_response_200 import GetBatchResultsV1Response200
from .get_batch_results_v1_response_200_items_item import (
    GetBatchResultsV1Response200ItemsItem,
)
from .get_batch_results_v1_response_200_items_item_error import (
    GetBatchResultsV1Response200ItemsItemError,
)
from .get_batch_results_v1_response_200_items_item_usage import (
    GetBatchResultsV1Response200ItemsItemUsage,
)
from .get_deployment_v1_response_200 import GetDeploymentV1Response200
from .get_deployment_v1_response_200_error_data_type_0 import (
    GetDeploymentV1Response200ErrorDataType0,
)
from .get_deployment_v1_response_200_external_build_data_type_0 import (
    GetDeploymentV1Response200ExternalBuildDataType0,
)
from .get_deployment_v1_response_200_integration_deployments_type_0_item import (
    GetDeploymentV1Response200IntegrationDeploymentsType0Item,
)
from .get_deployment_v1_response_200_status import GetDeploymentV1Response200Status
from .get_deployment_v1_response_200_worker_type_0 import (
    GetDeploymentV1Response200WorkerType0,
)
from .get_deployment_v1_response_200_worker_type_0_tasks_item import (
    GetDeploymentV1Response200WorkerType0TasksItem,
)
from .get_query_schema_v1_response_200 import GetQuerySchemaV1Response200
from .get_query_schema_v1_response_200_tables_item import (
    GetQuerySchemaV1Response200TablesItem,
)
from .get_query_schema_v1_response_200_tables_item_columns_item import (
    GetQuerySchemaV1Response200TablesItemColumnsItem,
)
from .get_run_events_v1_response_200 import GetRunEventsV1Response200
from .get_run_events_v1_response_200_events_item import (
    GetRunEventsV1Response200EventsItem,
)
from .get_run_events_v1_response_200_events_item_events_item import (
    GetRunEventsV1Response200EventsItemEventsItem,
)
from .get_run_events_v1_response_200_events_item_events_item_properties import (
    GetRunEventsV1Response200EventsItemEventsItemProperties,
)
from .get_run_events_v1_response_200_events_item_kind import (
    GetRunEventsV1Response200EventsItemKind,
)
from .get_run_events_v1_response_200_events_item_level import (
    GetRunEventsV1Response200EventsItemLevel,
)
from .get_run_events_v1_response_200_events_item_style import (
    GetRunEventsV1Response200EventsItemStyle,
)
from .get_run_events_v1_response_200_events_item_style_accessory import (
    GetRunEventsV1Response200EventsItemStyleAccessory,
)
from .get_run_events_v1_response_200_events_item_style_accessory_style import (
    GetRunEventsV1Response200EventsItemStyleAccessoryStyle,
)
from .get_run_result_v1_response_200 import GetRunResultV1Response200
from .get_run_result_v1_response_200_error import GetRunResultV1Response200Error
from .get_run_result_v1_response_200_usage import GetRunResultV1Response200Usage
from .get_run_trace_v1_response_200 import GetRunTraceV1Response200
from .get_run_trace_v1_response_200_trace import GetRunTraceV1Response200Trace
from .get_timezones_result import GetTimezonesResult
from .idempotency_key_options import IdempotencyKeyOptions
from .idempotency_key_options_scope import IdempotencyKeyOptionsScope
from .ignore_error_v1_body import IgnoreErrorV1Body
from .import_env_vars_request_body import ImportEnvVarsRequestBody
from .import_env_vars_request_body_parent_variables import (
    ImportEnvVarsRequestBodyParentVariables,
)
from .import_env_vars_request_body_variables import ImportEnvVarsRequestBodyVariables
from .list_bulk_actions_result import ListBulkActionsResult
from .list_bulk_actions_result_pagination import ListBulkActionsResultPagination
from .list_dashboards_v1_response_200 import ListDashboardsV1Response200
from .list_dashboards_v1_response_200_dashboards_item import (
    ListDashboardsV1Response200DashboardsItem,
)
from .list_dashboards_v1_response_200_dashboards_item_widgets_item import (
    ListDashboardsV1Response200DashboardsItemWidgetsItem,
)
from .list_dashboards_v1_response_200_dashboards_item_widgets_item_type import (
    ListDashboardsV1Response200DashboardsItemWidgetsItemType,
)
from .list_deployments_v1_response_200 import ListDeploymentsV1Response200
from .list_deployments_v1_response_200_data_item import (
    ListDeploymentsV1Response200DataItem,
)
from .list_deployments_v1_response_200_data_item_error_type_0 import (
    ListDeploymentsV1Response200DataItemErrorType0,
)
from .list_deployments_v1_response_200_data_item_git_type_0 import (
    ListDeploymentsV1Response200DataItemGitType0,
)
from .list_deployments_v1_response_200_data_item_status import (
    ListDeploymentsV1Response200DataItemStatus,
)
from .list_deployments_v1_response_200_pagination import (
    ListDeploymentsV1Response200Pagination,
)
from .list_deployments_v1_status import ListDeploymentsV1Status
from .list_errors_result import ListErrorsResult
from .list_errors_result_pagination import ListErrorsResultPagination
from .list_queues_result import ListQueuesResult
from .list_queues_result_pagination import ListQueuesResultPagination
from .list_run_item import ListRunItem
from .list_run_item_env import ListRunItemEnv
from .list_run_item_metadata import ListRunItemMetadata
from .list_runs_result import ListRunsResult
from .list_runs_result_pagination import ListRunsResultPagination
from .list_schedules_result import ListSchedulesResult
from .list_schedules_result_pagination import ListSchedulesResultPagination
from .list_sessions_result import ListSessionsResult
from .list_sessions_result_pagination import ListSessionsResultPagination
from .list_waitpoint_tokens_result import ListWaitpointTokensResult
from .list_waitpoint_tokens_result_pagination import ListWaitpointTokensResultPagination
from .machine_preset import MachinePreset
from .override_queue_concurrency_request_body import OverrideQueueConcurrencyRequestBody
from .pause_queue_request_body import PauseQueueRequestBody
from .pause_queue_request_body_action import PauseQueueRequestBodyAction
from .promote_deployment_v1_response_200 import PromoteDeploymentV1Response200
from .queue_identifier_type import QueueIdentifierType
from .queue_metrics_response import QueueMetricsResponse
from .queue_object import QueueObject
from .queue_object_concurrency import QueueObjectConcurrency
from .queue_object_type import QueueObjectType
from .queue_options import QueueOptions
from .queue_type_name import QueueTypeName
from .queue_type_name_type import QueueTypeNameType
from .replay_run_v1_response_200 import ReplayRunV1Response200
from .reschedule_run_request_body import RescheduleRunRequestBody
from .reset_idempotency_key_request import ResetIdempotencyKeyRequest
from .reset_idempotency_key_response import ResetIdempotencyKeyResponse
from .reset_queue_concurrency_v1_body import ResetQueueConcurrencyV1Body
from .reset_queue_concurrency_v1_body_type import ResetQueueConcurrencyV1BodyType
from .resolve_error_v1_body import ResolveErrorV1Body
from .retrieve_batch_v1_response_200 import RetrieveBatchV1Response200
from .retrieve_batch_v1_response_200_errors_type_0_item import (
    RetrieveBatchV1Response200ErrorsType0Item,
)
from .retrieve_batch_v1_response_200_errors_type_0_item_error import (
    RetrieveBatchV1Response200ErrorsType0ItemError,
)
from .retrieve_batch_v2_response import RetrieveBatchV2Response
from .retrieve_run_response import RetrieveRunResponse
from .retrieve_run_response_attempts_item import RetrieveRunResponseAttemptsItem
from .retrieve_run_response_attempts_item_status import (
    RetrieveRunResponseAttemptsItemStatus,
)
from .retrieve_run_response_related_runs import RetrieveRunResponseRelatedRuns
from .retrieve_run_response_schedule import RetrieveRunResponseSchedule
from .retrieve_run_response_schedule_generator import (
    RetrieveRunResponseScheduleGenerator,
)
from .retrieve_run_response_schedule_generator_type import (
    RetrieveRunResponseScheduleGeneratorType,
)
from .run_metadata_response import RunMetadataResponse
from .run_metadata_response_metadata import RunMetadataResponseMetadata
from .run_span_response import RunSpanResponse
from .run_span_response_ai_type_0 import RunSpanResponseAiType0
from .run_span_response_properties_type_0 import RunSpanResponsePropertiesType0
from .run_status import RunStatus
from .schedule_environment import ScheduleEnvironment
from .schedule_object import ScheduleObject
from .schedule_object_generator import ScheduleObjectGenerator
from .schedule_object_generator_type import ScheduleObjectGeneratorType
from .schedule_object_type import ScheduleObjectType
from .serialized_error import SerializedError
from .session_object import SessionObject
from .session_object_metadata_type_0 import SessionObjectMetadataType0
from .session_trigger_config import SessionTriggerConfig
from .session_trigger_config_base_payload import SessionTriggerConfigBasePayload
from .sessions_filter import SessionsFilter
from .sessions_filter_created_at import SessionsFilterCreatedAt
from .sessions_filter_status_item import SessionsFilterStatusItem
from .span_detailed_summary import SpanDetailedSummary
from .span_detailed_summary_data import SpanDetailedSummaryData
from .span_detailed_summary_data_events_item import SpanDetailedSummaryDataEventsItem
from .span_detailed_summary_data_events_item_properties import (
    SpanDetailedSummaryDataEventsItemProperties,
)
from .span_detailed_summary_data_level import SpanDetailedSummaryDataLevel
from .span_detailed_summary_data_properties import SpanDetailedSummaryDataProperties
from .stream_batch_items_response import StreamBatchItemsResponse
from .succeed_response import SucceedResponse
from .trigger_task_options import TriggerTaskOptions
from .trigger_task_options_metadata import TriggerTaskOptionsMetadata
from .trigger_task_request_body import TriggerTaskRequestBody
from .trigger_task_response import TriggerTaskResponse
from .update_run_metadata_v1_body import UpdateRunMetadataV1Body
from .update_run_metadata_v1_body_metadata import UpdateRunMetadataV1BodyMetadata
from .update_run_metadata_v1_response_200 import UpdateRunMetadataV1Response200
from .update_run_metadata_v1_response_200_metadata import (
    UpdateRunMetadataV1Response200Metadata,
)
from .update_schedule_options import UpdateScheduleOptions
from .update_session_request_body import UpdateSessionRequestBody
from .update_session_request_body_metadata_type_0 import (
    UpdateSessionRequestBodyMetadataType0,
)
from .waitpoint_token_object import WaitpointTokenObject
from .waitpoint_token_object_status import WaitpointTokenObjectStatus
from .who_am_i_project import WhoAmIProject
from .who_am_i_response import WhoAmIResponse

__all__ = (
    "AbortBulkActionResponse",
    "AddRunTagsV1Body",
    "AddRunTagsV1Response200",
    "BatchItemError",
    "BatchItemNDJSON",
    "BatchProcessing",
    "BatchStatus",
    "BatchTriggerRequestBody",
    "BatchTriggerRunInfo",
    "BatchTriggerTaskByIdV1Body",
    "BatchTriggerTaskRequestBodyItem",
    "BatchTriggerTaskResponse",
    "BatchTriggerV2BatchProcessingStrategy",
    "BatchTriggerV2RequestBody",
    "BatchTriggerV2Response",
    "BatchTriggerV3RequestBody",
    "BatchTriggerV3Response",
    "BulkActionFilter",
    "BulkActionObject",
    "BulkActionObjectCounts",
    "BulkActionObjectStatus",
    "BulkActionObjectType",
    "BulkCancelByFilter",
    "BulkCancelByFilterAction",
    "BulkCancelByRunIds",
    "BulkCancelByRunIdsAction",
    "BulkReplayByFilter",
    "BulkReplayByFilterAction",
    "BulkReplayByRunIds",
    "BulkReplayByRunIdsAction",
    "CancelRunV1Response200",
    "CloseSessionRequestBody",
    "CommonRunObject",
    "CommonRunObjectMetadata",
    "CommonRunObjectTriggerFunction",
    "CommonRunsFilter",
    "CommonRunsFilterCreatedAt",
    "CompleteWaitpointTokenCallbackV1Body",
    "CompleteWaitpointTokenRequest",
    "CompleteWaitpointTokenResponse",
    "CreateBatchRequest",
    "CreateBatchResponse",
    "CreateBulkActionResponse",
    "CreateEnvVarRequestBody",
    "CreateScheduleOptions",
    "CreateSessionRequestBody",
    "CreateSessionRequestBodyMetadata",
    "CreateWaitpointTokenRequest",
    "CreateWaitpointTokenResponse",
    "CreatedSessionResponseBody",
    "DebounceOptions",
    "DebounceOptionsMode",
    "DeleteScheduleResponse",
    "DeploymentSummary",
    "DeploymentSummaryErrorDataType0",
    "DeploymentSummaryStatus",
    "EndAndContinueSessionRequest",
    "EnvFilter",
    "EnvFilterEnvItem",
    "EnvVar",
    "EnvVarValue",
    "EnvironmentSlug",
    "ErrorDetail",
    "ErrorListItem",
    "ErrorListItemStatus",
    "ErrorObject",
    "ErrorObjectStatus",
    "ErrorResponse",
    "ErrorsFilter",
    "ErrorsFilterStatusItem",
    "ExecuteQueryCsvResponse",
    "ExecuteQueryCsvResponseFormat",
    "ExecuteQueryJsonResponse",
    "ExecuteQueryJsonResponseFormat",
    "ExecuteQueryJsonResponseResultsItem",
    "ExecuteQueryRequestBody",
    "ExecuteQueryRequestBodyFormat",
    "ExecuteQueryRequestBodyScope",
    "GetBatchResultsV1Response200",
    "GetBatchResultsV1Response200ItemsItem",
    "GetBatchResultsV1Response200ItemsItemError",
    "GetBatchResultsV1Response200ItemsItemUsage",
    "GetDeploymentV1Response200",
    "GetDeploymentV1Response200ErrorDataType0",
    "GetDeploymentV1Response200ExternalBuildDataType0",
    "GetDeploymentV1Response200IntegrationDeploymentsType0Item",
    "GetDeploymentV1Response200Status",
    "GetDeploymentV1Response200WorkerType0",
    "GetDeploymentV1Response200WorkerType0TasksItem",
    "GetQuerySchemaV1Response200",
    "GetQuerySchemaV1Response200TablesItem",
    "GetQuerySchemaV1Response200TablesItemColumnsItem",
    "GetRunEventsV1Response200",
    "GetRunEventsV1Response200EventsItem",
    "GetRunEventsV1Response200EventsItemEventsItem",
    "GetRunEventsV1Response200EventsItemEventsItemProperties",
    "GetRunEventsV1Response200EventsItemKind",
    "GetRunEventsV1Response200EventsItemLevel",
    "GetRunEventsV1Response200EventsItemStyle",
    "GetRunEventsV1Response200EventsItemStyleAccessory",
    "GetRunEventsV1Response200EventsItemStyleAccessoryStyle",
    "GetRunResultV1Response200",
    "GetRunResultV1Response200Error",
    "GetRunResultV1Response200Usage",
    "GetRunTraceV1Response200",
    "GetRunTraceV1Response200Trace",
    "GetTimezonesResult",
    "IdempotencyKeyOptions",
    "IdempotencyKeyOptionsScope",
    "IgnoreErrorV1Body",
    "ImportEnvVarsRequestBody",
    "ImportEnvVarsRequestBodyParentVariables",
    "ImportEnvVarsRequestBodyVariables",
    "ListBulkActionsResult",
    "ListBulkActionsResultPagination",
    "ListDashboardsV1Response200",
    "ListDashboardsV1Response200DashboardsItem",
    "ListDashboardsV1Response200DashboardsItemWidgetsItem",
    "ListDashboardsV1Response200DashboardsItemWidgetsItemType",
    "ListDeploymentsV1Response200",
    "ListDeploymentsV1Response200DataItem",
    "ListDeploymentsV1Response200DataItemErrorType0",
    "ListDeploymentsV1Response200DataItemGitType0",
    "ListDeploymentsV1Response200DataItemStatus",
    "ListDeploymentsV1Response200Pagination",
    "ListDeploymentsV1Status",
    "ListErrorsResult",
    "ListErrorsResultPagination",
    "ListQueuesResult",
    "ListQueuesResultPagination",
    "ListRunItem",
    "ListRunItemEnv",
    "ListRunItemMetadata",
    "ListRunsResult",
    "ListRunsResultPagination",
    "ListSchedulesResult",
    "ListSchedulesResultPagination",
    "ListSessionsResult",
    "ListSessionsResultPagination",
    "ListWaitpointTokensResult",
    "ListWaitpointTokensResultPagination",
    "MachinePreset",
    "OverrideQueueConcurrencyRequestBody",
    "PauseQueueRequestBody",
    "PauseQueueRequestBodyAction",
    "PromoteDeploymentV1Response200",
    "QueueIdentifierType",
    "QueueMetricsResponse",
    "QueueObject",
    "QueueObjectConcurrency",
    "QueueObjectType",
    "QueueOptions",
    "QueueTypeName",
    "QueueTypeNameType",
    "ReplayRunV1Response200",
    "RescheduleRunRequestBody",
    "ResetIdempotencyKeyRequest",
    "ResetIdempotencyKeyResponse",
    "ResetQueueConcurrencyV1Body",
    "ResetQueueConcurrencyV1BodyType",
    "ResolveErrorV1Body",
    "RetrieveBatchV1Response200",
    "RetrieveBatchV1Response200ErrorsType0Item",
    "RetrieveBatchV1Response200ErrorsType0ItemError",
    "RetrieveBatchV2Response",
    "RetrieveRunResponse",
    "RetrieveRunResponseAttemptsItem",
    "RetrieveRunResponseAttemptsItemStatus",
    "RetrieveRunResponseRelatedRuns",
    "RetrieveRunResponseSchedule",
    "RetrieveRunResponseScheduleGenerator",
    "RetrieveRunResponseScheduleGeneratorType",
    "RunMetadataResponse",
    "RunMetadataResponseMetadata",
    "RunSpanResponse",
    "RunSpanResponseAiType0",
    "RunSpanResponsePropertiesType0",
    "RunStatus",
    "ScheduleEnvironment",
    "ScheduleObject",
    "ScheduleObjectGenerator",
    "ScheduleObjectGeneratorType",
    "ScheduleObjectType",
    "SerializedError",
    "SessionObject",
    "SessionObjectMetadataType0",
    "SessionTriggerConfig",
    "SessionTriggerConfigBasePayload",
    "SessionsFilter",
    "SessionsFilterCreatedAt",
    "SessionsFilterStatusItem",
    "SpanDetailedSummary",
    "SpanDetailedSummaryData",
    "SpanDetailedSummaryDataEventsItem",
    "SpanDetailedSummaryDataEventsItemProperties",
    "SpanDetailedSummaryDataLevel",
    "SpanDetailedSummaryDataProperties",
    "StreamBatchItemsResponse",
    "SucceedResponse",
    "TriggerTaskOptions",
    "TriggerTaskOptionsMetadata",
    "TriggerTaskRequestBody",
    "TriggerTaskResponse",
    "UpdateRunMetadataV1Body",
    "UpdateRunMetadataV1BodyMetadata",
    "UpdateRunMetadataV1Response200",
    "UpdateRunMetadataV1Response200Metadata",
    "UpdateScheduleOptions",
    "UpdateSessionRequestBody",
    "UpdateSessionRequestBodyMetadataType0",
    "WaitpointTokenObject",
    "WaitpointTokenObjectStatus",
    "WhoAmIProject",
    "WhoAmIResponse",
)
