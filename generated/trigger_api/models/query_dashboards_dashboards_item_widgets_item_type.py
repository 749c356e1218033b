from enum import StrEnum


class QueryDashboardsDashboardsItemWidgetsItemType(StrEnum):
    BIGNUMBER = "bignumber"
    CHART = "chart"
    TABLE = "table"

    def __str__(self) -> str:
        return str(self.value)
