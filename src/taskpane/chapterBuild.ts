/**
 * The måluppfyllelse chapter as .docx bytes, as the chapter's Web Worker (chapter.worker.ts) builds it when the user
 * asks for it: the docx package, resvg's WebAssembly and the charts' font load with that worker only, never with the
 * pane.
 */
import type { GoalChapter } from "../domain/followup/goalChapter";
import { chapterDocx } from "../hosts/docx/chapterDocx";
import { type RasteriserFont, type WasmSource, resvgRasteriser } from "../hosts/docx/resvg";

export type ChapterRequest = { id: number; chapter: GoalChapter };

export type ChapterResponse = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; message: string };

/** Builds one chapter; never throws: a failure becomes a response with the error's message. */
export async function handleChapterRequest(
  { id, chapter }: ChapterRequest,
  wasm: () => WasmSource,
  font: () => Promise<RasteriserFont>,
): Promise<ChapterResponse> {
  try {
    const data = await chapterDocx(chapter, await resvgRasteriser(wasm, await font()));
    return { id, ok: true, data };
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
