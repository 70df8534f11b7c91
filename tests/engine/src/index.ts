// Workflows that exercise every shape the .NET SDK has to read from the local engine.
// Keep them fast: the only long wait is SleepyWorkflow's deliberate one-hour sleep,
// which tests interrupt with pause / resume / terminate / restart.
import { WorkflowEntrypoint, WorkflowEvent, WorkflowStep } from "cloudflare:workers";

export interface ApprovalParams {
  /** When true the "flaky" step always throws, so the instance ends up errored after its retries. */
  fail?: boolean;
}

/**
 * Object, number and string step outputs, a short sleep, a wait for an "approve" event,
 * and a step with an explicit retry policy that fails on request.
 */
export class ApprovalWorkflow extends WorkflowEntrypoint<unknown, ApprovalParams> {
  async run(event: WorkflowEvent<ApprovalParams>, step: WorkflowStep) {
    const obj = await step.do("make-object", async () => ({ a: 1, b: "two", nested: { c: [1, 2, 3] } }));
    const num = await step.do("make-number", async () => 42);
    const str = await step.do("make-string", async () => "hello");
    await step.sleep("nap", "2 seconds");
    const approval = await step.waitForEvent("approval", { type: "approve", timeout: "1 hour" });
    const flaky = await step.do(
      "flaky",
      { retries: { limit: 2, delay: "1 second", backoff: "constant" } },
      async () => {
        if (event.payload?.fail) {
          throw new Error("boom: fail requested");
        }
        return { ok: true };
      },
    );
    return { obj, num, str, approval, flaky };
  }
}

/** Long-running: one step, a one-hour sleep, one more step. For pause / resume / terminate / restart. */
export class SleepyWorkflow extends WorkflowEntrypoint<unknown, unknown> {
  async run(_event: WorkflowEvent<unknown>, step: WorkflowStep) {
    await step.do("before", async () => "started");
    await step.sleep("long-nap", "1 hour");
    return await step.do("after", async () => "done");
  }
}

/** Completes at once with an output that echoes the params. */
export class QuickWorkflow extends WorkflowEntrypoint<unknown, unknown> {
  async run(event: WorkflowEvent<unknown>, step: WorkflowStep) {
    const echo = await step.do("echo", async () => event.payload ?? null);
    return { done: true, echo };
  }
}

export default {
  async fetch(): Promise<Response> {
    return new Response("workflows-engine-tests: use /cdn-cgi/explorer/api/workflows");
  },
};
