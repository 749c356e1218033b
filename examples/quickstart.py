"""The main job, end to end: trigger, wait, list, batch, schedule, env vars, queues, waitpoints, TRQL.

With no TRIGGER_SECRET_KEY this starts the local fake on loopback and runs against it.
With a key set it refuses to touch the real API unless you pass --live.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from trigger_facade import QueueRef, TriggerClient
from trigger_facade.testing import FakeTrigger

TASK = "resize-image"


def say(step: str, detail: str = "") -> None:
    print(f"  {step:<34} {detail}")


@contextmanager
def target(live: bool) -> Iterator[tuple[TriggerClient, str]]:
    if os.environ.get("TRIGGER_SECRET_KEY"):
        if not live:
            sys.exit("TRIGGER_SECRET_KEY is set: pass --live to run this against the real API (it creates runs).")
        with TriggerClient() as client:
            yield client, "the real Trigger.dev API"
        return
    # a fresh key every run: nothing in the output may depend on (or show) it
    fake = FakeTrigger(
        secret_key=f"tr_dev_{secrets.token_hex(12)}", start_after=0.2, execution_time=0.3, scheduled_tasks={TASK}
    )
    fake.task(TASK, lambda payload: {"resized": payload.get("url"), "width": payload.get("width", 800)})
    with (
        fake.serve() as url,
        TriggerClient(secret_key=fake.secret_key, base_url=url, project_ref=fake.project_ref) as client,
    ):
        yield client, f"the local fake at {url}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--live", action="store_true", help="run against the real API (TRIGGER_SECRET_KEY)")
    args = parser.parse_args()
    started = time.monotonic()
    with target(args.live) as (client, where):
        print(f"trigger-facade quickstart against {where}\n")
        print(f"client: {client!r}\n")

        print("1. Trigger one run, safely repeatable")
        handle = client.tasks.trigger(
            TASK, {"url": "s3://bucket/cat.png", "width": 400}, idempotency_key="order-1001", delay="1s", ttl="10m"
        )
        say("triggered", f"{handle.id} (delay 1s, ttl 10m, idempotency key 'order-1001')")
        again = client.tasks.trigger(TASK, {"url": "s3://bucket/cat.png", "width": 400}, idempotency_key="order-1001")
        say("same key again", f"{again.id} is_cached={again.is_cached}")
        run = client.runs.wait(handle.id, timeout=60, poll_interval=0.25)
        say("waited", f"{run.status} after {run.attempt_count} attempt(s): output {run.output}")

        print("\n2. List runs with filters")
        recent = list(client.runs.list(task_identifier=TASK, status=["COMPLETED"], period="1d", limit=5))
        say("completed runs of the task (<= 5)", ", ".join(r.id for r in recent))

        print("\n3. Batch-trigger 2,500 items")
        items = ({"payload": {"url": f"s3://bucket/{i}.png"}, "options": {"tags": ["batch-demo"]}} for i in range(2500))
        batch = client.tasks.batch_trigger(TASK, items)
        say("batches", f"{len(batch.ids)} batches ({', '.join(str(p.run_count) for p in batch.batches)} items)")
        finished = sum(len(client.batch.wait(batch_id, timeout=120, poll_interval=0.25)) for batch_id in batch.ids)
        say("all finished", f"{finished} runs")

        print("\n4. Schedule it daily")
        schedule = client.schedules.create(
            task=TASK, cron="0 9 * * *", deduplication_key="daily-resize", timezone="Europe/Paris", external_id="team-1"
        )
        say("schedule", f"{schedule.id} '{schedule.generator.expression}' in {schedule.timezone}")

        print("\n5. Upload environment variables")
        client.envvars.upload({"IMAGE_BUCKET": "s3://bucket", "MAX_WIDTH": "2048"}, env="dev", override=True)
        names = sorted(v.name for v in client.envvars.list(env="dev"))
        say("env vars in dev", ", ".join(names))

        print("\n6. Pause and resume the task's queue")
        queue = client.queues.pause(QueueRef.task(TASK))
        say("paused", f"{queue.name} paused={queue.paused}")
        queue = client.queues.resume(queue.id)
        say("resumed", f"{queue.name} paused={queue.paused}")

        print("\n7. A waitpoint token, completed by 'a human'")
        token = client.waitpoints.create_token(timeout="1h", idempotency_key="approve-1001", tags=["approval"])
        say("token", f"{token.id} (callback URL ready for your webhook)")
        client.waitpoints.complete_token(token.id, {"approved": True, "by": "ada"})
        say("completed", f"output {client.waitpoints.retrieve_token(token.id).output}")

        print("\n8. A TRQL query")
        rows = client.query.execute(
            f"SELECT run_id, status FROM runs WHERE task_identifier = '{TASK}' ORDER BY run_id LIMIT 3"  # noqa: S608, period="1d"
        )
        for row in rows:
            say("row", f"{row['run_id']} {row['status']}")

    print(f"\ndone in {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
