import { createHash } from "crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { RUN_DIR_VARIABLE } from "./libreofficeRun";

/** Helpers shared by the follow-up tests: a temp folder, the CLI in-process, and typing into a sheet as a nämnd would. */

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `maltavlan-${prefix}-`));
}

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** The row whose hidden key (column A) is `key`, or undefined. */
export function rowByKey(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  return found;
}

/** A sheet's cell values, one array per row, as wide as the sheet (null for an empty cell). */
export type SheetRow = (string | number | null)[];

/** The rows of sheet `name` in `file` from row `from` (1-based) on; an empty row is skipped, as eachRow does. */
export async function sheetRows(file: string, name: string, from = 1): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`${path.basename(file)} has no sheet ${name}`);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n < from) return;
    const cells = Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value);
    rows.push(cells.map((v) => (v === undefined ? null : (v as string | number | null))));
  });
  return rows;
}

/** The header row of the report's Historik sheet after Helår 2024: each period's answer and comment. */
export const HISTORIK_2024_HEADERS = [
  "Nämnd",
  "Typ",
  "Rubrik",
  "T1 2024",
  "Kommentar",
  "Delår 2024",
  "Kommentar",
  "Helår 2024",
  "Kommentar",
];

/** Opens a workbook, lets `edit` change it, saves it in place: what a nämnd does in Excel between two runs. */
export async function editWorkbook(file: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

/** Types an answer (column F) and a comment (column H) on the row with `key`. */
export function typeAnswer(
  sheet: ExcelJS.Worksheet,
  key: string,
  input: string | number | null,
  comment: string | null,
): void {
  const row = rowByKey(sheet, key);
  if (!row) throw new Error(`No row with key ${key} on ${sheet.name}`);
  row.getCell(6).value = input;
  row.getCell(8).value = comment;
}

/**
 * A fresh temp dir holding a T1 2024 follow-up of `plan` made with the CLI: the master workbook (the plan with its
 * follow-up sheets) and, in `split`, one file per nämnd as sent out (`<code>-T1-2024.xlsx`). The set is made once per
 * plan (its path and content) in a module registry, that is a suite's specs, and copied: tests change their copy.
 */
export async function followUpFiles(
  prefix: string,
  plan: string,
): Promise<{ dir: string; master: string; split: string }> {
  const dir = await tempDir(prefix);
  await fs.cp(await madeFollowUp(plan), dir, { recursive: true });
  return { dir, master: path.join(dir, "master.xlsx"), split: path.join(dir, "split") };
}

/** The follow-ups made so far, by plan path and content: the folder each is in. */
const madeFollowUps = new Map<string, Promise<string>>();

async function madeFollowUp(plan: string): Promise<string> {
  const key = `${path.resolve(plan)}\n${createHash("sha256")
    .update(await fs.readFile(plan))
    .digest("hex")}`;
  let made = madeFollowUps.get(key);
  if (!made) {
    made = makeFollowUp(plan);
    madeFollowUps.set(key, made);
  }
  return made;
}

async function makeFollowUp(plan: string): Promise<string> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (!runDir) throw new Error("No run folder: run the tests through jest.config.js, whose globalSetup makes it");
  const dir = await fs.mkdtemp(path.join(runDir, "follow-up-"));
  const master = path.join(dir, "master.xlsx");
  for (const args of [
    ["generate", plan, "--period", "T1", "--year", "2024", "--out", master],
    ["generate", master, "--period", "T1", "--year", "2024", "--split", path.join(dir, "split")],
  ]) {
    const result = await cli(...args);
    if (result.code !== 0) throw new Error(`maltavlan ${args.join(" ")} failed (${result.code}): ${result.err}`);
  }
  return dir;
}

/** A worksheet's `<sheetProtection>` as written: its password hash's attributes, undefined where it has none. */
export interface SheetProtectionTag {
  algorithmName?: string;
  saltValue?: string;
  hashValue?: string;
  spinCount?: string;
}

/** The `<sheetProtection>` of every protected worksheet in an .xlsx, read from the sheets' XML. */
export async function sheetProtectionTags(bytes: Uint8Array | Buffer): Promise<SheetProtectionTag[]> {
  const zip = await JSZip.loadAsync(bytes);
  const tags: SheetProtectionTag[] = [];
  for (const part of Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))) {
    const tag = /<sheetProtection\s[^>]*>/.exec(await zip.file(part)!.async("string"))?.[0];
    if (!tag) continue;
    const value = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    tags.push({
      algorithmName: value("algorithmName"),
      saltValue: value("saltValue"),
      hashValue: value("hashValue"),
      spinCount: value("spinCount"),
    });
  }
  return tags;
}

/**
 * The manual page breaks of a sheet in an .xlsx that ExcelJS wrote, as 0-based rows that start a page: read from the
 * sheet's XML, since ExcelJS does not read `<rowBreaks>` back. ExcelJS names a sheet's part after its id.
 */
export async function rowBreaksInFile(bytes: Uint8Array | Buffer, sheetId: number): Promise<number[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(`xl/worksheets/sheet${sheetId}.xml`)?.async("string");
  if (xml === undefined) throw new Error(`No xl/worksheets/sheet${sheetId}.xml in the file`);
  const breaks = /<rowBreaks[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
  // <brk id="n"> is a break below (1-based) row n: the next page starts at 0-based row n.
  return [...breaks.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
}
