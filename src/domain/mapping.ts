import { AmountUnit } from "./amounts";
import { FieldName, ROW_KINDS, RowKind, isFieldName } from "./raw";

/**
 * A saved mapping: which sheet, header row and column is what. It overrides detection sheet by sheet;
 * sheets it does not name are still detected. The CLI reads it from `--mapping m.json`
 * (schema: docs/schemas/mapping.schema.json); the add-in keeps it in Måltavlan's state sheet.
 */
/** What a mapping reads a column as: a field, or "ignore" for a column read as nothing even where its header says otherwise. */
export type ColumnMapping = FieldName | "ignore";

export interface SheetMapping {
  /** What the sheet is read as (SHEET_KINDS). */
  kind: SheetKind;
  /** 1-based row number of the header row, as Excel shows it. */
  headerRow?: number;
  /** Column letter → field, or "ignore" to leave it unread. Columns not listed are detected from their headers. */
  columns?: Record<string, ColumnMapping>;
  /** Level id for every goal on the sheet ("namndmal"), when the sheet holds one level. */
  level?: string;
  amountUnit?: AmountUnit;
}

export interface Mapping {
  sheets?: Record<string, SheetMapping>;
  /** Budget year first, then plan years. */
  years?: number[];
  /**
   * Whether a ram block's "Ram föregående år" already holds last year's tillfälliga ramjusteringar, where the plan's
   * own arithmetic does not show it (ram reconciliation).
   */
  previousRamHoldsTemporary?: boolean;
}

/**
 * What a mapping may call a sheet: a kind of row, or "pasted" (the pasted budget document), "export" (a goal-management
 * system's export, whose type column says what each row is) or "ignore" (not read). The one list: the mapping's
 * check and the Koppla step's choices use it.
 */
export const SHEET_KINDS = [...ROW_KINDS, "pasted", "export", "ignore"] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const isSheetKind = (value: unknown): value is SheetKind => (SHEET_KINDS as readonly unknown[]).includes(value);

/**
 * The fields a row of each kind has: what the resolver (resolve.ts) reads of it, and "comment", which any table may
 * hold beside its rows. Koppla offers a sheet's columns these fields only.
 */
export const FIELDS_BY_KIND: Record<RowKind, readonly FieldName[]> = {
  committee: ["id", "name", "kind", "comment"],
  goal: ["id", "level", "name", "parent", "committee", "target", "comment"],
  assignment: ["id", "name", "clarification", "parent", "committee", "origin", "year", "comment"],
  adjustment: ["id", "name", "committee", "year", "amount", "direction", "duration", "assignment", "comment"],
  keyFigure: ["id", "name", "kolada", "parent", "target", "unit", "comment"],
};
/** A table sheet's corrections in Koppla: its header row and what its columns are read as. */
export interface SheetCorrection {
  headerRow?: number;
  columns?: Record<string, ColumnMapping>;
}

/**
 * The saved mapping after the user's choices in Koppla: each chosen kind replaces the sheet's entry; a corrected header
 * row or column keeps the sheet's kind (chosen, saved, or as `detected` read it) and adds to its columns. Only a
 * table has a header row and columns: for a sheet read as ignored, pasted or an export, corrections are dropped.
 * `previousRamHoldsTemporary`, when chosen, replaces the saved answer.
 */
export function correctedMapping(
  mapping: Mapping,
  kinds: Record<string, SheetKind>,
  corrections: Record<string, SheetCorrection>,
  detected: (sheet: string) => string | undefined,
  previousRamHoldsTemporary?: boolean,
): Mapping {
  const sheets: Record<string, SheetMapping> = { ...mapping.sheets };
  for (const [sheet, kind] of Object.entries(kinds)) sheets[sheet] = { kind };
  for (const [sheet, { headerRow, columns }] of Object.entries(corrections)) {
    const kind = sheets[sheet]?.kind ?? detected(sheet);
    if (!isSheetKind(kind) || kind === "ignore" || kind === "pasted" || kind === "export") continue;
    sheets[sheet] = {
      ...sheets[sheet],
      kind,
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(columns ? { columns: { ...sheets[sheet]?.columns, ...columns } } : {}),
    };
  }
  return { ...mapping, sheets, ...(previousRamHoldsTemporary !== undefined ? { previousRamHoldsTemporary } : {}) };
}

/** The units a mapping may give a sheet's amounts in. */
export const MAPPING_UNITS: readonly AmountUnit[] = ["kr", "tkr", "mnkr", "mdkr"];

/** What is wrong in a mapping read from JSON, where (the sheet, key or column), for the shells to say (i18n/mapping.ts). */
export type MappingProblem =
  | { code: "notObject" }
  | { code: "unknownKey"; key: string }
  | { code: "years" }
  | { code: "previousRamHoldsTemporary" }
  | { code: "sheetsNotObject" }
  | { code: "sheetNotObject"; sheet: string }
  | { code: "sheetUnknownKey"; sheet: string; key: string }
  | { code: "kind"; sheet: string }
  | { code: "headerRow"; sheet: string }
  | { code: "level"; sheet: string }
  | { code: "amountUnit"; sheet: string }
  | { code: "columnsNotObject"; sheet: string }
  | { code: "columnLetter"; sheet: string; column: string }
  | { code: "unknownField"; sheet: string; column: string; field: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a mapping read from JSON against docs/schemas/mapping.schema.json (a test keeps the two in step) and says
 * what is wrong, so a hand-edited mapping never silently changes how a plan is read.
 */
export function mappingProblems(json: unknown): MappingProblem[] {
  if (!isObject(json)) return [{ code: "notObject" }];
  const problems: MappingProblem[] = [];
  for (const key of Object.keys(json)) {
    if (!["sheets", "years", "previousRamHoldsTemporary"].includes(key)) problems.push({ code: "unknownKey", key });
  }
  const { years, sheets, previousRamHoldsTemporary } = json;
  if (previousRamHoldsTemporary !== undefined && typeof previousRamHoldsTemporary !== "boolean") {
    problems.push({ code: "previousRamHoldsTemporary" });
  }
  if (years !== undefined) {
    if (!Array.isArray(years) || years.some((y) => !Number.isInteger(y) || y < 1900 || y > 2199)) {
      problems.push({ code: "years" });
    }
  }
  if (sheets === undefined) return problems;
  if (!isObject(sheets)) return [...problems, { code: "sheetsNotObject" }];
  for (const [sheet, entry] of Object.entries(sheets)) {
    if (!isObject(entry)) {
      problems.push({ code: "sheetNotObject", sheet });
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (!["kind", "headerRow", "columns", "level", "amountUnit"].includes(key)) {
        problems.push({ code: "sheetUnknownKey", sheet, key });
      }
    }
    if (!isSheetKind(entry.kind)) problems.push({ code: "kind", sheet });
    if (entry.headerRow !== undefined && (!Number.isInteger(entry.headerRow) || (entry.headerRow as number) < 1)) {
      problems.push({ code: "headerRow", sheet });
    }
    if (entry.level !== undefined && typeof entry.level !== "string") problems.push({ code: "level", sheet });
    if (entry.amountUnit !== undefined && !(MAPPING_UNITS as readonly unknown[]).includes(entry.amountUnit)) {
      problems.push({ code: "amountUnit", sheet });
    }
    if (entry.columns !== undefined) {
      if (!isObject(entry.columns)) {
        problems.push({ code: "columnsNotObject", sheet });
        continue;
      }
      for (const [column, field] of Object.entries(entry.columns)) {
        if (!/^[A-Z]{1,3}$/.test(column)) problems.push({ code: "columnLetter", sheet, column });
        if (!isFieldName(field) && field !== "ignore") {
          problems.push({ code: "unknownField", sheet, column, field: String(field) });
        }
      }
    }
  }
  return problems;
}
