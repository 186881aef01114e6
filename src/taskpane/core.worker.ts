/**
 * The core in a Web Worker: the pane posts a step and its arguments, the worker runs it with src/hosts/coreSteps.ts
 * and posts the result (or a message) back under the request's id. All data is plain (structured clone: Maps and
 * Dates survive), so a 20 000-row plan is read and validated here while the pane stays responsive.
 */
import { inThreadCore } from "../hosts/coreSteps";
import { type PaneCore, followUpOutlineRows } from "./followUpOutline";

/** The core's steps where they run here, with the outline of a follow-up computed beside the sheets it outlines. */
export const inThreadPaneCore: PaneCore = {
  ...inThreadCore,
  outlineFollowUp: async (grids, read, request) =>
    followUpOutlineRows(await inThreadCore.prepareFollowUp(grids, read, request)),
};

export type CoreStep = keyof PaneCore;

export type CoreRequest = {
  [K in CoreStep]: { id: number; step: K; args: Parameters<PaneCore[K]> };
}[CoreStep];

export type CoreResponse =
  { id: number; ok: true; value: Awaited<ReturnType<PaneCore[CoreStep]>> } | { id: number; ok: false; message: string };

/** Runs one request; never throws: a failure becomes a response with the error's message. */
export async function handleCoreRequest(
  request: CoreRequest,
  core: PaneCore = inThreadPaneCore,
): Promise<CoreResponse> {
  try {
    const step = core[request.step] as (
      ...args: unknown[]
    ) => Promise<CoreResponse extends { value: infer V } ? V : never>;
    if (typeof step !== "function") throw new Error(`No such core step: ${String(request.step)}`);
    const value = await step(...request.args);
    return { id: request.id, ok: true, value };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<CoreRequest>) => void) | null;
  postMessage(message: CoreResponse): void;
}

declare const WorkerGlobalScope: unknown;

// Only inside a worker (not when a test imports the handler).
if (typeof WorkerGlobalScope !== "undefined") {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => {
    void handleCoreRequest(event.data).then((response) => scope.postMessage(response));
  };
}
