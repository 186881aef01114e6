/**
 * Reads returned workbooks (.xlsx bytes) into Grids, in a Web Worker of its own that the pane starts only when the
 * user picks files: the file library (ExcelJS, large, and using `new Function`) never loads with the pane.
 */
import type { FilesRead } from "./workbook";
import { readWorkbookBuffer } from "../hosts/xlsx/readBytes";

export interface FilesRequest {
  id: number;
  files: { name: string; data: ArrayBuffer; lastModified: number | null }[];
}

export type FilesResponse = { id: number } & FilesRead;

/** Reads every file; a file that cannot be used becomes a problem with a Swedish message, never a throw. */
export async function handleFilesRequest(request: FilesRequest): Promise<FilesResponse> {
  const response: FilesResponse = { id: request.id, workbooks: [], problems: [] };
  for (const file of request.files) {
    try {
      const read = await readWorkbookBuffer(file.data, file.name);
      const modified = read.modified ?? (file.lastModified !== null ? new Date(file.lastModified) : null);
      response.workbooks.push({ file: file.name, grids: read.grids, modified });
    } catch (error) {
      response.problems.push({
        file: file.name,
        message: error instanceof Error ? error.message : `Filen kan inte läsas: ${file.name}`,
      });
    }
  }
  return response;
}

declare const WorkerGlobalScope: unknown;

if (typeof WorkerGlobalScope !== "undefined") {
  const scope = self as unknown as {
    onmessage: ((event: MessageEvent<FilesRequest>) => void) | null;
    postMessage(message: FilesResponse): void;
  };
  scope.onmessage = (event) => {
    void handleFilesRequest(event.data).then((response) => scope.postMessage(response));
  };
}
