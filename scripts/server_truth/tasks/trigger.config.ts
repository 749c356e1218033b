// The worker for scripts/server_truth/record.py and conformance.py: `trigger dev` (or `trigger deploy`)
// this project into the environment the scenario talks to. TRIGGER_PROJECT_REF names the project;
// the default is the project the real-server recipe seeds (hello-world).
import { defineConfig } from "@trigger.dev/sdk";

export default defineConfig({
  project: process.env.TRIGGER_PROJECT_REF ?? "proj_rrkpdguyagvsoktglnod",
  dirs: ["./src/trigger"],
  maxDuration: 300,
  // without this a task's own retry settings are ignored in dev, and the retry scenario sees 1 attempt
  retries: { enabledInDev: true, default: { maxAttempts: 1 } },
});
