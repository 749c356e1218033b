"""Contains all the data models used in inputs/outputs.

Models are imported on first use (PEP 562): importing one operation does not import all of them.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .abort_bulk_action_response import AbortBulkActionResponse
    from .add_run_tags_result import AddRunTagsResult
    from .add_run_tags_v1_body import AddRunTagsV1Body
    from .batch_item_error import BatchItemError
    from .batch_item_ndjson import BatchItemNDJSON
    from .batch_object import BatchObject
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
    from .cancel_run_result import CancelRunResult
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
    from .create_public_token_request import CreatePublicTokenRequest
    from .create_public_token_request_realtime import CreatePublicTokenRequestRealtime
    from .create_public_token_response import CreatePublicTokenResponse
    from .create_schedule_options import CreateScheduleOptions
    from .create_session_request_body import CreateSessionRequestBody
    from .create_session_request_body_metadata import CreateSessionRequestBodyMetadata
    from .create_waitpoint_token_request import CreateWaitpointTokenRequest
    from .create_waitpoint_token_response import CreateWaitpointTokenResponse
    from .created_session_response_body import CreatedSessionResponseBody
    from .debounce_options import DebounceOptions
    from .debounce_options_mode import DebounceOptionsMode
    from .delete_schedule_response import DeleteScheduleResponse
    from .deployment import Deployment
    from .deployment_error_data_type_0 import DeploymentErrorDataType0
    from .deployment_external_build_data_type_0 import DeploymentExternalBuildDataType0
    from .deployment_integration_deployments_type_0_item import (
        DeploymentIntegrationDeploymentsType0Item,
    )
    from .deployment_list_item import DeploymentListItem
    from .deployment_list_item_error_type_0 import DeploymentListItemErrorType0
    from .deployment_list_item_git_type_0 import DeploymentListItemGitType0
    from .deployment_list_item_status import DeploymentListItemStatus
    from .deployment_status import DeploymentStatus
    from .deployment_summary import DeploymentSummary
    from .deployment_summary_error_data_type_0 import DeploymentSummaryErrorDataType0
    from .deployment_summary_status import DeploymentSummaryStatus
    from .deployment_worker_type_0 import DeploymentWorkerType0
    from .deployment_worker_type_0_tasks_item import DeploymentWorkerType0TasksItem
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
    from .get_run_result_v1_response_200 import GetRunResultV1Response200
    from .get_run_result_v1_response_200_error import GetRunResultV1Response200Error
    from .get_run_result_v1_response_200_usage import GetRunResultV1Response200Usage
    from .get_timezones_result import GetTimezonesResult
    from .idempotency_key_options import IdempotencyKeyOptions
    from .idempotency_key_options_scope import IdempotencyKeyOptionsScope
    from .ignore_error_v1_body import IgnoreErrorV1Body
    from .import_env_vars_request_body import ImportEnvVarsRequestBody
    from .import_env_vars_request_body_parent_variables import (
        ImportEnvVarsRequestBodyParentVariables,
    )
    from .import_env_vars_request_body_source import ImportEnvVarsRequestBodySource
    from .import_env_vars_request_body_variables import (
        ImportEnvVarsRequestBodyVariables,
    )
    from .jwt_claims_response import JwtClaimsResponse
    from .list_bulk_actions_result import ListBulkActionsResult
    from .list_bulk_actions_result_pagination import ListBulkActionsResultPagination
    from .list_deployments_result import ListDeploymentsResult
    from .list_deployments_result_pagination import ListDeploymentsResultPagination
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
    from .list_waitpoint_tokens_result_pagination import (
        ListWaitpointTokensResultPagination,
    )
    from .machine_preset import MachinePreset
    from .override_queue_concurrency_request_body import (
        OverrideQueueConcurrencyRequestBody,
    )
    from .pause_queue_request_body import PauseQueueRequestBody
    from .pause_queue_request_body_action import PauseQueueRequestBodyAction
    from .promote_deployment_result import PromoteDeploymentResult
    from .query_dashboards import QueryDashboards
    from .query_dashboards_dashboards_item import QueryDashboardsDashboardsItem
    from .query_dashboards_dashboards_item_widgets_item import (
        QueryDashboardsDashboardsItemWidgetsItem,
    )
    from .query_dashboards_dashboards_item_widgets_item_type import (
        QueryDashboardsDashboardsItemWidgetsItemType,
    )
    from .query_schema import QuerySchema
    from .query_schema_tables_item import QuerySchemaTablesItem
    from .query_schema_tables_item_columns_item import QuerySchemaTablesItemColumnsItem
    from .queue_identifier_type import QueueIdentifierType
    from .queue_metrics_response import QueueMetricsResponse
    from .queue_object import QueueObject
    from .queue_object_concurrency import QueueObjectConcurrency
    from .queue_object_type import QueueObjectType
    from .queue_options import QueueOptions
    from .queue_type_name import QueueTypeName
    from .queue_type_name_type import QueueTypeNameType
    from .replay_run_result import ReplayRunResult
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
    from .run_events import RunEvents
    from .run_events_events_item import RunEventsEventsItem
    from .run_events_events_item_events_item import RunEventsEventsItemEventsItem
    from .run_events_events_item_events_item_properties import (
        RunEventsEventsItemEventsItemProperties,
    )
    from .run_events_events_item_kind import RunEventsEventsItemKind
    from .run_events_events_item_level import RunEventsEventsItemLevel
    from .run_events_events_item_style import RunEventsEventsItemStyle
    from .run_events_events_item_style_accessory import (
        RunEventsEventsItemStyleAccessory,
    )
    from .run_events_events_item_style_accessory_style import (
        RunEventsEventsItemStyleAccessoryStyle,
    )
    from .run_metadata_response import RunMetadataResponse
    from .run_span_response import RunSpanResponse
    from .run_span_response_ai_type_0 import RunSpanResponseAiType0
    from .run_span_response_properties_type_0 import RunSpanResponsePropertiesType0
    from .run_status import RunStatus
    from .run_trace import RunTrace
    from .run_trace_trace import RunTraceTrace
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
    from .span_detailed_summary_data_events_item import (
        SpanDetailedSummaryDataEventsItem,
    )
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

_MODULES = {
    "AbortBulkActionResponse": ".abort_bulk_action_response",
    "AddRunTagsResult": ".add_run_tags_result",
    "AddRunTagsV1Body": ".add_run_tags_v1_body",
    "BatchItemError": ".batch_item_error",
    "BatchItemNDJSON": ".batch_item_ndjson",
    "BatchObject": ".batch_object",
    "BatchProcessing": ".batch_processing",
    "BatchStatus": ".batch_status",
    "BatchTriggerRequestBody": ".batch_trigger_request_body",
    "BatchTriggerRunInfo": ".batch_trigger_run_info",
    "BatchTriggerTaskByIdV1Body": ".batch_trigger_task_by_id_v1_body",
    "BatchTriggerTaskRequestBodyItem": ".batch_trigger_task_request_body_item",
    "BatchTriggerTaskResponse": ".batch_trigger_task_response",
    "BatchTriggerV2BatchProcessingStrategy": ".batch_trigger_v2_batch_processing_strategy",
    "BatchTriggerV2RequestBody": ".batch_trigger_v2_request_body",
    "BatchTriggerV2Response": ".batch_trigger_v2_response",
    "BatchTriggerV3RequestBody": ".batch_trigger_v3_request_body",
    "BatchTriggerV3Response": ".batch_trigger_v3_response",
    "BulkActionFilter": ".bulk_action_filter",
    "BulkActionObject": ".bulk_action_object",
    "BulkActionObjectCounts": ".bulk_action_object_counts",
    "BulkActionObjectStatus": ".bulk_action_object_status",
    "BulkActionObjectType": ".bulk_action_object_type",
    "BulkCancelByFilter": ".bulk_cancel_by_filter",
    "BulkCancelByFilterAction": ".bulk_cancel_by_filter_action",
    "BulkCancelByRunIds": ".bulk_cancel_by_run_ids",
    "BulkCancelByRunIdsAction": ".bulk_cancel_by_run_ids_action",
    "BulkReplayByFilter": ".bulk_replay_by_filter",
    "BulkReplayByFilterAction": ".bulk_replay_by_filter_action",
    "BulkReplayByRunIds": ".bulk_replay_by_run_ids",
    "BulkReplayByRunIdsAction": ".bulk_replay_by_run_ids_action",
    "CancelRunResult": ".cancel_run_result",
    "CloseSessionRequestBody": ".close_session_request_body",
    "CommonRunObject": ".common_run_object",
    "CommonRunObjectMetadata": ".common_run_object_metadata",
    "CommonRunObjectTriggerFunction": ".common_run_object_trigger_function",
    "CommonRunsFilter": ".common_runs_filter",
    "CommonRunsFilterCreatedAt": ".common_runs_filter_created_at",
    "CompleteWaitpointTokenCallbackV1Body": ".complete_waitpoint_token_callback_v1_body",
    "CompleteWaitpointTokenRequest": ".complete_waitpoint_token_request",
    "CompleteWaitpointTokenResponse": ".complete_waitpoint_token_response",
    "CreateBatchRequest": ".create_batch_request",
    "CreateBatchResponse": ".create_batch_response",
    "CreateBulkActionResponse": ".create_bulk_action_response",
    "CreateEnvVarRequestBody": ".create_env_var_request_body",
    "CreatePublicTokenRequest": ".create_public_token_request",
    "CreatePublicTokenRequestRealtime": ".create_public_token_request_realtime",
    "CreatePublicTokenResponse": ".create_public_token_response",
    "CreateScheduleOptions": ".create_schedule_options",
    "CreateSessionRequestBody": ".create_session_request_body",
    "CreateSessionRequestBodyMetadata": ".create_session_request_body_metadata",
    "CreateWaitpointTokenRequest": ".create_waitpoint_token_request",
    "CreateWaitpointTokenResponse": ".create_waitpoint_token_response",
    "CreatedSessionResponseBody": ".created_session_response_body",
    "DebounceOptions": ".debounce_options",
    "DebounceOptionsMode": ".debounce_options_mode",
    "DeleteScheduleResponse": ".delete_schedule_response",
    "Deployment": ".deployment",
    "DeploymentErrorDataType0": ".deployment_error_data_type_0",
    "DeploymentExternalBuildDataType0": ".deployment_external_build_data_type_0",
    "DeploymentIntegrationDeploymentsType0Item": ".deployment_integration_deployments_type_0_item",
    "DeploymentListItem": ".deployment_list_item",
    "DeploymentListItemErrorType0": ".deployment_list_item_error_type_0",
    "DeploymentListItemGitType0": ".deployment_list_item_git_type_0",
    "DeploymentListItemStatus": ".deployment_list_item_status",
    "DeploymentStatus": ".deployment_status",
    "DeploymentSummary": ".deployment_summary",
    "DeploymentSummaryErrorDataType0": ".deployment_summary_error_data_type_0",
    "DeploymentSummaryStatus": ".deployment_summary_status",
    "DeploymentWorkerType0": ".deployment_worker_type_0",
    "DeploymentWorkerType0TasksItem": ".deployment_worker_type_0_tasks_item",
    "EndAndContinueSessionRequest": ".end_and_continue_session_request",
    "EnvFilter": ".env_filter",
    "EnvFilterEnvItem": ".env_filter_env_item",
    "EnvVar": ".env_var",
    "EnvVarValue": ".env_var_value",
    "EnvironmentSlug": ".environment_slug",
    "ErrorDetail": ".error_detail",
    "ErrorListItem": ".error_list_item",
    "ErrorListItemStatus": ".error_list_item_status",
    "ErrorObject": ".error_object",
    "ErrorObjectStatus": ".error_object_status",
    "ErrorResponse": ".error_response",
    "ErrorsFilter": ".errors_filter",
    "ErrorsFilterStatusItem": ".errors_filter_status_item",
    "ExecuteQueryCsvResponse": ".execute_query_csv_response",
    "ExecuteQueryCsvResponseFormat": ".execute_query_csv_response_format",
    "ExecuteQueryJsonResponse": ".execute_query_json_response",
    "ExecuteQueryJsonResponseFormat": ".execute_query_json_response_format",
    "ExecuteQueryJsonResponseResultsItem": ".execute_query_json_response_results_item",
    "ExecuteQueryRequestBody": ".execute_query_request_body",
    "ExecuteQueryRequestBodyFormat": ".execute_query_request_body_format",
    "ExecuteQueryRequestBodyScope": ".execute_query_request_body_scope",
    "GetBatchResultsV1Response200": ".get_batch_results_v1_response_200",
    "GetBatchResultsV1Response200ItemsItem": ".get_batch_results_v1_response_200_items_item",
    "GetBatchResultsV1Response200ItemsItemError": ".get_batch_results_v1_response_200_items_item_error",
    "GetBatchResultsV1Response200ItemsItemUsage": ".get_batch_results_v1_response_200_items_item_usage",
    "GetRunResultV1Response200": ".get_run_result_v1_response_200",
    "GetRunResultV1Response200Error": ".get_run_result_v1_response_200_error",
    "GetRunResultV1Response200Usage": ".get_run_result_v1_response_200_usage",
    "GetTimezonesResult": ".get_timezones_result",
    "IdempotencyKeyOptions": ".idempotency_key_options",
    "IdempotencyKeyOptionsScope": ".idempotency_key_options_scope",
    "IgnoreErrorV1Body": ".ignore_error_v1_body",
    "ImportEnvVarsRequestBody": ".import_env_vars_request_body",
    "ImportEnvVarsRequestBodyParentVariables": ".import_env_vars_request_body_parent_variables",
    "ImportEnvVarsRequestBodySource": ".import_env_vars_request_body_source",
    "ImportEnvVarsRequestBodyVariables": ".import_env_vars_request_body_variables",
    "JwtClaimsResponse": ".jwt_claims_response",
    "ListBulkActionsResult": ".list_bulk_actions_result",
    "ListBulkActionsResultPagination": ".list_bulk_actions_result_pagination",
    "ListDeploymentsResult": ".list_deployments_result",
    "ListDeploymentsResultPagination": ".list_deployments_result_pagination",
    "ListDeploymentsV1Status": ".list_deployments_v1_status",
    "ListErrorsResult": ".list_errors_result",
    "ListErrorsResultPagination": ".list_errors_result_pagination",
    "ListQueuesResult": ".list_queues_result",
    "ListQueuesResultPagination": ".list_queues_result_pagination",
    "ListRunItem": ".list_run_item",
    "ListRunItemEnv": ".list_run_item_env",
    "ListRunItemMetadata": ".list_run_item_metadata",
    "ListRunsResult": ".list_runs_result",
    "ListRunsResultPagination": ".list_runs_result_pagination",
    "ListSchedulesResult": ".list_schedules_result",
    "ListSchedulesResultPagination": ".list_schedules_result_pagination",
    "ListSessionsResult": ".list_sessions_result",
    "ListSessionsResultPagination": ".list_sessions_result_pagination",
    "ListWaitpointTokensResult": ".list_waitpoint_tokens_result",
    "ListWaitpointTokensResultPagination": ".list_waitpoint_tokens_result_pagination",
    "MachinePreset": ".machine_preset",
    "OverrideQueueConcurrencyRequestBody": ".override_queue_concurrency_request_body",
    "PauseQueueRequestBody": ".pause_queue_request_body",
    "PauseQueueRequestBodyAction": ".pause_queue_request_body_action",
    "PromoteDeploymentResult": ".promote_deployment_result",
    "QueryDashboards": ".query_dashboards",
    "QueryDashboardsDashboardsItem": ".query_dashboards_dashboards_item",
    "QueryDashboardsDashboardsItemWidgetsItem": ".query_dashboards_dashboards_item_widgets_item",
    "QueryDashboardsDashboardsItemWidgetsItemType": ".query_dashboards_dashboards_item_widgets_item_type",
    "QuerySchema": ".query_schema",
    "QuerySchemaTablesItem": ".query_schema_tables_item",
    "QuerySchemaTablesItemColumnsItem": ".query_schema_tables_item_columns_item",
    "QueueIdentifierType": ".queue_identifier_type",
    "QueueMetricsResponse": ".queue_metrics_response",
    "QueueObject": ".queue_object",
    "QueueObjectConcurrency": ".queue_object_concurrency",
    "QueueObjectType": ".queue_object_type",
    "QueueOptions": ".queue_options",
    "QueueTypeName": ".queue_type_name",
    "QueueTypeNameType": ".queue_type_name_type",
    "ReplayRunResult": ".replay_run_result",
    "RescheduleRunRequestBody": ".reschedule_run_request_body",
    "ResetIdempotencyKeyRequest": ".reset_idempotency_key_request",
    "ResetIdempotencyKeyResponse": ".reset_idempotency_key_response",
    "ResetQueueConcurrencyV1Body": ".reset_queue_concurrency_v1_body",
    "ResetQueueConcurrencyV1BodyType": ".reset_queue_concurrency_v1_body_type",
    "ResolveErrorV1Body": ".resolve_error_v1_body",
    "RetrieveBatchV1Response200": ".retrieve_batch_v1_response_200",
    "RetrieveBatchV1Response200ErrorsType0Item": ".retrieve_batch_v1_response_200_errors_type_0_item",
    "RetrieveBatchV1Response200ErrorsType0ItemError": ".retrieve_batch_v1_response_200_errors_type_0_item_error",
    "RetrieveRunResponse": ".retrieve_run_response",
    "RetrieveRunResponseAttemptsItem": ".retrieve_run_response_attempts_item",
    "RetrieveRunResponseAttemptsItemStatus": ".retrieve_run_response_attempts_item_status",
    "RetrieveRunResponseRelatedRuns": ".retrieve_run_response_related_runs",
    "RetrieveRunResponseSchedule": ".retrieve_run_response_schedule",
    "RetrieveRunResponseScheduleGenerator": ".retrieve_run_response_schedule_generator",
    "RetrieveRunResponseScheduleGeneratorType": ".retrieve_run_response_schedule_generator_type",
    "RunEvents": ".run_events",
    "RunEventsEventsItem": ".run_events_events_item",
    "RunEventsEventsItemEventsItem": ".run_events_events_item_events_item",
    "RunEventsEventsItemEventsItemProperties": ".run_events_events_item_events_item_properties",
    "RunEventsEventsItemKind": ".run_events_events_item_kind",
    "RunEventsEventsItemLevel": ".run_events_events_item_level",
    "RunEventsEventsItemStyle": ".run_events_events_item_style",
    "RunEventsEventsItemStyleAccessory": ".run_events_events_item_style_accessory",
    "RunEventsEventsItemStyleAccessoryStyle": ".run_events_events_item_style_accessory_style",
    "RunMetadataResponse": ".run_metadata_response",
    "RunSpanResponse": ".run_span_response",
    "RunSpanResponseAiType0": ".run_span_response_ai_type_0",
    "RunSpanResponsePropertiesType0": ".run_span_response_properties_type_0",
    "RunStatus": ".run_status",
    "RunTrace": ".run_trace",
    "RunTraceTrace": ".run_trace_trace",
    "ScheduleEnvironment": ".schedule_environment",
    "ScheduleObject": ".schedule_object",
    "ScheduleObjectGenerator": ".schedule_object_generator",
    "ScheduleObjectGeneratorType": ".schedule_object_generator_type",
    "ScheduleObjectType": ".schedule_object_type",
    "SerializedError": ".serialized_error",
    "SessionObject": ".session_object",
    "SessionObjectMetadataType0": ".session_object_metadata_type_0",
    "SessionTriggerConfig": ".session_trigger_config",
    "SessionTriggerConfigBasePayload": ".session_trigger_config_base_payload",
    "SessionsFilter": ".sessions_filter",
    "SessionsFilterCreatedAt": ".sessions_filter_created_at",
    "SessionsFilterStatusItem": ".sessions_filter_status_item",
    "SpanDetailedSummary": ".span_detailed_summary",
    "SpanDetailedSummaryData": ".span_detailed_summary_data",
    "SpanDetailedSummaryDataEventsItem": ".span_detailed_summary_data_events_item",
    "SpanDetailedSummaryDataEventsItemProperties": ".span_detailed_summary_data_events_item_properties",
    "SpanDetailedSummaryDataLevel": ".span_detailed_summary_data_level",
    "SpanDetailedSummaryDataProperties": ".span_detailed_summary_data_properties",
    "StreamBatchItemsResponse": ".stream_batch_items_response",
    "SucceedResponse": ".succeed_response",
    "TriggerTaskOptions": ".trigger_task_options",
    "TriggerTaskOptionsMetadata": ".trigger_task_options_metadata",
    "TriggerTaskRequestBody": ".trigger_task_request_body",
    "TriggerTaskResponse": ".trigger_task_response",
    "UpdateRunMetadataV1Body": ".update_run_metadata_v1_body",
    "UpdateRunMetadataV1BodyMetadata": ".update_run_metadata_v1_body_metadata",
    "UpdateRunMetadataV1Response200": ".update_run_metadata_v1_response_200",
    "UpdateRunMetadataV1Response200Metadata": ".update_run_metadata_v1_response_200_metadata",
    "UpdateScheduleOptions": ".update_schedule_options",
    "UpdateSessionRequestBody": ".update_session_request_body",
    "UpdateSessionRequestBodyMetadataType0": ".update_session_request_body_metadata_type_0",
    "WaitpointTokenObject": ".waitpoint_token_object",
    "WaitpointTokenObjectStatus": ".waitpoint_token_object_status",
    "WhoAmIProject": ".who_am_i_project",
    "WhoAmIResponse": ".who_am_i_response",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODULES)


__all__ = (
    "AbortBulkActionResponse",
    "AddRunTagsResult",
    "AddRunTagsV1Body",
    "BatchItemError",
    "BatchItemNDJSON",
    "BatchObject",
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
    "CancelRunResult",
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
    "CreatePublicTokenRequest",
    "CreatePublicTokenRequestRealtime",
    "CreatePublicTokenResponse",
    "CreateScheduleOptions",
    "CreateSessionRequestBody",
    "CreateSessionRequestBodyMetadata",
    "CreateWaitpointTokenRequest",
    "CreateWaitpointTokenResponse",
    "CreatedSessionResponseBody",
    "DebounceOptions",
    "DebounceOptionsMode",
    "DeleteScheduleResponse",
    "Deployment",
    "DeploymentErrorDataType0",
    "DeploymentExternalBuildDataType0",
    "DeploymentIntegrationDeploymentsType0Item",
    "DeploymentListItem",
    "DeploymentListItemErrorType0",
    "DeploymentListItemGitType0",
    "DeploymentListItemStatus",
    "DeploymentStatus",
    "DeploymentSummary",
    "DeploymentSummaryErrorDataType0",
    "DeploymentSummaryStatus",
    "DeploymentWorkerType0",
    "DeploymentWorkerType0TasksItem",
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
    "GetRunResultV1Response200",
    "GetRunResultV1Response200Error",
    "GetRunResultV1Response200Usage",
    "GetTimezonesResult",
    "IdempotencyKeyOptions",
    "IdempotencyKeyOptionsScope",
    "IgnoreErrorV1Body",
    "ImportEnvVarsRequestBody",
    "ImportEnvVarsRequestBodyParentVariables",
    "ImportEnvVarsRequestBodySource",
    "ImportEnvVarsRequestBodyVariables",
    "JwtClaimsResponse",
    "ListBulkActionsResult",
    "ListBulkActionsResultPagination",
    "ListDeploymentsResult",
    "ListDeploymentsResultPagination",
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
    "PromoteDeploymentResult",
    "QueryDashboards",
    "QueryDashboardsDashboardsItem",
    "QueryDashboardsDashboardsItemWidgetsItem",
    "QueryDashboardsDashboardsItemWidgetsItemType",
    "QuerySchema",
    "QuerySchemaTablesItem",
    "QuerySchemaTablesItemColumnsItem",
    "QueueIdentifierType",
    "QueueMetricsResponse",
    "QueueObject",
    "QueueObjectConcurrency",
    "QueueObjectType",
    "QueueOptions",
    "QueueTypeName",
    "QueueTypeNameType",
    "ReplayRunResult",
    "RescheduleRunRequestBody",
    "ResetIdempotencyKeyRequest",
    "ResetIdempotencyKeyResponse",
    "ResetQueueConcurrencyV1Body",
    "ResetQueueConcurrencyV1BodyType",
    "ResolveErrorV1Body",
    "RetrieveBatchV1Response200",
    "RetrieveBatchV1Response200ErrorsType0Item",
    "RetrieveBatchV1Response200ErrorsType0ItemError",
    "RetrieveRunResponse",
    "RetrieveRunResponseAttemptsItem",
    "RetrieveRunResponseAttemptsItemStatus",
    "RetrieveRunResponseRelatedRuns",
    "RetrieveRunResponseSchedule",
    "RetrieveRunResponseScheduleGenerator",
    "RetrieveRunResponseScheduleGeneratorType",
    "RunEvents",
    "RunEventsEventsItem",
    "RunEventsEventsItemEventsItem",
    "RunEventsEventsItemEventsItemProperties",
    "RunEventsEventsItemKind",
    "RunEventsEventsItemLevel",
    "RunEventsEventsItemStyle",
    "RunEventsEventsItemStyleAccessory",
    "RunEventsEventsItemStyleAccessoryStyle",
    "RunMetadataResponse",
    "RunSpanResponse",
    "RunSpanResponseAiType0",
    "RunSpanResponsePropertiesType0",
    "RunStatus",
    "RunTrace",
    "RunTraceTrace",
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
