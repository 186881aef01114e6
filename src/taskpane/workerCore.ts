import { type CoreEndpoint, coreOverEndpoint } from "./coreClient";
import type { PaneCore } from "./followUpOutline";

/** The core in its Web Worker, bundled by webpack 5 as a chunk of its own; `startNow` starts the worker now. */
export function workerCore(options: { startNow?: boolean } = {}): PaneCore {
  return coreOverEndpoint(
    () =>
      // @ts-expect-error import.meta: webpack bundles this module as ESM (ts-loader's module esnext); tsc checks as CommonJS.
      new Worker(new URL("./core.worker.ts", import.meta.url), { name: "maltavlan-core" }) as unknown as CoreEndpoint,
    options,
  );
}
