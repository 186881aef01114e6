/**
 * The chapter in Word as the pane asks for it: each call goes to whatever answers a ChapterRequest, the chapter's
 * Web Worker (workerChapter.ts) or, in tests, its handler in this thread. (The Worker itself is created in
 * workerChapter.ts: `import.meta` is for webpack only.)
 */
import type { GoalChapter } from "../domain/followup/goalChapter";
import type { ChapterRequest, ChapterResponse } from "./chapterBuild";
import { WorkerFailure } from "./workerFailure";

export interface PaneChapter {
  /** The chapter as .docx bytes. */
  docx(chapter: GoalChapter): Promise<Uint8Array>;
}

export function chapterOver(ask: (request: ChapterRequest) => Promise<ChapterResponse>): PaneChapter {
  let nextId = 1;
  return {
    async docx(chapter) {
      const response = await ask({ id: nextId++, chapter });
      if (!response.ok) throw new WorkerFailure("chapterNotBuilt", response.message);
      return response.data;
    },
  };
}
