/**
 * The chapter's Web Worker (chapterBuild.ts), started when the user first asks for a chapter in Word. resvg's
 * WebAssembly is fetched from the pane's own origin: webpack emits the package's .wasm as an asset beside the
 * bundles. It is compiled here, in the worker, whose policy is its own script's response (scripts/csp.js), so the
 * pane's document needs no 'wasm-unsafe-eval'.
 */
import { type ChapterRequest, type ChapterResponse, handleChapterRequest } from "./chapterBuild";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ChapterRequest>) => void) | null;
  postMessage(message: ChapterResponse, transfer?: Transferable[]): void;
}

// @ts-expect-error import.meta: webpack bundles this module as ESM (ts-loader's module esnext); tsc checks as CommonJS.
const WASM_URL: URL = new URL("@resvg/resvg-wasm/index_bg.wasm", import.meta.url);

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  void handleChapterRequest(event.data, () => fetch(WASM_URL)).then((response) =>
    scope.postMessage(response, response.ok ? [response.data.buffer as ArrayBuffer] : []),
  );
};
