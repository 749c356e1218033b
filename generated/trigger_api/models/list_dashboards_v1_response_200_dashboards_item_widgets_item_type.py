from enum import StrEnum


class ListDashboardsV1Response200DashboardsItemWidgetsItemType(StrEnum):
    BIGNUMBER = "bignumber"
    CHART = "chart"
    TABLE = "table"

    def __str__(self) -> str:
        return str(self.value)
