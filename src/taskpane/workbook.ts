/**
 * What the pane's steps ask of the open workbook, as one interface: the real one (excelWorkbook.ts) wraps
 * `Excel.run` and the Excel host's jobs with the core in a Web Worker; tests pass a fake. Everything returned is
 * plain data the steps render; nothing here touches Office.
 */
import type { FileFinding, Finding } from "../domain/findings";
import type { ConsolidationFinding } from "../domain/followup/consolidate";
import type { PlanRowKind } from "../domain/followup/model";
import type { Mapping, SheetCorrection } from "../domain/mapping";
import type { Plan } from "../domain/model";
import type { ReadResult } from "../domain/readPlan";
import type { Period, Settings } from "../domain/settings";
import type { UnreadCell } from "../domain/unread";
import type { FileProblem, WriteWarning } from "../sheet/hostProblems";
import type { Language } from "../i18n/findings";
import type { Grid } from "../sheet/grid";
import type { FollowUpOutlineRow } from "../hosts/followUpOutline";
import type { LedgerEncoding } from "../hosts/ledger/readLedger";
import type { KoladaRead } from "../domain/kolada/model";
import type { KoladaOutcome } from "../domain/kolada/match";
import type { LedgerImport } from "../domain/ledger/import";
import type { GoalTreeView } from "../domain/followup/goalTree";
import type { EarlierPeriods, HeldPeriod } from "../hosts/previousPeriods";

export type { EarlierPeriods, FollowUpOutlineRow, HeldPeriod };

/** The name the follow-up sheets' markers and the report give this workbook (Office.js 1.7 cannot read its name). */
export const PLAN_NAME = "denna arbetsbok";

/** The plan as read from the open workbook, with its findings (errors first) and how each sheet was read. */
export interface PaneValidation {
  plan: Plan;
  findings: Finding[];
  sheets: ReadResult["sheets"];
  /** Måltavlan's own sheets (follow-up, report, lists, state): not the user's to map. */
  ownSheets: string[];
  settings: Settings;
  /** What the reader passed over, with why (the CLI's "Ej läst"): Koppla lists it per sheet. */
  unread: UnreadCell[];
  /**
   * Whether Excel gave the merged cells (ExcelApi 1.13): without them a nämnd or goal merged down over several rows
   * belongs only to its first row, and Koppla says so.
   */
  mergesRead: boolean;
  errors: number;
  warnings: number;
}

/** The earlier period the user compares with: its answers are shown beside the new input, or in the report's Förändring. */
export interface PreviousChoice {
  /** A period whose follow-up sheets this workbook holds; null: none of this workbook's. */
  period: HeldPeriod | null;
  /** Returned workbooks of that period read in the pane: their answers win over this workbook's. */
  files: ReturnedWorkbook[];
}

export interface FollowUpChoice {
  period: Period;
  year: number;
  /** ISO date (yyyy-mm-dd) or null. */
  due: string | null;
  /** The sheets' protection password, asked for in the pane for this run only: never stored. */
  password?: string;
  /** Net cost per nämnd (öre, the year so far) from a ledger export picked in the pane: the sheets' Utfall hittills. */
  ledgerOutcomes?: ReadonlyMap<string, number>;
  /** Nyckeltal outcomes by Kolada ID from Kolada files picked in the pane: the sheets' Utfall of each nyckeltal. */
  koladaOutcomes?: ReadonlyMap<string, KoladaOutcome>;
  /** The earlier period shown beside the new input; absent or nothing chosen: none. */
  previous?: PreviousChoice;
}

export type FollowUpOutline =
  | {
      ok: true;
      rows: FollowUpOutlineRow[];
      validation: PaneValidation;
      /** The periods this workbook holds other than the chosen one, to compare with. */
      earlier: EarlierPeriods;
    }
  | { ok: false; validation: PaneValidation };

export type GenerateOutcome =
  | {
      written: true;
      sheets: string[];
      /** Per sheet written, how many answers given before were carried into it. */
      carried: { sheet: string; answers: number }[];
      /**
       * What reading the earlier sheets found (a nämnd recoded, a row moved, split or merged, a cell that could not
       * be carried as it stood), at their cells as they stood before this write replaced them.
       */
      findings: FileFinding[];
      warnings: WriteWarning[];
      validation: PaneValidation;
    }
  | { written: false; validation: PaneValidation };

/** A returned workbook read in the pane. */
export interface ReturnedWorkbook {
  file: string;
  grids: Grid[];
  modified: Date | null;
}

/** A picked file that cannot be used, and why (the pane says it in its language). */
export interface UnusableFile {
  file: string;
  problem: FileProblem;
}

export interface FilesRead {
  workbooks: ReturnedWorkbook[];
  problems: UnusableFile[];
}

/** Workbooks built in the pane: one .xlsx per nämnd, and all of them in one .zip. */
export interface FilesWritten {
  files: { committee: string; fileName: string; data: Uint8Array }[];
  zip: { fileName: string; data: Uint8Array };
}

/** A ledger export's bytes read into grids (in the files worker), or why the file cannot be used. */
export type LedgerFileRead =
  | { ok: true; file: string; grids: Grid[]; encoding: LedgerEncoding }
  | { ok: false; file: string; problem: FileProblem };

/**
 * A ledger export summed per nämnd by the plan's settings (the CLI's `generate --utfall`): the summary, or that the
 * file has no ledger header (`result.ok` false); with the findings of the export (at its cells) and of the settings'
 * tables (in this workbook). Or the file cannot be used, or the plan has errors: then nothing is summed.
 */
export type LedgerOutcome =
  | { status: "imported"; file: string; result: LedgerImport; findings: FileFinding[] }
  | { status: "unusable"; file: string; problem: FileProblem }
  | { status: "planErrors"; file: string; validation: PaneValidation };

export type ExportOutcome = ({ ok: true } & FilesWritten) | { ok: false; validation: PaneValidation };

/** What is missing for one nämnd. */
export interface MissingPerCommittee {
  code: string;
  name: string | null;
  /** Where its sheet was found; null when nothing was found for it. */
  source: string | null;
  /** Something is typed on that sheet: a follow-up sheet with nothing typed is no answer. */
  answered: boolean;
  total: number;
  missing: { kind: PlanRowKind; title: string }[];
}

export interface ConsolidationRequest {
  returned: ReturnedWorkbook[];
  language: Language;
  /** The earlier period the report's Förändring sheet compares with (the outline does not read it). */
  previous?: PreviousChoice;
}

export type ConsolidationOutline =
  | {
      ok: true;
      /** The follow-up being consolidated (the latest found); null when no follow-up sheet was found at all. */
      followUp: { period: Period; year: number } | null;
      committees: MissingPerCommittee[];
      findings: ConsolidationFinding[];
      /** The periods this workbook holds other than the one consolidated, to compare with. */
      earlier: EarlierPeriods;
    }
  | { ok: false; validation: PaneValidation };

export type ConsolidateOutcome =
  | {
      written: true;
      sheets: string[];
      /** The report's overview sheet, to go to. */
      overview: string;
      committees: MissingPerCommittee[];
      findings: ConsolidationFinding[];
      warnings: WriteWarning[];
      /** Måluppfyllelse down the goal tree, as the pane shows it (only what the tree needs). */
      goals: GoalTreeView | null;
    }
  | { written: false; validation: PaneValidation };

/** A file built in the pane for the user to save. */
export interface SavedFile {
  fileName: string;
  data: Uint8Array;
}

export interface PaneWorkbook {
  /** Reads the open workbook and validates the plan (with the saved mapping, or `mapping` when given). */
  validate(mapping?: Mapping): Promise<PaneValidation>;
  /** Which follow-up sheets a generate would write: nothing is written. */
  outlineFollowUp(choice: FollowUpChoice): Promise<FollowUpOutline>;
  generate(choice: FollowUpChoice): Promise<GenerateOutcome>;
  /** One workbook per nämnd with its follow-up sheet (answers in this workbook carried over): nothing is written here. */
  exportFollowUp(choice: FollowUpChoice): Promise<ExportOutcome>;
  /** What the answers hold so far (this workbook's follow-up sheets and the returned workbooks): nothing is written. */
  outlineConsolidation(request: ConsolidationRequest): Promise<ConsolidationOutline>;
  consolidate(request: ConsolidationRequest): Promise<ConsolidateOutcome>;
  /** The måluppfyllelse chapter of the last consolidate as a Word document (as `maltavlan consolidate --docx`). */
  chapterDocx(): Promise<SavedFile>;
  saveSettings(settings: Settings): Promise<void>;
  createTemplate(): Promise<void>;
  goToCell(sheet: string, cell: string): Promise<void>;
  /** Marks the findings' cells in the sheets (removable again); protected sheets are skipped and named. */
  markCells(cells: { sheet: string; cell: string }[]): Promise<{ marked: number; skippedSheets: string[] }>;
  /** Removes Måltavlan's marks from `sheets`; returns how many there were. */
  clearMarks(sheets: string[]): Promise<number>;
  /** Reads returned .xlsx files in the pane (the file library loads on first use). */
  readFiles(files: File[]): Promise<FilesRead>;
  /** Reads a ledger export (in the files worker) and sums it per nämnd by the plan's settings: nothing is written. */
  importLedger(file: File): Promise<LedgerOutcome>;
  /** Reads Kolada files (in the files worker) for one kommun: nothing is fetched, nothing is written. */
  readKolada(files: File[], municipality: string | null): Promise<KoladaRead>;
}

/** Told when a step got a fresher validation (with an outline or a write). */
export type ValidationListener = (validation: PaneValidation) => void;

export type CorrectionListener = (sheet: string, correction: SheetCorrection) => void;
