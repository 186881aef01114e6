/**
 * The måluppfyllelse chapter as .docx bytes, as the chapter's Web Worker (chapter.worker.ts) builds it when the user
 * asks for it: the docx package and resvg's WebAssembly load with that worker only, never with the pane. The pane
 * has no fonts to give resvg, so its charts are drawn without text (the chapter's tables say the same in words).
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
  font: RasteriserFont | null = null,
): Promise<ChapterResponse> {
  try {
    const data = await chapterDocx(chapter, await resvgRasteriser(wasm, font));
    return { id, ok: true, data };
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
