"""client.deployments.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from trigger_api.models.deployment_list_item import DeploymentListItem
from trigger_api.models.list_deployments_v1_status import ListDeploymentsV1Status

from .._pagination import cursor_page

DEPLOYMENT_STATUSES = tuple(s.value for s in ListDeploymentsV1Status)


deployment_page = cursor_page(DeploymentListItem.from_dict)
