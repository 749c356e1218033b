"""client.query: TRQL queries."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from trigger_api.api.query import execute_query_v1, get_query_schema_v1, list_dashboards_v1
from trigger_api.models.execute_query_request_body import ExecuteQueryRequestBody
from trigger_api.models.query_dashboards import QueryDashboards
from trigger_api.models.query_schema import QuerySchema

from .. import _validate as check
from ..errors import InvalidInputError
from ..sansio.query import SCOPES, QueryRows, QueryScope, iso_time, query_results
from ._resource import AsyncResource


class AsyncQuery(AsyncResource):
    async def execute(
        self,
        query: str,
        *,
        scope: QueryScope = "environment",
        period: str | None = None,
        from_: datetime | str | None = None,
        to: datetime | str | None = None,
        format: Literal["json", "csv"] = "json",
    ) -> QueryRows | str:
        """POST /api/v1/query: rows as a list of dicts (format="json") or the CSV text (format="csv").

        A query the server cannot run raises BadRequestError with the server's message.
        """
        if not isinstance(query, str) or not query.strip():
            raise InvalidInputError("query must be a non-empty TRQL string, e.g. 'SELECT run_id FROM runs LIMIT 10'")
        if scope not in SCOPES:
            raise InvalidInputError(f"scope={scope!r} must be one of {', '.join(SCOPES)}")
        if format not in ("json", "csv"):
            raise InvalidInputError(f"format={format!r} must be 'json' or 'csv'")
        body: dict[str, Any] = {"query": query, "scope": scope, "format": format}
        if period is not None:
            if from_ is not None or to is not None:
                raise InvalidInputError("period cannot be combined with from_/to")
            body["period"] = check.period(period)
        if from_ is not None:
            body["from"] = iso_time(from_, "from_")
        if to is not None:
            body["to"] = iso_time(to, "to")
        return await self._request(
            execute_query_v1._get_kwargs, query_results, body=ExecuteQueryRequestBody.from_dict(body)
        )

    async def schema(self) -> QuerySchema:
        """GET /api/v1/query/schema: the tables and columns TRQL can read."""
        return await self._request(get_query_schema_v1._get_kwargs, QuerySchema.from_dict)

    async def dashboards(self) -> QueryDashboards:
        """GET /api/v1/query/dashboards: the dashboards of this project and their widgets' queries."""
        return await self._request(list_dashboards_v1._get_kwargs, QueryDashboards.from_dict)
