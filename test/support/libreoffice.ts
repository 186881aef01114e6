/**
 * LibreOffice Calc as an independent spreadsheet engine for the tests: open an .xlsx the way LibreOffice does,
 * recalculate every formula (cached results in the file are never trusted) and read back what Calc sees — sheet
 * names and visibility, cell types and values, formulas, cell and sheet protection, validations, frozen rows, hidden
 * columns and the print setup. The work is done by `libreoffice/inspect.py` through UNO (python3-uno); this module
 * finds a python that can import `uno`, runs the script and types its JSON.
 *
 * A test that needs LibreOffice fails (never skips) when it is missing: `.ci/run` installs it.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const LIBREOFFICE_MISSING =
  "LibreOffice with python3-uno is needed for this test and was not found. `.ci/run` installs it " +
  "(as root: apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno poppler-utils); " +
  "`soffice` must be on PATH or in /usr/lib/libreoffice/program, and a python3 must be able to `import uno` " +
  "(on Debian /usr/bin/python3; a pyenv python3 cannot).";

export class LibreOfficeMissingError extends Error {
  constructor() {
    super(LIBREOFFICE_MISSING);
    this.name = "LibreOfficeMissingError";
  }
}

/** A validation as LibreOffice reads it. `source` is formula 1 in LibreOffice's syntax: a range is
 * `$Listor.$A$2:$A$5` (the sheet quoted only where needed: `$'Mina listor'.$A$2:$A$3`), an inline list `"Ja";"Nej"`. */
export interface LoValidation {
  type: "list" | "whole" | "decimal" | "date" | "time" | "textLength" | "custom";
  source: string | null;
  /** The second bound, for a between/not-between comparison; otherwise null. */
  formula2: string | null;
  /** com.sun.star.sheet.ConditionOperator: "BETWEEN", "GREATER_EQUAL", … */
  operator: string;
  allowBlank: boolean;
  /** 0 no in-cell dropdown, 1 dropdown unsorted, 2 sorted. */
  showList: number;
  showErrorMessage: boolean;
  errorTitle: string | null;
  errorMessage: string | null;
}

export interface LoCell {
  ref: string;
  /** 0-based. */
  row: number;
  /** 0-based. */
  col: number;
  /** What the cell holds: a text constant, a number constant (dates too), a formula, or nothing. */
  type: "text" | "number" | "formula" | "empty";
  /** The constant, or for a formula its recalculated result (for an error result the error text, "#DIV/0!"). */
  value: string | number | null;
  /** In LibreOffice's API syntax (English function names, `=B2-C2`), or null when not a formula. */
  formula: string | null;
  resultType: "number" | "text" | "error" | null;
  locked: boolean;
  formulaHidden: boolean;
  validation: LoValidation | null;
}

export interface LoSheet {
  name: string;
  index: number;
  /** LibreOffice has no "very hidden": a veryHidden sheet reads as "hidden". */
  visibility: "visible" | "hidden";
  protected: boolean;
  frozenRows: number | null;
  frozenColumns: number | null;
  printLandscape: boolean | null;
  /** Named from the page size: "A4", "A3", "A5", "Letter", "Legal", or null for any other size. */
  paper: string | null;
  paperWidthMm: number | null;
  paperHeightMm: number | null;
  /** "$1:$3" */
  printTitleRows: string | null;
  /** "$A:$B" */
  printTitleColumns: string | null;
  /** "A1:F20" */
  printAreas: string[];
  /** 0-based, among the reported area and at least the first 26 columns. */
  hiddenColumns: number[];
  /** 0-based, among the reported area and at least the first 100 rows. */
  hiddenRows: number[];
  /** The reported area, "A1:F20", or null for a sheet with nothing in it. */
  usedRange: string | null;
  /** True when the area had more cells than `maxCells`: then only its first rows are in `cells`. */
  truncated: boolean;
  /** Row by row over `usedRange`: from A1 to the end of the content, widened to empty cells that are unlocked or
   * carry a validation. */
  cells: LoCell[];
}

export interface LoWorkbook {
  file: string;
  engine: { product: string | null; version: string | null; ooxmlRecalcMode: number; calculateAll: boolean };
  /** Loading, recalculating and reading this file, after soffice was up (starting it is not counted). */
  elapsedMs: number;
  sheets: LoSheet[];
}

export interface InspectOptions {
  /** Cells per sheet at most (default 20000). */
  maxCells?: number;
  /** For the whole run (default 60 s, plus 15 s for each further file). */
  timeoutMs?: number;
  /**
   * "always" (default): the profile recalculates OOXML on load and calculateAll() runs after loading.
   * "profile-only": only the profile setting. "never": cached results are trusted — for tests of the harness.
   */
  recalc?: "always" | "profile-only" | "never";
}

const INSPECT_SCRIPT = join(__dirname, "libreoffice", "inspect.py");
const SOFFICE_CANDIDATES = [
  "/usr/lib/libreoffice/program/soffice",
  "/usr/bin/soffice",
  "/opt/libreoffice/program/soffice",
];
/** /usr/bin/python3 first: on Debian it is the one python3-uno installs into; a `python3` on PATH may be pyenv's. */
const PYTHON_CANDIDATES = ["/usr/bin/python3", "python3", "python"];

let sofficeFound: string | null | undefined;
let pythonFound: string | null | undefined;

/** The soffice executable, or null. */
export function findSoffice(): string | null {
  if (sofficeFound === undefined) {
    const onPath = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout?.trim();
    sofficeFound = [...SOFFICE_CANDIDATES, onPath].find((candidate) => candidate && existsSync(candidate)) ?? null;
  }
  return sofficeFound;
}

/** A python that can `import uno`, or null. MALTAVLAN_UNO_PYTHON, when set, is tried first. */
export function findUnoPython(): string | null {
  if (pythonFound === undefined) {
    const candidates = [process.env.MALTAVLAN_UNO_PYTHON, ...PYTHON_CANDIDATES].filter((c): c is string => !!c);
    pythonFound =
      candidates.find((candidate) => spawnSync(candidate, ["-c", "import uno"], { stdio: "ignore" }).status === 0) ??
      null;
  }
  return pythonFound;
}

export function libreOfficeAvailable(): boolean {
  return findSoffice() !== null && findUnoPython() !== null;
}

/** Throws LibreOfficeMissingError (whose message says how to install it) unless LibreOffice can be used. */
export function requireLibreOffice(): void {
  if (!libreOfficeAvailable()) throw new LibreOfficeMissingError();
}

export async function inspectWithLibreOffice(xlsxPath: string, options: InspectOptions = {}): Promise<LoWorkbook> {
  const [workbook] = await inspectManyWithLibreOffice([xlsxPath], options);
  return workbook;
}

/** Several files through one soffice: it takes ~5-7 s to start, and well under a second per file after that. */
export async function inspectManyWithLibreOffice(
  xlsxPaths: string[],
  options: InspectOptions = {},
): Promise<LoWorkbook[]> {
  requireLibreOffice();
  if (xlsxPaths.length === 0) return [];
  const timeoutMs = options.timeoutMs ?? 60_000 + 15_000 * (xlsxPaths.length - 1);
  const args = [INSPECT_SCRIPT, ...xlsxPaths.map((p) => resolve(p))];
  args.push("--timeout", String(timeoutMs / 1000), "--max-cells", String(options.maxCells ?? 20_000));
  if (options.recalc === "profile-only") args.push("--no-calculate-all");
  if (options.recalc === "never") args.push("--trust-cached-results");

  // The script enforces the timeout itself and always ends its soffice; this one is the backstop.
  const { code, stdout, stderr } = await run(findUnoPython() as string, args, timeoutMs + 15_000);
  if (code !== 0) {
    throw new Error(
      `LibreOffice could not inspect ${xlsxPaths.join(", ")} (exit ${code}): ${stderr.trim() || "no message"}`,
    );
  }
  const workbooks = stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LoWorkbook);
  if (workbooks.length !== xlsxPaths.length) {
    throw new Error(`LibreOffice reported ${workbooks.length} workbooks for ${xlsxPaths.length} files`);
  }
  return workbooks;
}

/**
 * Converts with `soffice --headless --convert-to` in a fresh profile that recalculates on load. "pdf" and "xlsx"
 * (saved again by LibreOffice; `outDir` must not be the input's folder) give one file; "csv" gives one file per sheet, `<name>-<sheet>.csv` (UTF-8, comma-separated, cells as shown). Returns the
 * paths written, sorted. `pdftoppm -png -r 60 file.pdf prefix` (poppler-utils) turns the PDF into pictures.
 */
export async function convertWithLibreOffice(
  xlsxPath: string,
  format: "pdf" | "csv" | "xlsx",
  outDir: string,
  timeoutMs = 120_000,
): Promise<string[]> {
  const [written] = await convertManyWithLibreOffice([xlsxPath], format, outDir, timeoutMs);
  return written;
}

/**
 * Several files converted by one soffice (it takes seconds to start, and well under one per file after that): for
 * each file, in order, what `convertWithLibreOffice` would return. The files' names must differ.
 */
export async function convertManyWithLibreOffice(
  xlsxPaths: string[],
  format: "pdf" | "csv" | "xlsx",
  outDir: string,
  timeoutMs = 120_000 + 15_000 * (xlsxPaths.length - 1),
): Promise<string[][]> {
  const soffice = findSoffice();
  if (soffice === null) throw new LibreOfficeMissingError();
  const stems = xlsxPaths.map((file) => basename(file, extname(file)));
  if (new Set(stems).size !== stems.length) throw new Error(`Two files to convert share a name: ${stems.join(", ")}`);
  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), "maltavlan-lo-convert-"));
  try {
    await mkdir(join(profile, "user"));
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_PROFILE);
    // csv: separator ",", quote '"', UTF-8, line 1, -, en-US, quote all text, detect numbers, save as shown,
    // results not formulas, keep spaces, every sheet (-1) to its own file.
    const target = {
      pdf: "pdf",
      xlsx: "xlsx:Calc MS Excel 2007 XML",
      csv: "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,true,false,false,-1",
    }[format];
    const args = ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=${pathToFileURL(profile).href}`];
    args.push("--convert-to", target, "--outdir", resolve(outDir), ...xlsxPaths.map((file) => resolve(file)));
    const { code, stderr } = await run(soffice, args, timeoutMs);
    const names = await readdir(outDir);
    return xlsxPaths.map((xlsxPath, i) => {
      const stem = stems[i];
      const written = names
        .filter((name) =>
          format === "csv"
            ? name === `${stem}.csv` || (name.startsWith(`${stem}-`) && name.endsWith(".csv"))
            : name === `${stem}.${format}`,
        )
        .sort()
        .map((name) => join(outDir, name));
      if (code !== 0 || written.length === 0) {
        throw new Error(`soffice --convert-to ${format} of ${xlsxPath} failed (exit ${code}): ${stderr.trim()}`);
      }
      return written;
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The sheet of that name; throws naming the sheets there are. */
export function loSheet(workbook: LoWorkbook, name: string): LoSheet {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet)
    throw new Error(`LibreOffice sees no sheet "${name}" (sheets: ${workbook.sheets.map((s) => s.name).join(", ")})`);
  return sheet;
}

/** The cell at an A1 reference; throws when it is outside the area LibreOffice reported. */
export function loCell(sheet: LoSheet, ref: string): LoCell {
  const cell = sheet.cells.find((c) => c.ref === ref.toUpperCase());
  if (!cell)
    throw new Error(`${sheet.name}!${ref} is outside the area LibreOffice reported (${sheet.usedRange ?? "none"})`);
  return cell;
}

const RECALC_ALWAYS_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in its own process group; past the timeout the whole group gets SIGTERM, then SIGKILL. */
function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup("SIGTERM");
      killTimer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      const err = Buffer.concat(stderr).toString("utf8");
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: timedOut ? `timed out after ${timeoutMs} ms; ${err}` : err,
      });
    });
  });
}
