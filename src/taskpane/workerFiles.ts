/**
 * `readFiles` for the pane: the files' bytes go to the files worker (files.worker.ts), created on first use, so the
 * file library is downloaded only when the user picks returned workbooks.
 */
import type { FilesRequest, FilesResponse } from "./files.worker";
import type { FilesRead } from "./workbook";

export function workerFiles(): (files: File[]) => Promise<FilesRead> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (read: FilesRead) => void; reject: (error: Error) => void }>();

  const open = (): Worker => {
    if (worker) return worker;
    // @ts-expect-error import.meta: webpack bundles this module as ESM (ts-loader's module esnext); tsc checks as CommonJS.
    const opened = new Worker(new URL("./files.worker.ts", import.meta.url), { name: "maltavlan-files" });
    opened.onmessage = (event: MessageEvent<FilesResponse>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve({ workbooks: event.data.workbooks, problems: event.data.problems });
    };
    opened.onerror = (event: ErrorEvent) => {
      const error = new Error(
        `Filerna kunde inte läsas: filbiblioteket gick inte att ladda (${event.message || "okänt fel"}).`,
      );
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      worker = null;
    };
    worker = opened;
    return opened;
  };

  return async (files) => {
    const request: FilesRequest = {
      id: nextId++,
      files: await Promise.all(
        files.map(async (file) => ({
          name: file.name,
          data: await file.arrayBuffer(),
          lastModified: file.lastModified || null,
        })),
      ),
    };
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      open().postMessage(
        request,
        request.files.map((f) => f.data),
      );
    });
  };
}
