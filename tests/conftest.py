"""Every FakeTrigger made in this test suite checks each exchange against spec/openapi.yaml."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from trigger_facade.testing import FakeTrigger
from trigger_facade.testing.contract import ContractValidator


@pytest.fixture(scope="session", autouse=True)
def contract_validation() -> Iterator[ContractValidator]:
    validator = ContractValidator.from_repo()
    FakeTrigger.default_validator = validator
    yield validator
    FakeTrigger.default_validator = None
