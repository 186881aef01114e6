/**
 * The docx host's write verb: the måluppfyllelse chapter as a Word file, written atomically to a path nothing
 * occupies yet (as every output of the CLI: src/hosts/xlsx/write.ts). Loaded only when a chapter is asked for: the
 * docx package and the rasteriser's WebAssembly are heavy.
 */
import type { GoalChapter } from "../../domain/followup/goalChapter";
import { writeFileExclusive } from "../xlsx/write";
import { chapterDocx } from "./chapterDocx";
import { loadRasteriser } from "./rasterise";

export async function writeChapterFile(chapter: GoalChapter, path: string, unfinished?: Set<string>): Promise<void> {
  const bytes = await chapterDocx(chapter, await loadRasteriser());
  await writeFileExclusive(bytes, path, unfinished);
}
