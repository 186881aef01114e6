/**
 * The pane's file library in a Web Worker of its own, started only when the user picks returned workbooks or exports
 * one per nämnd: ExcelJS (large, and using `new Function`) never loads with the pane. It reads .xlsx bytes into Grids
 * and writes WorkbookSpecs into .xlsx bytes, with the xlsx host's Node-free reader and writer.
 */
import JSZip from "jszip";
import type { CommitteeWorkbook } from "../domain/followup/committeeWorkbooks";
import { UnusableInputError, readWorkbookBuffer } from "../hosts/xlsx/readBytes";
import { workbookBytes } from "../hosts/xlsx/writeBytes";
import type { FilesRead, FilesWritten } from "./workbook";

export type FilesRequest =
  | { id: number; kind: "read"; files: { name: string; data: ArrayBuffer; lastModified: number | null }[] }
  | { id: number; kind: "write"; workbooks: CommitteeWorkbook[]; zipName: string };

export type FilesResponse =
  | ({ id: number; kind: "read" } & FilesRead)
  | ({ id: number; kind: "write" } & FilesWritten)
  | { id: number; kind: "error"; message: string };

/** Reads every file; a file that cannot be used becomes a problem saying why, never a throw. */
async function readFiles(files: Extract<FilesRequest, { kind: "read" }>["files"]): Promise<FilesRead> {
  const read: FilesRead = { workbooks: [], problems: [] };
  for (const file of files) {
    try {
      const workbook = await readWorkbookBuffer(file.data, file.name);
      const modified = workbook.modified ?? (file.lastModified !== null ? new Date(file.lastModified) : null);
      read.workbooks.push({ file: file.name, grids: workbook.grids, modified });
    } catch (error) {
      read.problems.push({
        file: file.name,
        problem:
          error instanceof UnusableInputError
            ? error.problem
            : { code: "unreadable", file: file.name, detail: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  return read;
}

/** One .xlsx per nämnd, and all of them in one .zip to save at once. */
async function writeFiles(workbooks: CommitteeWorkbook[], zipName: string): Promise<FilesWritten> {
  const zip = new JSZip();
  const files: FilesWritten["files"] = [];
  for (const { committee, fileName, workbook } of workbooks) {
    const data = await workbookBytes(workbook);
    zip.file(fileName, data);
    files.push({ committee, fileName, data });
  }
  return { files, zip: { fileName: zipName, data: await zip.generateAsync({ type: "uint8array" }) } };
}

export async function handleFilesRequest(request: FilesRequest): Promise<FilesResponse> {
  try {
    if (request.kind === "read") return { id: request.id, kind: "read", ...(await readFiles(request.files)) };
    return { id: request.id, kind: "write", ...(await writeFiles(request.workbooks, request.zipName)) };
  } catch (error) {
    return { id: request.id, kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
}

declare const WorkerGlobalScope: unknown;

if (typeof WorkerGlobalScope !== "undefined") {
  const scope = self as unknown as {
    onmessage: ((event: MessageEvent<FilesRequest>) => void) | null;
    postMessage(message: FilesResponse, transfer?: Transferable[]): void;
  };
  scope.onmessage = (event) => {
    void handleFilesRequest(event.data).then((response) => {
      // The written bytes move to the pane instead of being copied.
      const transfer =
        response.kind === "write" ? [response.zip.data.buffer, ...response.files.map((f) => f.data.buffer)] : [];
      scope.postMessage(response, transfer);
    });
  };
}
