"""The key-kind check remembers only what it let through, per (operation, key kind): a refusal is
given every time, and clients of other kinds in the same process get their own verdicts."""

from __future__ import annotations

import pytest

from trigger_facade import ConfigurationError, InvalidInputError, TriggerClient
from trigger_facade.client_state import ClientState

RUN = {"method": "get", "url": "/api/v3/runs/run_1"}
ENVVARS = {"method": "get", "url": "/api/v1/projects/proj_1/envvars/dev"}


def state(key: str) -> ClientState:
    return TriggerClient(secret_key=key, base_url="http://127.0.0.1:9", environ={})._state


def test_each_kind_gets_its_own_verdict_however_often_and_in_whatever_order() -> None:
    environment = state("tr_dev_" + "e" * 24)
    personal = state("tr_pat_" + "p" * 40)
    for _ in range(3):
        assert environment.checked("retrieve_run_v1", RUN) is RUN
        with pytest.raises(ConfigurationError, match="needs an environment secret key"):
            personal.checked("retrieve_run_v1", RUN)
        assert personal.checked("list_project_envvars_v1", ENVVARS) is ENVVARS
        assert environment.checked("list_project_envvars_v1", ENVVARS) is ENVVARS


def test_the_path_is_checked_on_every_call_after_the_kind_was_admitted() -> None:
    environment = state("tr_dev_" + "e" * 24)
    environment.checked("retrieve_run_v1", RUN)
    with pytest.raises(InvalidInputError, match=r"runId='\.\.' would be read as a path step"):
        environment.checked("retrieve_run_v1", {"method": "get", "url": "/api/v3/runs/.."})
