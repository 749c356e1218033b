"""client.deployments: list, inspect and promote deployments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from trigger_api.api.deployments import (
    get_current_deployment_v1,
    get_deployment_v1,
    get_latest_deployment_v1,
    list_deployments_v1,
    promote_deployment_v1,
)
from trigger_api.models.deployment import Deployment
from trigger_api.models.deployment_list_item import DeploymentListItem
from trigger_api.models.deployment_summary import DeploymentSummary
from trigger_api.models.list_deployments_v1_status import ListDeploymentsV1Status
from trigger_api.models.promote_deployment_result import PromoteDeploymentResult

from .. import _validate as check
from ..errors import InvalidInputError
from ..sansio.deployments import DEPLOYMENT_STATUSES, deployment_page
from ..sansio.query import iso_time
from ._resource import AsyncResource
from .paginators import AsyncPaginator, paginate


class AsyncDeployments(AsyncResource):
    def list(
        self,
        *,
        status: str | None = None,
        period: str | None = None,
        from_: datetime | str | None = None,
        to: datetime | str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[DeploymentListItem]:
        """GET /api/v1/deployments, newest first, page after page."""
        params: dict[str, Any] = {}
        if status is not None:
            if status not in DEPLOYMENT_STATUSES:
                raise InvalidInputError(f"status={status!r} must be one of {', '.join(DEPLOYMENT_STATUSES)}")
            params["status"] = ListDeploymentsV1Status(status)
        # the server lets `period` win over from_/to and ignores `to` without `from` (server-truth W8):
        # refuse what it would silently drop
        if period is not None and (from_ is not None or to is not None):
            raise InvalidInputError("period cannot be combined with from_/to (the server ignores them)")
        if to is not None and from_ is None:
            raise InvalidInputError("to needs from_ (the server ignores `to` on its own)")
        if period is not None:
            params["period"] = check.period(period)
        if from_ is not None:
            params["from_"] = iso_time(from_, "from_")
        if to is not None:
            params["to"] = iso_time(to, "to")
        if page_size is not None:
            params["pagesize"] = check.int_in_range(page_size, "page_size", 5, 100)

        return paginate(
            self._request,
            list_deployments_v1._get_kwargs,
            deployment_page,
            cursor="pageafter",
            limit=limit,
            params=params,
        )

    async def retrieve(self, deployment_id: str) -> Deployment:
        deployment_id = check.identifier(deployment_id, "deployment_id")
        return await self._request(get_deployment_v1._get_kwargs, Deployment.from_dict, deployment_id=deployment_id)

    async def latest(self) -> DeploymentSummary:
        return await self._request(get_latest_deployment_v1._get_kwargs, DeploymentSummary.from_dict)

    async def current(self) -> DeploymentSummary:
        """The deployment currently promoted in this environment."""
        return await self._request(get_current_deployment_v1._get_kwargs, DeploymentSummary.from_dict)

    async def promote(self, version: str) -> PromoteDeploymentResult:
        """POST /api/v1/deployments/{version}/promote (looked up by version, e.g. "20250101.1")."""
        version = check.identifier(version, "version")
        return await self._request(
            promote_deployment_v1._get_kwargs, PromoteDeploymentResult.from_dict, version=version
        )
