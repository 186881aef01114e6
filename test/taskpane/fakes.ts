/** A fake PaneWorkbook for the pane's tests: every call is recorded, and a test can hold a call open. */
import { ExcelHostError } from "../../src/hosts/excel/problems";
import type { ExcelProblem, ExcelStep } from "../../src/sheet/hostProblems";
import { readFile } from "fs/promises";
import { handleFilesRequest } from "../../src/taskpane/files.worker";
import { handleChapterRequest } from "../../src/taskpane/chapterBuild";
import { CHART_FONT_FAMILY } from "../../src/hosts/docx/resvg";
import { type PaneChapter, chapterOver } from "../../src/taskpane/chapterClient";
import type { GoalTreeView } from "../../src/domain/followup/goalTree";
import { inThreadCore } from "../../src/hosts/coreSteps";
import type { Grid } from "../../src/sheet/grid";
import type { PaneFiles } from "../../src/taskpane/workerFiles";
import type { FileFinding, Finding } from "../../src/domain/findings";
import type { UnreadCell } from "../../src/domain/unread";
import { DEFAULT_LEVELS, type Plan } from "../../src/domain/model";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import type {
  EarlierPeriods,
  ConsolidateOutcome,
  ConsolidationOutline,
  ExportOutcome,
  FilesRead,
  FollowUpOutline,
  GenerateOutcome,
  LedgerOutcome,
  PaneValidation,
  PaneWorkbook,
} from "../../src/taskpane/workbook";

export const PLAN: Plan = {
  years: [2024, 2025, 2026],
  levels: DEFAULT_LEVELS,
  committees: [
    { code: "KS", name: "Kommunstyrelsen", kind: "committee" },
    { code: "SAN", name: "Social- och arbetsmarknadsnämnden", kind: "committee" },
  ],
  goals: [
    { id: "V1", level: "vision", name: "Östersund 2040", parentIds: [], committee: null, target: null },
    { id: "M1", level: "kommunmal", name: "Näringsliv och tillväxt", parentIds: ["V1"], committee: null, target: null },
  ],
  assignments: [
    {
      id: "U1",
      title: "Förbättra kvinnors förutsättningar för företagande i kommunen",
      clarification: null,
      goalIds: ["M1"],
      committees: ["KS"],
      origin: "council",
      year: 2024,
    },
  ],
  adjustments: [
    {
      id: "R1",
      committee: "KS",
      year: 2024,
      amountOre: 25_000_000,
      direction: "increase",
      duration: "temporary",
      assignmentId: "U1",
      description: null,
      isIndex: false,
    },
  ],
  keyFigures: [],
  budgets: [],
  investments: [],
};

export const FINDINGS: Finding[] = [
  {
    severity: "error",
    rule: "unknown-committee",
    sheet: "Uppdrag",
    cell: "E3",
    params: { name: "Nämnden som inte finns" },
  },
  { severity: "error", rule: "amount-ambiguous", sheet: "Ramjusteringar", cell: "D2", params: { value: "1.200" } },
  { severity: "warning", rule: "duration-unspecified", sheet: "Ramjusteringar", cell: "D5", params: {} },
];

/** What the reader passed over in the fake workbook: a column of the uppdrag sheet, a totals row, a sheet. */
export const UNREAD: UnreadCell[] = [
  { sheet: "Uppdrag", cell: "B3:B9", text: "Anteckning", reason: "column", cells: 6 },
  { sheet: "Ramjusteringar", cell: "A9:D9", text: "Summa", reason: "total", cells: 3 },
  { sheet: "Anteckningar", cell: "A1:A4", text: "Ring ekonomen", reason: "sheet", cells: 4 },
];

export function validation(findings: Finding[] = [], overrides: Partial<PaneValidation> = {}): PaneValidation {
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    plan: PLAN,
    findings,
    sheets: [
      { sheet: "Nämnder", layout: "table", kind: "committee", headerRow: 1, certainty: "sure", recognisedColumns: 3 },
      { sheet: "Mål", layout: "table", kind: "goal", headerRow: 1 },
      {
        sheet: "Uppdrag",
        layout: "table",
        kind: "assignment",
        headerRow: 2,
        certainty: "likely",
        recognisedColumns: 5,
        columns: [
          { column: "A", header: "Uppdrag", field: "name" },
          { column: "B", header: "Anteckning", field: null },
          { column: "C", header: "Ansvarig nämnd", field: "committee" },
        ],
      },
      { sheet: "Ramjusteringar", layout: "table", kind: "adjustment", headerRow: 1 },
      { sheet: "Anteckningar", layout: "ignored" },
      { sheet: "Inställningar", layout: "facts" },
      { sheet: "KS T1 2024", layout: "ignored" },
    ],
    ownSheets: ["KS T1 2024"],
    settings: DEFAULT_SETTINGS,
    unread: UNREAD,
    mergesRead: true,
    errors,
    warnings: findings.filter((f) => f.severity === "warning").length,
    ...overrides,
  };
}

export const EMPTY_WORKBOOK: PaneValidation = {
  ...validation(),
  plan: { ...PLAN, committees: [], goals: [], assignments: [], adjustments: [] },
  sheets: [{ sheet: "Blad1", layout: "ignored" }],
  ownSheets: [],
};

/** A workbook with no follow-up sheets of another period. */
export const NO_EARLIER: EarlierPeriods = { periods: [], suggested: null };

export const OUTLINE: Extract<FollowUpOutline, { ok: true }> = {
  ok: true,
  validation: validation(),
  earlier: NO_EARLIER,
  rows: [
    {
      code: "KS",
      name: "Kommunstyrelsen",
      sheet: "KS T1 2024",
      update: true,
      counts: { goal: 2, assignment: 3, adjustment: 1, keyFigure: 0 },
      answers: 2,
    },
    {
      code: "SAN",
      name: "Social- och arbetsmarknadsnämnden",
      sheet: "SAN T1 2024",
      update: false,
      counts: { goal: 1, assignment: 1, adjustment: 1, keyFigure: 2 },
      answers: 0,
    },
  ],
};

/**
 * What a regeneration found in the earlier sheets: an uppdrag split (U1 → U1a, U1b), a sheet of a nämnd since given
 * a new code, and an answer that could not be carried as it stood.
 */
export const REGENERATION_FINDINGS: FileFinding[] = [
  {
    file: "denna arbetsbok",
    sheet: "KS T1 2024",
    cell: "B31",
    severity: "warning",
    rule: "followup-answer-replaced",
    params: { title: "Förbättra kvinnors förutsättningar", id: "U1", from: "KS", to: "U1a, U1b", committees: "KS, TN" },
  },
  {
    file: "denna arbetsbok",
    sheet: "KFN T1 2024",
    cell: "A2",
    severity: "warning",
    rule: "followup-committee-recoded",
    params: { from: "KFN", to: "KUF", how: "name" },
  },
  {
    file: "denna arbetsbok",
    sheet: "SAN T1 2024",
    cell: "F40",
    severity: "error",
    rule: "followup-formula-uncomputed",
    params: {},
  },
];

export const CONSOLIDATION: Extract<ConsolidationOutline, { ok: true }> = {
  ok: true,
  followUp: { period: DEFAULT_SETTINGS.periods[0], year: 2024 },
  findings: [],
  earlier: NO_EARLIER,
  committees: [
    {
      code: "KS",
      name: "Kommunstyrelsen",
      source: "denna arbetsbok",
      answered: true,
      total: 6,
      missing: [{ kind: "assignment", title: "Förbättra kvinnors förutsättningar" }],
    },
    { code: "SAN", name: "Social- och arbetsmarknadsnämnden", source: null, answered: false, total: 5, missing: [] },
  ],
};

/** A promise the test settles by hand. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const GREEN = { label: "Uppfyllt", color: "C6EFCE" };
const YELLOW = { label: "Delvis uppfyllt", color: "FFEB9C" };

/** Måluppfyllelse after Sammanställ: a goal with a goal under it; one nämnd answered, one not. */
export const GOAL_TREE: GoalTreeView = {
  rule: "mostCommon",
  strongest: "Uppfyllt",
  levels: [
    { id: "omrade", label: "Målområde", labelEn: "Goal area" },
    { id: "kommunmal", label: "Kommunmål", labelEn: "Municipal goal" },
  ],
  goals: [
    {
      id: "O1",
      name: "Livskvalitet",
      level: "omrade",
      depth: 0,
      overall: YELLOW,
      committees: [
        { code: "KS", name: "Kommunstyrelsen", answered: true, status: YELLOW },
        { code: "SAN", name: "Social- och arbetsmarknadsnämnden", answered: false, status: null },
      ],
    },
    {
      id: "M1",
      name: "Näringsliv och tillväxt",
      level: "kommunmal",
      depth: 1,
      overall: GREEN,
      committees: [{ code: "KS", name: "Kommunstyrelsen", answered: true, status: GREEN }],
    },
  ],
};

export type FakeWorkbook = {
  [K in keyof PaneWorkbook]: jest.Mock<ReturnType<PaneWorkbook[K]>, Parameters<PaneWorkbook[K]>>;
};

/** Every method answers at once with a plausible result unless the test replaces it. */
export function fakeWorkbook(result: PaneValidation = validation(FINDINGS)): FakeWorkbook {
  const generated: GenerateOutcome =
    result.errors > 0
      ? { written: false, validation: result }
      : {
          written: true,
          sheets: ["KS T1 2024", "SAN T1 2024"],
          carried: [
            { sheet: "KS T1 2024", answers: 2 },
            { sheet: "SAN T1 2024", answers: 0 },
          ],
          findings: [],
          warnings: [],
          validation: result,
        };
  const consolidated: ConsolidateOutcome = {
    written: true,
    sheets: ["Översikt", "Måluppfyllelse", "Svar", "Saknas", "Fynd"],
    overview: "Översikt",
    committees: CONSOLIDATION.ok ? CONSOLIDATION.committees : [],
    findings: [],
    warnings: [],
    goals: GOAL_TREE,
  };
  const files: FilesRead = { workbooks: [], problems: [] };
  const exported: ExportOutcome =
    result.errors > 0
      ? { ok: false, validation: result }
      : {
          ok: true,
          files: [
            { committee: "KS", fileName: "KS-T1-2024.xlsx", data: new Uint8Array([1, 2, 3]) },
            { committee: "SAN", fileName: "SAN-T1-2024.xlsx", data: new Uint8Array([4, 5]) },
          ],
          zip: { fileName: "Uppföljning T1 2024.zip", data: new Uint8Array([6]) },
        };
  const fake = {
    validate: jest.fn(async () => result),
    outlineFollowUp: jest.fn(async (): Promise<FollowUpOutline> =>
      result.errors > 0 ? { ok: false, validation: result } : { ...OUTLINE, validation: result },
    ),
    generate: jest.fn(async () => generated),
    exportFollowUp: jest.fn(async () => exported),
    outlineConsolidation: jest.fn(async () => CONSOLIDATION),
    consolidate: jest.fn(async () => consolidated),
    chapterDocx: jest.fn(async () => ({ fileName: "Måluppfyllelse T1 2024.docx", data: new Uint8Array([80, 75]) })),
    saveSettings: jest.fn(async () => undefined),
    createTemplate: jest.fn(async () => undefined),
    goToCell: jest.fn(async () => undefined),
    markCells: jest.fn(async (cells: { sheet: string; cell: string }[]) => ({
      marked: cells.length,
      skippedSheets: [] as string[],
    })),
    clearMarks: jest.fn(async () => 2),
    readFiles: jest.fn(async () => files),
    importLedger: jest.fn(importLedgerAsThePaneDoes),
    readKolada: jest.fn((picked: File[], municipality: string | null) =>
      inThreadFiles().readKolada(picked, municipality),
    ),
  };
  return fake as unknown as FakeWorkbook;
}

/** The settings sheet's table Ansvar | Nämnd and an account left out, as a kommun keeps them (domain/ledger/settings.ts). */
export const LEDGER_SETTINGS: Grid = {
  sheet: "Inställningar",
  top: 0,
  left: 0,
  values: [
    ["Ansvar", "Nämnd"],
    ["1*", "KS"],
    ["2*", "SAN"],
    [null, null],
    ["Konto som inte räknas", "Benämning"],
    ["3811", "Kommunbidrag"],
  ],
};

/**
 * A picked export read as the pane reads it: its bytes through the files worker's handler, then summed by the core
 * against LEDGER_SETTINGS and PLAN's nämnder (the Excel part, reading the plan, is what the fake leaves out).
 */
export async function importLedgerAsThePaneDoes(file: File): Promise<LedgerOutcome> {
  const read = await inThreadFiles().readLedger(file);
  if (!read.ok) return { status: "unusable", file: read.file, problem: read.problem };
  const { settingsFindings, result } = await inThreadCore.importLedger(read.grids, [LEDGER_SETTINGS], PLAN.committees);
  const findings = [
    ...settingsFindings.map((f) => ({ ...f, file: "denna arbetsbok" })),
    ...(result.ok ? result.findings.map((f) => ({ ...f, file: read.file })) : []),
  ];
  return { status: "imported", file: read.file, result, findings };
}

/** ExcelHostError as the Excel host raises it: what went wrong, and the Office.js code behind it. */
export function hostError(problem: ExcelProblem, officeCode = "GeneralException"): ExcelHostError {
  return new ExcelHostError(problem, officeCode);
}

/** A sync of `step` that failed with the Office.js error `officeCode`, as the Excel host reports it. */
export function syncError(officeCode: string, step: ExcelStep): ExcelHostError {
  return hostError({ code: "syncFailed", officeCode, step }, officeCode);
}

/** The pane's file library without a Worker: the files worker's handler called in this thread. */
/**
 * The chapter's worker in this thread: its handler with resvg's .wasm read from the package, as the worker fetches it
 * from the pane's origin.
 */
export function inThreadChapter(): PaneChapter {
  const wasm = () => readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm"));
  // The font the pane's chapter worker fetches from the pane's origin.
  const font = async () => ({
    data: new Uint8Array(await readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"))),
    family: CHART_FONT_FAMILY,
  });
  return chapterOver((request) => handleChapterRequest(request, wasm, font));
}

export function inThreadFiles(): PaneFiles {
  let id = 0;
  return {
    async readFiles(files) {
      const response = await handleFilesRequest({
        id: ++id,
        kind: "read",
        files: await Promise.all(
          files.map(async (f) => ({ name: f.name, data: await f.arrayBuffer(), lastModified: f.lastModified || null })),
        ),
      });
      if (response.kind !== "read") throw new Error(JSON.stringify(response));
      return { workbooks: response.workbooks, problems: response.problems };
    },
    async writeWorkbooks(workbooks, zipName) {
      const response = await handleFilesRequest({ id: ++id, kind: "write", workbooks, zipName });
      if (response.kind !== "write") throw new Error(JSON.stringify(response));
      return { files: response.files, zip: response.zip };
    },
    async readLedger(file) {
      const response = await handleFilesRequest({
        id: ++id,
        kind: "ledger",
        name: file.name,
        data: await file.arrayBuffer(),
      });
      if (response.kind !== "ledger") throw new Error(JSON.stringify(response));
      return response.read;
    },
    async readKolada(picked, municipality) {
      const response = await handleFilesRequest({
        id: ++id,
        kind: "kolada",
        files: await Promise.all(picked.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() }))),
        municipality,
      });
      if (response.kind !== "kolada") throw new Error(JSON.stringify(response));
      return response.read;
    },
  };
}
