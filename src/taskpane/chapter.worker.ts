/**
 * The chapter's Web Worker (chapterBuild.ts), started when the user first asks for a chapter in Word. resvg's
 * WebAssembly and the charts' font (DejaVu Sans: resvg sees no system fonts) are fetched from the pane's own origin:
 * webpack emits the package's .wasm and the font as assets beside the bundles. It is compiled here, in the worker, whose policy is its own script's response (scripts/csp.js), so the
 * pane's document needs no 'wasm-unsafe-eval'.
 */
import { CHART_FONT_FAMILY, type RasteriserFont } from "../hosts/docx/resvg";
import { type ChapterRequest, type ChapterResponse, handleChapterRequest } from "./chapterBuild";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ChapterRequest>) => void) | null;
  postMessage(message: ChapterResponse, transfer?: Transferable[]): void;
}

// @ts-expect-error import.meta: webpack bundles this module as ESM (ts-loader's module esnext); tsc checks as CommonJS.
const WASM_URL: URL = new URL("@resvg/resvg-wasm/index_bg.wasm", import.meta.url);
// @ts-expect-error import.meta, as above.
const FONT_URL: URL = new URL("dejavu-fonts-ttf/ttf/DejaVuSans.ttf", import.meta.url);

/** The font once per worker; a failed download is tried again with the next chapter. */
let font: Promise<RasteriserFont> | null = null;
function chartFont(): Promise<RasteriserFont> {
  font ??= fetch(FONT_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`${FONT_URL.pathname}: ${response.status}`);
      return response.arrayBuffer();
    })
    .then((data) => ({ data: new Uint8Array(data), family: CHART_FONT_FAMILY }))
    .catch((error: unknown) => {
      font = null;
      throw error;
    });
  return font;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  void handleChapterRequest(event.data, () => fetch(WASM_URL), chartFont).then((response) =>
    scope.postMessage(response, response.ok ? [response.data.buffer as ArrayBuffer] : []),
  );
};
