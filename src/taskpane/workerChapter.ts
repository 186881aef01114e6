/**
 * The chapter in Word, built in a Web Worker of its own (chapter.worker.ts), started the first time the user asks for
 * it: the docx package and resvg's WebAssembly are never part of the pane's first download.
 */
import type { ChapterResponse } from "./chapterBuild";
import { type PaneChapter, chapterOver } from "./chapterClient";
import { WorkerFailure } from "./workerFailure";

export type { PaneChapter };

export function workerChapter(): PaneChapter {
  let worker: Worker | null = null;
  const pending = new Map<number, { resolve: (r: ChapterResponse) => void; reject: (e: Error) => void }>();
  const open = (): Worker => {
    if (worker) return worker;
    // @ts-expect-error import.meta: webpack bundles this module as ESM (ts-loader's module esnext); tsc checks as CommonJS.
    const opened = new Worker(new URL("./chapter.worker.ts", import.meta.url), { name: "maltavlan-chapter" });
    opened.onmessage = (event: MessageEvent<ChapterResponse>) => {
      pending.get(event.data.id)?.resolve(event.data);
      pending.delete(event.data.id);
    };
    opened.onerror = (event: ErrorEvent) => {
      // The worker's script did not load or run: every waiting call fails, and the next starts anew.
      const error = new WorkerFailure("chapterNotLoaded", event.message || null);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      worker = null;
    };
    worker = opened;
    return opened;
  };
  return chapterOver(
    (request) =>
      new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        open().postMessage(request);
      }),
  );
}
