// Tasks the server-truth scenario triggers. Each one exists to make the server show one behaviour:
// a run that completes, fails, fails after a retry, crashes, runs long enough to be watched live,
// streams chunks, or is a scheduled task (schedules can only be created for those).
import { schedules, streams, task } from "@trigger.dev/sdk";

export const stEcho = task({
  id: "st-echo",
  run: async (payload: { n?: number }) => ({ ok: true, n: payload?.n ?? null }),
});

export const stFail = task({
  id: "st-fail",
  retry: { maxAttempts: 1 },
  run: async () => {
    throw new Error("st-fail always fails");
  },
});

export const stRetry = task({
  id: "st-retry",
  retry: { maxAttempts: 2, minTimeoutInMs: 300, maxTimeoutInMs: 600, factor: 1 },
  run: async () => {
    throw new Error("st-retry fails every attempt");
  },
});

export const stCrash = task({
  id: "st-crash",
  retry: { maxAttempts: 1 },
  run: async () => {
    // the worker process dies mid-run: the server marks the run CRASHED
    setTimeout(() => process.exit(7), 100);
    await new Promise((r) => setTimeout(r, 5000));
    return { unreachable: true };
  },
});

// Sets no metadata of its own: what a run's metadata holds then comes only from the API calls in the
// scenario, which a fake can reproduce (a fake's task handler sees only the payload).
export const stSlow = task({
  id: "st-slow",
  run: async (payload: { seconds?: number }) => {
    const seconds = payload?.seconds ?? 3;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return { slept: seconds };
  },
});

export const stStream = task({
  id: "st-stream",
  run: async (payload: { count?: number }) => {
    const count = payload?.count ?? 3;
    async function* chunks() {
      for (let i = 0; i < count; i++) {
        await new Promise((r) => setTimeout(r, 200));
        yield { i, text: `chunk-${i}` };
      }
    }
    const { waitUntilComplete } = streams.pipe("chunks", chunks());
    await waitUntilComplete();
    return { sent: count };
  },
});

export const stCron = schedules.task({
  id: "st-cron",
  run: async (payload) => ({ at: payload.timestamp.toISOString() }),
});
