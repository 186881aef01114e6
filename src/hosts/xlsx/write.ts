/**
 * The xlsx host's write verb on files: writeBytes.ts's workbooks written atomically, and copies of an existing
 * workbook with Måltavlan's sheets replaced; an UnwritableOutputError says why an output cannot be written.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { SheetSpec, WorkbookSpec } from "../../sheet/spec";
import { UnwritableOutputError } from "./problems";
import { loadWorkbook } from "./readBytes";
import { addSheets, workbookBytes } from "./writeBytes";

export { UnwritableOutputError } from "./problems";
export { buildWorkbook } from "./writeBytes";

export async function workbookBuffer(spec: WorkbookSpec): Promise<Buffer> {
  const bytes = await workbookBytes(spec);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A copy of an existing workbook with some sheets replaced or added: the economist's master, where the plan sheets
 * stay as they are and Måltavlan's sheets are (re)written. The caller checks first that the workbook holds nothing
 * ExcelJS would drop (read.ts: unsupportedParts), and never passes the source as `path`. The source is loaded as it
 * is read (readBytes.ts: within limits, its parts where ExcelJS looks for them, merged ranges clipped).
 */
export async function writeWorkbookCopy(
  source: string,
  change: { remove: string[]; add: SheetSpec[] },
  path: string,
): Promise<void> {
  const { workbook } = await loadWorkbook(await readFile(source), source);
  const remove = new Set(change.remove.map((name) => name.toLowerCase()));
  for (const sheet of [...workbook.worksheets])
    if (remove.has(sheet.name.toLowerCase())) workbook.removeWorksheet(sheet.id);
  addSheets(workbook, change.add);
  await writeAtomically(Buffer.from(await workbook.xlsx.writeBuffer()), path);
}

/**
 * Writes atomically: to a temporary file beside `path`, then renamed over it, so a failed write never leaves a
 * half-written file. Whether overwriting is allowed is the caller's decision.
 */
export async function writeWorkbookFile(spec: WorkbookSpec, path: string): Promise<void> {
  await writeAtomically(await workbookBuffer(spec), path);
}

async function writeAtomically(data: Buffer, path: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw writeError(error, path);
  }
}

function writeError(error: unknown, path: string): UnwritableOutputError {
  return new UnwritableOutputError({
    code: "unwritable",
    file: path,
    errno: (error as NodeJS.ErrnoException | undefined)?.code ?? null,
  });
}
