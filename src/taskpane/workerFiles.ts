/**
 * The pane's file library: files go to the files worker (files.worker.ts), created on first use, so ExcelJS is
 * downloaded only when the user picks returned workbooks or a ledger export, or exports one per nämnd.
 */
import type { CommitteeWorkbook } from "../domain/followup/committeeWorkbooks";
import type { KoladaRead } from "../domain/kolada/model";
import type { FilesRequest, FilesResponse } from "./files.worker";
import type { FilesRead, FilesWritten, LedgerFileRead } from "./workbook";
import { WorkerFailure } from "./workerFailure";

export interface PaneFiles {
  readFiles(files: File[]): Promise<FilesRead>;
  writeWorkbooks(workbooks: CommitteeWorkbook[], zipName: string): Promise<FilesWritten>;
  readLedger(file: File): Promise<LedgerFileRead>;
  /** Kolada files (JSON or CSV, the pages of one answer) read for one kommun (null: the files' only one). */
  readKolada(files: File[], municipality: string | null): Promise<KoladaRead>;
}

type Pending = { resolve: (response: FilesResponse) => void; reject: (error: Error) => void };

export function workerFiles(): PaneFiles {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const open = (): Worker => {
    if (worker) return worker;
    // @ts-expect-error import.meta: webpack bundles this module as ESM (ts-loader's module esnext); tsc checks as CommonJS.
    const opened = new Worker(new URL("./files.worker.ts", import.meta.url), { name: "maltavlan-files" });
    opened.onmessage = (event: MessageEvent<FilesResponse>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    opened.onerror = (event: ErrorEvent) => {
      const error = new WorkerFailure("filesNotLoaded", event.message || null);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      worker = null;
    };
    worker = opened;
    return opened;
  };

  const ask = (request: FilesRequest, transfer: Transferable[]): Promise<FilesResponse> =>
    new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      open().postMessage(request, transfer);
    });

  return {
    async readFiles(files) {
      const request: FilesRequest = {
        id: nextId++,
        kind: "read",
        files: await Promise.all(
          files.map(async (file) => ({
            name: file.name,
            data: await file.arrayBuffer(),
            lastModified: file.lastModified || null,
          })),
        ),
      };
      const response = await ask(
        request,
        request.files.map((f) => f.data),
      );
      if (response.kind === "error") throw new WorkerFailure("filesUnexpectedAnswer", response.message);
      if (response.kind !== "read") throw new WorkerFailure("filesUnexpectedAnswer", null);
      return { workbooks: response.workbooks, problems: response.problems };
    },

    async writeWorkbooks(workbooks, zipName) {
      const response = await ask({ id: nextId++, kind: "write", workbooks, zipName }, []);
      if (response.kind !== "write") {
        throw new WorkerFailure("workbooksNotBuilt", response.kind === "error" ? response.message : null);
      }
      return { files: response.files, zip: response.zip };
    },

    async readLedger(file) {
      const data = await file.arrayBuffer();
      const response = await ask({ id: nextId++, kind: "ledger", name: file.name, data }, [data]);
      if (response.kind === "error") throw new WorkerFailure("filesUnexpectedAnswer", response.message);
      if (response.kind !== "ledger") throw new WorkerFailure("filesUnexpectedAnswer", null);
      return response.read;
    },

    async readKolada(files, municipality) {
      const read = await Promise.all(files.map(async (file) => ({ name: file.name, data: await file.arrayBuffer() })));
      const request: FilesRequest = { id: nextId++, kind: "kolada", files: read, municipality };
      const response = await ask(
        request,
        read.map((f) => f.data),
      );
      if (response.kind === "error") throw new WorkerFailure("filesUnexpectedAnswer", response.message);
      if (response.kind !== "kolada") throw new WorkerFailure("filesUnexpectedAnswer", null);
      return response.read;
    },
  };
}
