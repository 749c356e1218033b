"""Every write under a storm, against a fake that dedupes exactly as the running server does.

The fake drops 30 % of answers after doing the work, and answers bursts of 5xx and 429 before any
work. It does not replay anything by the request-idempotency key (server-truth O4). For each kind of
write, each call must either return its result or raise one of our errors that says whether it may
have acted, and the fake's state must show no duplicate and nothing lost:

- a call that returned acted exactly once;
- a call that raised with `may_have_succeeded` False did not act;
- a call that raised with `may_have_succeeded` True acted at most once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from trigger_facade import RetryPolicy, TriggerClient, TriggerError
from trigger_facade.testing import FakeTrigger, Faults

FAST = RetryPolicy(max_retries=8, initial_delay=0.001, factor=2.0, max_delay=0.01, max_wait=0.01)
STORM: dict[str, Any] = {
    "drop_after_work": 0.3,
    "error_5xx": 0.05,
    "error_5xx_burst": 2,
    "rate_limit": 0.03,
    "rate_limit_burst": 3,
    "rate_limit_retry_after": 0.001,
}
CALLS = 120
FIGURES: dict[str, Counter[str]] = {}


class Outcome:
    """What one call did, from the caller's side."""

    def __init__(self, result: Any = None, error: TriggerError | None = None) -> None:
        self.result = result
        self.error = error

    @property
    def returned(self) -> bool:
        return self.error is None

    @property
    def may_have_acted(self) -> bool:
        if self.error is None:
            return True
        flag = getattr(self.error, "may_have_succeeded", None)
        assert isinstance(flag, bool), f"{type(self.error).__name__} does not say whether it may have acted"
        return flag


def calm_then_storm(**extra: Any) -> tuple[FakeTrigger, Callable[[], None]]:
    """A fake without faults (for set-up) and the switch that starts the storm."""
    faults = Faults(seed=7)
    fake = FakeTrigger(faults=faults, **extra)

    def storm() -> None:
        for name, value in STORM.items():
            setattr(faults, name, value)

    return fake, storm


def attempt(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
    try:
        return Outcome(call(*args, **kwargs))
    except TriggerError as exc:
        return Outcome(error=exc)


def record(name: str, fake: FakeTrigger, outcomes: list[Outcome]) -> None:
    tally: Counter[str] = Counter(
        "returned" if o.returned else ("error, may have acted" if o.may_have_acted else "error, did not act")
        for o in outcomes
    )
    tally.update({f"fault {k}": v for k, v in fake.faults.counts.items()})
    FIGURES[name] = tally
    assert fake.faults.counts["dropped"] >= len(outcomes) // 10, "the storm did not happen"


def check_once(name: str, outcomes: list[Outcome], effects: list[int]) -> None:
    """`effects[i]`: how many times call i's effect exists in the fake."""
    for index, (outcome, count) in enumerate(zip(outcomes, effects, strict=True)):
        if outcome.returned:
            assert count == 1, f"{name} call {index} returned but acted {count} times"
        elif outcome.may_have_acted:
            assert count <= 1, f"{name} call {index} acted {count} times"
        else:
            assert count == 0, f"{name} call {index} said it did not act, yet acted {count} times"


def client(fake: FakeTrigger, **kwargs: Any) -> TriggerClient:
    return fake.client(retry_policy=FAST, **kwargs)


def runs_by_payload(fake: FakeTrigger) -> Counter[str]:
    return Counter(repr(run.payload) for run in fake.runs.values())


@pytest.mark.parametrize("own_key", [False, True], ids=["automatic-key", "callers-key"])
def test_triggers(own_key: bool) -> None:
    fake, storm = calm_then_storm()
    c = client(fake)
    storm()
    outcomes = [
        attempt(c.tasks.trigger, "work", {"n": n}, **({"idempotency_key": f"k{n}"} if own_key else {}))
        for n in range(CALLS)
    ]
    record(f"trigger ({'caller' if own_key else 'automatic'} key)", fake, outcomes)
    made = runs_by_payload(fake)
    check_once("trigger", outcomes, [made[repr({"n": n})] for n in range(CALLS)])


def test_batch_triggers() -> None:
    fake, storm = calm_then_storm()
    c = client(fake)
    storm()
    outcomes = [
        attempt(c.tasks.batch_trigger, "work", [{"payload": {"b": b, "i": i}} for i in range(5)])
        for b in range(CALLS // 4)
    ]
    fake.advance(0)
    record("batch trigger", fake, outcomes)
    made = runs_by_payload(fake)
    for b, outcome in enumerate(outcomes):
        counts = [made[repr({"b": b, "i": i})] for i in range(5)]
        assert max(counts) <= 1, f"batch {b} duplicated items: {counts}"
        if outcome.returned:
            assert counts == [1] * 5, f"batch {b} returned but lost items: {counts}"


def test_replays() -> None:
    fake, storm = calm_then_storm()
    c = client(fake)
    originals = [c.tasks.trigger("work", {"n": n}).id for n in range(CALLS)]
    storm()
    outcomes = [attempt(c.runs.replay, r) for r in originals]
    record("replay", fake, outcomes)
    made = runs_by_payload(fake)
    check_once("replay", outcomes, [made[repr({"n": n})] - 1 for n in range(CALLS)])


def test_cancels_and_reschedules() -> None:
    fake, storm = calm_then_storm()
    c = client(fake)
    delayed = [c.tasks.trigger("work", {"n": n}, delay="1h").id for n in range(CALLS)]
    storm()
    moved = [attempt(c.runs.reschedule, r, delay="2h") for r in delayed[: CALLS // 2]]
    cancelled = [attempt(c.runs.cancel, r) for r in delayed[CALLS // 2 :]]
    record("reschedule", fake, moved)
    record("cancel", fake, cancelled)
    for run_id, outcome in zip(delayed[: CALLS // 2], moved, strict=True):
        run = fake.runs[run_id]
        if outcome.returned:
            assert run.status == "DELAYED"
            assert run.delayed_until is not None
            assert run.delayed_until - run.created_at > 3600
    for run_id, outcome in zip(delayed[CALLS // 2 :], cancelled, strict=True):
        assert (fake.runs[run_id].status == "CANCELED") is True or not outcome.returned


def test_bulk_actions() -> None:
    fake, storm = calm_then_storm()
    c = client(fake)
    targets = [c.tasks.trigger("work", {"n": n}).id for n in range(CALLS // 4)]
    storm()
    outcomes = [attempt(c.bulk_actions.cancel, run_ids=[r], name=f"bulk-{r}") for r in targets]
    record("bulk action", fake, outcomes)
    made = Counter(str(b.get("name")) for b in fake.bulk_actions.values())
    check_once("bulk action", outcomes, [made[f"bulk-{r}"] for r in targets])


@pytest.mark.parametrize("own_key", [False, True], ids=["automatic-key", "callers-key"])
def test_waitpoint_tokens_and_completions(own_key: bool) -> None:
    fake, storm = calm_then_storm()
    c = client(fake)
    storm()
    created = [
        attempt(c.waitpoints.create_token, tags=[f"t{n}"], **({"idempotency_key": f"w{n}"} if own_key else {}))
        for n in range(CALLS)
    ]
    record(f"waitpoint create ({'caller' if own_key else 'automatic'} key)", fake, created)
    made = Counter(tag for token in fake.tokens.values() for tag in token.get("tags") or [])
    check_once("waitpoint create", created, [made[f"t{n}"] for n in range(CALLS)])
    tokens = [o.result.id for o in created if o.returned]
    completed = [attempt(c.waitpoints.complete_token, t, {"ok": True}) for t in tokens]
    record("waitpoint complete", fake, completed)
    for token_id, outcome in zip(tokens, completed, strict=True):
        if outcome.returned:
            assert fake.tokens[token_id]["status"] == "COMPLETED"


def test_env_vars() -> None:
    fake, storm = calm_then_storm()
    c = client(fake, project_ref=fake.project_ref)
    storm()
    made = [attempt(c.envvars.create, f"VAR_{n}", f"v{n}", env="dev") for n in range(CALLS // 2)]
    changed = [attempt(c.envvars.update, f"VAR_{n}", f"w{n}", env="dev") for n in range(CALLS // 4)]
    imported = [attempt(c.envvars.upload, {f"IMP_{n}": "x"}, env="dev") for n in range(CALLS // 4)]
    record("env var create", fake, made)
    record("env var update", fake, changed)
    record("env var import", fake, imported)
    stored = {name for by_env in fake.envvars.values() for name in by_env}
    check_once("env var create", made, [int(f"VAR_{n}" in stored) for n in range(CALLS // 2)])
    # an import with override=false that acted and then repeated would be refused whole (F2): it is
    # never repeated after it may have acted, so a returned import stored its variable once
    check_once("env var import", imported, [int(f"IMP_{n}" in stored) for n in range(CALLS // 4)])


def test_schedules_and_metadata() -> None:
    fake, storm = calm_then_storm(scheduled_tasks={"nightly"})
    c = client(fake)
    run_id = c.tasks.trigger("work", {}).id
    storm()
    schedules = [
        attempt(c.schedules.create, task="nightly", cron="0 3 * * *", deduplication_key=f"d{n}")
        for n in range(CALLS // 2)
    ]
    record("schedule create", fake, schedules)
    made = Counter(str(s.get("deduplicationKey")) for s in fake.schedules.values())
    check_once("schedule create", schedules, [made[f"d{n}"] for n in range(CALLS // 2)])
    writes = [attempt(c.runs.update_metadata, run_id, {"step": n}) for n in range(CALLS // 2)]
    record("metadata put", fake, writes)
    last = max(n for n, o in enumerate(writes) if o.returned)
    assert all(o.may_have_acted or o.returned for o in writes[last + 1 :])
    if all(o.returned for o in writes[last:]):
        assert fake.runs[run_id].metadata == {"step": last}


def test_zz_print_figures() -> None:
    """The storm's figures, for the record (run with -s)."""
    for name, tally in sorted(FIGURES.items()):
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
