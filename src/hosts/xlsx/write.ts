/**
 * The xlsx host's write verb on files: writeBytes.ts's workbooks, and copies of an existing workbook with Måltavlan's
 * sheets replaced, each written atomically to a path nothing occupies yet; an UnwritableOutputError says why an
 * output cannot be written. ExcelJS (writeBytes.ts, loadWorkbook.ts) is loaded when a workbook is first written: it
 * is most of what the CLI loads, and `validate` or a refused input never writes one.
 */
import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, renameSync, rmSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { SheetSpec, WorkbookSpec } from "../../sheet/spec";
import type { ProtectionHashes } from "./writeBytes";
import { UnwritableOutputError } from "./problems";
import { FILTER_NAME, withFilterNames } from "./filterNames";

export { UnwritableOutputError } from "./problems";

export async function workbookBuffer(spec: WorkbookSpec, protections?: ProtectionHashes): Promise<Buffer> {
  const { workbookBytes } = await import("./writeBytes");
  const bytes = await workbookBytes(spec, protections);
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
  unfinished?: Set<string>,
): Promise<void> {
  const [{ loadWorkbook }, { addSheets }] = await Promise.all([import("./loadWorkbook"), import("./writeBytes")]);
  const { workbook } = await loadWorkbook(await readFile(source), source);
  const remove = new Set(change.remove.map((name) => name.toLowerCase()));
  for (const sheet of [...workbook.worksheets])
    if (remove.has(sheet.name.toLowerCase())) workbook.removeWorksheet(sheet.id);
  addSheets(workbook, change.add);
  // ExcelJS reads a sheet's filter name as a name of the workbook's, which no sheet's filter is: every sheet's is
  // written anew, local to its sheet.
  const names = workbook.definedNames as unknown as { model: { name: string }[] };
  names.model = names.model.filter((name) => name.name !== FILTER_NAME);
  const filters = workbook.worksheets.flatMap((sheet) =>
    typeof sheet.autoFilter === "string" ? [{ sheet: sheet.name, range: sheet.autoFilter }] : [],
  );
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  await writeFileExclusive(await withFilterNames(written, filters), path, unfinished);
}

/** `protections`: where several workbooks of one run share a password's hash (writeBytes.ts: ProtectionHashes). */
export async function writeWorkbookFile(
  spec: WorkbookSpec,
  path: string,
  unfinished?: Set<string>,
  protections?: ProtectionHashes,
): Promise<void> {
  await writeFileExclusive(await workbookBuffer(spec, protections), path, unfinished);
}

/** "rapport.xlsx" → ".rapport.xlsx.maltavlan-<pid>-<random>.tmp": hidden, beside its target, named by its process. */
const TEMPORARY = /^\.(.+)\.maltavlan-(\d+)-[0-9a-f]{8}\.tmp$/;

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.maltavlan-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** A temporary file's target and the process that wrote it; null when `name` is no temporary file of Måltavlan's. */
export function temporaryOf(name: string): { target: string; pid: number } | null {
  const match = TEMPORARY.exec(name);
  return match ? { target: match[1], pid: Number(match[2]) } : null;
}

/**
 * Writes `data` to `path` only if nothing is there, and never half-written: the bytes go to a temporary file beside
 * it, which is then linked into place — an operation that fails if `path` exists, so of two writers to one path
 * exactly one succeeds and the other gets an UnwritableOutputError "exists".
 *
 * `unfinished` holds at every moment what would have to be removed if the run stopped now: the temporary file while
 * it exists, then `path` itself, from the instant it exists (the caller takes it out once the file is to stay).
 */
export async function writeFileExclusive(data: Uint8Array, path: string, unfinished = new Set<string>()) {
  const temp = temporaryName(path);
  unfinished.add(temp);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    placeSync(temp, path, unfinished);
  } catch (error) {
    throw writeError(error, path);
  } finally {
    removeTemporary(temp);
    unfinished.delete(temp);
  }
}

/** The temporary file gone. Under a "folder" that is a file (ENOTDIR) there never was one, and the write says why. */
function removeTemporary(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
  }
}

/** What file systems without hard links (FAT, some network shares) answer to `link`. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/** Synchronous: nothing (a signal handler included) runs between `path` appearing and its entry in `unfinished`. */
function placeSync(temp: string, path: string, unfinished: Set<string>): void {
  try {
    linkSync(temp, path);
    unfinished.add(path);
  } catch (error) {
    if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    // Without links: claim the name with an exclusive create, then move the complete file over the claim.
    closeSync(openSync(path, "wx"));
    unfinished.add(path);
    try {
      renameSync(temp, path);
    } catch (renameError) {
      rmSync(path, { force: true });
      unfinished.delete(path);
      throw renameError;
    }
  }
}

function writeError(error: unknown, path: string): UnwritableOutputError {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code ?? null;
  return new UnwritableOutputError(
    errno === "EEXIST" ? { code: "exists", file: path, meanwhile: true } : { code: "unwritable", file: path, errno },
  );
}
