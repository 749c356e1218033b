"""client.sessions: long-lived conversations with a task (chat agents): create, list, read, update, close,
and read their channels (what the task sends out, what was sent in) as streams.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from trigger_api.api.sessions import (
    close_session_v1,
    create_session_v1,
    end_and_continue_session_v1,
    list_sessions_v1,
    retrieve_session_v1,
    update_session_v1,
)
from trigger_api.models.close_session_request_body import CloseSessionRequestBody
from trigger_api.models.create_session_request_body import CreateSessionRequestBody
from trigger_api.models.created_session_response_body import CreatedSessionResponseBody
from trigger_api.models.end_and_continue_session_request import EndAndContinueSessionRequest
from trigger_api.models.session_object import SessionObject
from trigger_api.models.update_session_request_body import UpdateSessionRequestBody

from .. import _validate as check
from .._config import KeyKind
from .._transport import finite_seconds
from ..errors import ConfigurationError, InvalidInputError
from ..realtime.streams import StreamChunk, StreamReader
from ..sansio.run_streams import read_stream
from ..sansio.sessions import SESSION_STATUSES, session_page, trigger_config_body
from ._resource import AsyncResource
from .paginators import AsyncPaginator, paginate


class AsyncSessions(AsyncResource):
    async def create(
        self,
        *,
        type: str,
        task_identifier: str,
        trigger_config: Mapping[str, Any],
        external_id: str | None = None,
        tags: str | Sequence[str] | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> CreatedSessionResponseBody:
        """POST /api/v1/sessions: a session of `type` run by `task_identifier`. With an `external_id`
        the server answers an existing session for it (200) instead of a new one (201)."""
        body: dict[str, Any] = {
            "type": check.identifier(type, "type"),
            "taskIdentifier": check.identifier(task_identifier, "task_identifier"),
            "triggerConfig": trigger_config_body(trigger_config),
        }
        if external_id is not None:
            body["externalId"] = check.identifier(external_id, "external_id")
        if tags is not None:
            body["tags"] = check.tags(tags)
        if metadata is not None:
            body["metadata"] = check.json_object(metadata, "metadata", max_bytes=check.MAX_METADATA_BYTES)
        return await self._request(
            create_session_v1._get_kwargs,
            CreatedSessionResponseBody.from_dict,
            body=CreateSessionRequestBody.from_dict(body),
        )

    def list(
        self,
        *,
        type: str | None = None,
        task_identifier: str | Sequence[str] | None = None,
        tag: str | Sequence[str] | None = None,
        external_id: str | None = None,
        status: str | Sequence[str] | None = None,
        period: str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[SessionObject]:
        """GET /api/v1/sessions, newest first, page after page."""
        params: dict[str, Any] = {}
        if type is not None:
            params["filtertype"] = check.identifier(type, "type")
        if task_identifier is not None:
            params["filtertask_identifier"] = check.comma_list(task_identifier, "task_identifier")
        if tag is not None:
            params["filtertags"] = check.comma_list(tag, "tag")
        if external_id is not None:
            params["filterexternal_id"] = check.identifier(external_id, "external_id")
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            for value in statuses:
                if value not in SESSION_STATUSES:
                    raise InvalidInputError(f"status={value!r} must be one of {', '.join(SESSION_STATUSES)}")
            params["filterstatus"] = ",".join(statuses)
        if period is not None:
            params["filtercreated_atperiod"] = check.period(period)
        if page_size is not None:
            params["pagesize"] = check.int_in_range(page_size, "page_size", 1, 100)
        return paginate(
            self._request, list_sessions_v1._get_kwargs, session_page, cursor="pageafter", limit=limit, params=params
        )

    async def retrieve(self, session: str) -> SessionObject:
        """GET /api/v1/sessions/{session}: by its id or its external id."""
        session = check.identifier(session, "session")
        return await self._request(retrieve_session_v1._get_kwargs, SessionObject.from_dict, session=session)

    async def update(
        self,
        session: str,
        *,
        tags: str | Sequence[str] | None = None,
        metadata: Mapping[str, Any] | None = None,
        external_id: str | None = None,
    ) -> SessionObject:
        """PATCH /api/v1/sessions/{session}: replace the fields given."""
        session = check.identifier(session, "session")
        body: dict[str, Any] = {}
        if tags is not None:
            body["tags"] = check.tags(tags)
        if metadata is not None:
            body["metadata"] = check.json_object(metadata, "metadata", max_bytes=check.MAX_METADATA_BYTES)
        if external_id is not None:
            body["externalId"] = check.identifier(external_id, "external_id")
        if not body:
            raise InvalidInputError("update needs at least one of tags, metadata, external_id")
        return await self._request(
            update_session_v1._get_kwargs,
            SessionObject.from_dict,
            session=session,
            body=UpdateSessionRequestBody.from_dict(body),
        )

    async def close(self, session: str, *, reason: str | None = None) -> SessionObject:
        """POST /api/v1/sessions/{session}/close (closing a closed session changes nothing)."""
        session = check.identifier(session, "session")
        body = CloseSessionRequestBody.from_dict({} if reason is None else {"reason": str(reason)})
        return await self._request(close_session_v1._get_kwargs, SessionObject.from_dict, session=session, body=body)

    async def end_and_continue(self, session: str, **fields: Any) -> CreatedSessionResponseBody:
        """POST /api/v1/sessions/{session}/end-and-continue: end the current run and start the next one.
        Not repeated after it may have reached the server (a repeat would start another run)."""
        session = check.identifier(session, "session")
        body = EndAndContinueSessionRequest.from_dict(check.json_object(fields, "fields"))
        return await self._request(
            end_and_continue_session_v1._get_kwargs, CreatedSessionResponseBody.from_dict, session=session, body=body
        )

    def read(
        self, session: str, io: str = "out", *, timeout: float | None = None, idle_timeout: int | None = 60
    ) -> AsyncIterator[StreamChunk]:
        """The session's channel as a stream (GET /realtime/v1/sessions/{session}/{io}): "out" is what the
        task sends, "in" what was sent to it. Resumes after a dropped connection like runs.stream."""
        kind = self._state.config.credentials.kind
        if kind in (KeyKind.PERSONAL, KeyKind.ORGANIZATION):
            raise ConfigurationError(
                f"sessions.read needs an environment secret key or a public token, not a {kind.value}"
            )
        reader = StreamReader.for_session(session, io, timeout_seconds=idle_timeout, rand=self._state.clock.random)
        clock = self._state.clock
        deadline = None if timeout is None else clock.monotonic() + finite_seconds(timeout, "timeout", allow_zero=True)
        return read_stream(self._http, reader, deadline, clock)
