/**
 * The core's steps as the pane calls them: each call is posted to the core's Web Worker (core.worker.ts) under a
 * request id and resolves when the worker answers that id. The worker is started on first use, or at once when asked
 * (the pane reads the plan as soon as it opens, so its worker can load meanwhile). (The Worker itself
 * is created in workerCore.ts: `import.meta` is for webpack only, and this part is tested in Jest.)
 */
import type { CoreRequest, CoreResponse, CoreStep } from "./core.worker";
import type { PaneCore } from "./followUpOutline";
import { WorkerFailure } from "./workerFailure";

/** A Worker-like endpoint, so the protocol can be tested without a browser. */
export interface CoreEndpoint {
  postMessage(message: CoreRequest): void;
  onmessage: ((event: MessageEvent<CoreResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** CoreSteps over an endpoint: request id → promise. */
export function coreOverEndpoint(connect: () => CoreEndpoint, { startNow = false } = {}): PaneCore {
  let endpoint: CoreEndpoint | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();

  const open = (): CoreEndpoint => {
    if (endpoint) return endpoint;
    const opened = connect();
    opened.onmessage = (event) => {
      const response = event.data;
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.ok) waiting.resolve(response.value as never);
      else waiting.reject(new Error(response.message));
    };
    opened.onerror = (event) => {
      // The worker failed as a whole (e.g. it could not load): every waiting call fails, and the next starts anew.
      const error = new WorkerFailure("coreNotRunning", event.message || null);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      endpoint = null;
    };
    endpoint = opened;
    return opened;
  };

  if (startNow) open();

  const call =
    <K extends CoreStep>(step: K) =>
    (...args: Parameters<PaneCore[K]>): ReturnType<PaneCore[K]> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: never) => void, reject });
        open().postMessage({ id, step, args } as CoreRequest);
      }) as ReturnType<PaneCore[K]>;

  return {
    readPlan: call("readPlan"),
    prepareFollowUp: call("prepareFollowUp"),
    prepareReport: call("prepareReport"),
    outlineFollowUp: call("outlineFollowUp"),
    importLedger: call("importLedger"),
  };
}
