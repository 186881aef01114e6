/**
 * The pane's file library in a Web Worker of its own, started only when the user picks returned workbooks or a ledger
 * export, or exports one per nämnd: ExcelJS (large, and using `new Function`) and papaparse never load with the pane.
 * It reads .xlsx bytes and ledger exports into Grids, Kolada files into one kommun's values, and writes WorkbookSpecs into .xlsx bytes, with the hosts'
 * Node-free readers and writer.
 */
import JSZip from "jszip";
import type { CommitteeWorkbook } from "../domain/followup/committeeWorkbooks";
import { UnusableInputError, readWorkbookBuffer } from "../hosts/xlsx/readBytes";
import { type ProtectionHashes, workbookBytes } from "../hosts/xlsx/writeBytes";
import { decode, readLedgerBytes } from "../hosts/ledger/readLedger";
import { readKolada } from "../domain/kolada/read";
import type { KoladaRead } from "../domain/kolada/model";
import type { FileProblem } from "../sheet/hostProblems";
import type { FilesRead, FilesWritten, LedgerFileRead } from "./workbook";

export type FilesRequest =
  | { id: number; kind: "read"; files: { name: string; data: ArrayBuffer; lastModified: number | null }[] }
  | { id: number; kind: "write"; workbooks: CommitteeWorkbook[]; zipName: string }
  | { id: number; kind: "ledger"; name: string; data: ArrayBuffer }
  | { id: number; kind: "kolada"; files: { name: string; data: ArrayBuffer }[]; municipality: string | null };

export type FilesResponse =
  | ({ id: number; kind: "read" } & FilesRead)
  | ({ id: number; kind: "write" } & FilesWritten)
  | { id: number; kind: "ledger"; read: LedgerFileRead }
  | { id: number; kind: "kolada"; read: KoladaRead }
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
      read.problems.push({ file: file.name, problem: fileProblem(error, file.name) });
    }
  }
  return read;
}

function fileProblem(error: unknown, file: string): FileProblem {
  return error instanceof UnusableInputError
    ? error.problem
    : { code: "unreadable", file, detail: error instanceof Error ? error.message : String(error) };
}

/** A ledger export (CSV, text or workbook) into grids; one that cannot be used becomes its problem, never a throw. */
async function readLedger(name: string, data: ArrayBuffer): Promise<LedgerFileRead> {
  try {
    const { grids, encoding } = await readLedgerBytes(new Uint8Array(data), name);
    return { ok: true, file: name, grids, encoding };
  } catch (error) {
    return { ok: false, file: name, problem: fileProblem(error, name) };
  }
}

/** One .xlsx per nämnd, and all of them in one .zip to save at once. */
async function writeFiles(workbooks: CommitteeWorkbook[], zipName: string): Promise<FilesWritten> {
  const zip = new JSZip();
  const files: FilesWritten["files"] = [];
  const protections: ProtectionHashes = new Map(); // one password hash for the whole set
  for (const { committee, fileName, workbook } of workbooks) {
    const data = await workbookBytes(workbook, protections);
    zip.file(fileName, data);
    files.push({ committee, fileName, data });
  }
  return { files, zip: { fileName: zipName, data: await zip.generateAsync({ type: "uint8array" }) } };
}

export async function handleFilesRequest(request: FilesRequest): Promise<FilesResponse> {
  try {
    if (request.kind === "read") return { id: request.id, kind: "read", ...(await readFiles(request.files)) };
    if (request.kind === "ledger")
      return { id: request.id, kind: "ledger", read: await readLedger(request.name, request.data) };
    if (request.kind === "kolada") {
      // Here, not in the pane: a file of every kommun is tens of MB of text; only one kommun's values go back.
      const files = request.files.map(({ name, data }) => ({ name, text: decode(new Uint8Array(data)).text }));
      return { id: request.id, kind: "kolada", read: readKolada(files, request.municipality) };
    }
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
