/**
 * LibreOffice Calc as an independent spreadsheet engine for the tests: open an .xlsx the way LibreOffice does,
 * recalculate every formula (cached results in the file are never trusted) and read back what Calc sees — sheet
 * names and visibility, cell types and values, formulas, cell and sheet protection, validations, frozen rows, hidden
 * columns and the print setup. The work is done by `libreoffice/inspect.py` through UNO (python3-uno); this module
 * finds a python that can import `uno`, runs the script and types its JSON.
 *
 * A test that needs LibreOffice fails (never skips) when it is missing: `.ci/run` installs it.
 */
import { ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { SHARED_DIR_VARIABLE, SHARED_OWNER_VARIABLE } from "./libreofficeRun";

export const LIBREOFFICE_MISSING =
  "LibreOffice with python3-uno is needed for this test and was not found. `.ci/run` installs it " +
  "(as root: apt-get install -y --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui python3-uno " +
  "poppler-utils); " +
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
  /** The autofilter's range, header row included ("A3:I64"), or null when the sheet has none. */
  autoFilter: string | null;
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
  const office = await startLibreOffice({ trustCachedResults: options.recalc === "never" });
  try {
    return await office.inspect(xlsxPaths, options);
  } finally {
    await office.close();
  }
}

/**
 * Converts as `soffice --convert-to` does (through the same filters), in a profile that recalculates on load. "pdf"
 * (of a workbook or, through Writer, a .docx) and "xlsx" (saved again by LibreOffice; `outDir` must not be the
 * input's folder) give one file; "csv" gives one
 * file per sheet, `<name>-<sheet>.csv` (UTF-8, comma-separated, cells as shown). Returns the paths written, sorted.
 * `pdftoppm -png -r 60 file.pdf prefix` (poppler-utils) turns the PDF into pictures.
 */
export async function convertWithLibreOffice(
  xlsxPath: string,
  format: ConvertFormat,
  outDir: string,
  timeoutMs?: number,
): Promise<string[]> {
  const [written] = await convertManyWithLibreOffice([xlsxPath], format, outDir, timeoutMs);
  return written;
}

/** Several files converted by one soffice: for each file, in order, what `convertWithLibreOffice` would return. */
export async function convertManyWithLibreOffice(
  xlsxPaths: string[],
  format: ConvertFormat,
  outDir: string,
  timeoutMs?: number,
): Promise<string[][]> {
  const office = await startLibreOffice();
  try {
    return await office.convert(xlsxPaths, format, outDir, timeoutMs);
  } finally {
    await office.close();
  }
}

export type ConvertFormat = "pdf" | "csv" | "xlsx";

/**
 * A session with one soffice for a whole test file at least (starting it is most of what a conversion or an
 * inspection costs): requests are served one after another; `close` (in afterAll) ends the session, and the soffice
 * unless it is shared. A request past its time ends the soffice and fails.
 */
export interface LibreOffice {
  /** As `inspectManyWithLibreOffice`; `recalc: "never"` needs a session started with `trustCachedResults`. */
  inspect(xlsxPaths: string[], options?: InspectOptions): Promise<LoWorkbook[]>;
  /** As `convertManyWithLibreOffice`. The files' names must differ. */
  convert(xlsxPaths: string[], format: ConvertFormat, outDir: string, timeoutMs?: number): Promise<string[][]>;
  close(): Promise<void>;
}

export interface LibreOfficeOptions {
  /** The profile never recalculates on load (and inspections skip calculateAll()): the results cached in the file. */
  trustCachedResults?: boolean;
}

/**
 * Starts inspect.py, which serves the requests through UNO. Under Jest (test/support/libreofficeRun.js) it uses its
 * worker's soffice, shared by the test files that worker runs and started by the first one; otherwise it starts a
 * soffice of its own.
 */
export async function startLibreOffice(options: LibreOfficeOptions = {}): Promise<LibreOffice> {
  requireLibreOffice();
  const args = [INSPECT_SCRIPT, "--serve", "--timeout", String(START_TIMEOUT_MS / 1000)];
  if (options.trustCachedResults) args.push("--trust-cached-results");
  const shared = sharedOffice(options.trustCachedResults ?? false);
  if (shared) args.push("--shared", shared.path, "--owner", shared.owner);
  return new Session(spawn(findUnoPython() as string, args, { detached: true, stdio: ["pipe", "pipe", "pipe"] }), {
    trustCachedResults: options.trustCachedResults ?? false,
  });
}

const START_TIMEOUT_MS = 60_000;

/** The process group of this Jest worker's shared soffice, as its starter recorded it; null when there is none. */
export function sharedOfficeGroup(trustCachedResults = false): number | null {
  const shared = sharedOffice(trustCachedResults);
  const pidFile = shared && `${shared.path}.pid`;
  return pidFile && existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8")) : null;
}

/** This Jest worker's shared soffice (one per profile: the cached-results one is apart), when the run set one up. */
function sharedOffice(trustCachedResults: boolean): { path: string; owner: string } | null {
  const dir = process.env[SHARED_DIR_VARIABLE];
  const owner = process.env[SHARED_OWNER_VARIABLE];
  if (!dir || !owner) return null;
  const name = `worker-${process.env.JEST_WORKER_ID ?? "1"}${trustCachedResults ? "-cached" : ""}`;
  return { path: join(dir, name), owner };
}

class Session implements LibreOffice {
  private stdout = "";
  private stderr = "";
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;
  /** The request waiting for its answer line, if any. */
  private pending: { answer(line: string): void; ended(): void } | null = null;
  /** Requests run one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly options: Required<LibreOfficeOptions>,
  ) {
    // Decoded as a stream: a character whose bytes two chunks split ("å" is two) stays one character.
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      this.stdout += chunk;
      let newline: number;
      while ((newline = this.stdout.indexOf("\n")) >= 0) {
        const line = this.stdout.slice(0, newline);
        this.stdout = this.stdout.slice(newline + 1);
        this.pending?.answer(line);
      }
    });
    child.stderr.on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      child.on("close", (code) => {
        this.exitCode = code;
        this.pending?.ended();
        resolve();
      });
      child.on("error", (error) => {
        this.stderr += String(error);
        this.exitCode = null;
        this.pending?.ended();
        resolve();
      });
    });
  }

  async inspect(xlsxPaths: string[], options: InspectOptions = {}): Promise<LoWorkbook[]> {
    if (xlsxPaths.length === 0) return [];
    if ((options.recalc === "never") !== this.options.trustCachedResults)
      throw new Error('recalc: "never" needs a session of its own, started with trustCachedResults (and only it)');
    const answer = await this.request(
      {
        inspect: xlsxPaths.map((p) => resolve(p)),
        maxCells: options.maxCells ?? 20_000,
        calculateAll: options.recalc === undefined || options.recalc === "always",
      },
      options.timeoutMs ?? 60_000 + 15_000 * (xlsxPaths.length - 1),
      `inspecting ${xlsxPaths.join(", ")}`,
    );
    return answer.workbooks as LoWorkbook[];
  }

  async convert(xlsxPaths: string[], format: ConvertFormat, outDir: string, timeoutMs?: number): Promise<string[][]> {
    const stems = xlsxPaths.map((file) => basename(file, extname(file)));
    if (new Set(stems).size !== stems.length) throw new Error(`Two files to convert share a name: ${stems.join(", ")}`);
    await mkdir(outDir, { recursive: true });
    await this.request(
      { convert: xlsxPaths.map((p) => resolve(p)), format, outDir: resolve(outDir) },
      timeoutMs ?? 120_000 + 15_000 * (xlsxPaths.length - 1),
      `converting ${xlsxPaths.join(", ")} to ${format}`,
    );
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
      if (written.length === 0) throw new Error(`LibreOffice wrote no ${format} for ${xlsxPath}`);
      return written;
    });
  }

  async close(): Promise<void> {
    this.child.stdin.end(); // inspect.py ends its soffice and exits
    const timer = setTimeout(() => this.kill(), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  private request(body: object, timeoutMs: number, what: string): Promise<Record<string, unknown>> {
    const run = this.queue.then(
      () =>
        new Promise<Record<string, unknown>>((resolvePromise, reject) => {
          const failed = (message: string) => {
            clearTimeout(timer);
            this.pending = null;
            reject(new Error(`LibreOffice failed ${what}: ${message}`));
          };
          const timer = setTimeout(() => {
            failed(`timed out after ${timeoutMs} ms`);
            this.kill();
          }, timeoutMs);
          this.pending = {
            answer: (line) => {
              const answer = JSON.parse(line) as Record<string, unknown>;
              if (typeof answer.error === "string") return failed(answer.error);
              clearTimeout(timer);
              this.pending = null;
              resolvePromise(answer);
            },
            ended: () => failed(`it exited (${this.exitCode}): ${this.stderr.trim() || "no message"}`),
          };
          if (this.exitCode !== undefined) return this.pending.ended();
          this.child.stdin.write(`${JSON.stringify(body)}\n`);
        }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The process group gets SIGTERM (inspect.py then ends its soffice), then SIGKILL. */
  private kill(): void {
    const signal = (name: NodeJS.Signals) => {
      try {
        if (this.child.pid !== undefined && this.exitCode === undefined) process.kill(-this.child.pid, name);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    setTimeout(() => signal("SIGKILL"), 5_000).unref();
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
