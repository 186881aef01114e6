import { CellValue, Grid, cellText, isFilled } from "../../sheet/grid";
import { looksLikeCommitteeList } from "../adjustmentLine";
import { GoalLevel, isRelativeLevelWord, levelByName, levelBelow as nextLevel } from "../model";
import { CellRow, RawCell, RowKind } from "../raw";
import { normalizeName } from "../text";
import { COUNCIL } from "../vocabulary";
import { TableAccount, UnreadReason } from "../unread";
import { HEADER_SYNONYMS, headerRole } from "./headers";

/**
 * Layout: what a goal-management system gives from "Exportera till Excel". One flat sheet, one row per object, and a
 * type column that decides what each row is:
 *
 *   ID  | Typ            | Namn                    | Överordnat ID | Organisation    | Ansvarig       | Status | …
 *   F1  | Fokusmål       | Uppsala ska säkra …     |               | Kommunstyrelsen | Kommundirektör | Aktiv
 *   F1a | Målbeskrivning |     Ekonomisk hållbarhet | F1           | Kommunstyrelsen | …                       → not an item
 *   F1  | Fokusmål       | Uppsala ska säkra …     |               | Äldrenämnden    | …     → the same goal, once
 *   U3  | Uppdrag        | Utred …                 | F1            | Omsorgsnämnden  | …     → an uppdrag of that nämnd
 *   I1  | Indikator      | Andel cykelresor …      |               | Kommunstyrelsen | …     → a nyckeltal
 *
 * An object repeated once per responsible unit is one object (by its ID, else by type and name); its units are its
 * nämnder. The hierarchy comes from the parent-ID column (indentation only shows it). Status, dates, people and system
 * columns are not part of the plan and are listed as not read.
 */

/** Type values that are no goal level but say what a row is. */
const ASSIGNMENT_TYPES = new Set(HEADER_SYNONYMS.assignmentWord);
const KEY_FIGURE_TYPES = new Set(HEADER_SYNONYMS.keyFigureWord);
/** A goal whose level the type does not name ("Mål"): its level follows from what it hangs under. */
const GOAL_TYPES = new Set(HEADER_SYNONYMS.goalWord);

/** Headers of the column that names the responsible unit, best first: "Ansvarig" is often a person in an export. */
const UNIT_HEADERS = ["organisation", "organisationsenhet", "ansvarig enhet", "enhet/nämnd", "nämnd", "förvaltning"];

/** How far down the type column is sampled to tell an export (a 20 000-row export need not be read twice). */
const SAMPLE = 200;
/** The share of sampled rows whose type names a kind the plan holds, for the sheet to be taken as an export. */
const KNOWN_SHARE = 0.3;

interface Columns {
  id?: number;
  type: number;
  name: number;
  parent?: number;
  unit?: number;
}

export interface ExportSheet {
  rows: CellRow[];
  headerRow: number;
  account: TableAccount;
}

/** A goal's level as its type names it; `relative` when the word names the level below its parent ("Delmål"). */
type TypeReading =
  { kind: "goal"; level?: GoalLevel; relative?: boolean } | { kind: "assignment" | "keyFigure" } | null;

function readType(value: CellValue, levels: GoalLevel[]): TypeReading {
  const text = normalizeName(cellText(value));
  if (!text) return null;
  const level = levelByName(levels, text);
  if (level) return { kind: "goal", level, relative: isRelativeLevelWord(text) };
  if (GOAL_TYPES.has(text)) return { kind: "goal" };
  if (ASSIGNMENT_TYPES.has(text)) return { kind: "assignment" };
  if (KEY_FIGURE_TYPES.has(text)) return { kind: "keyFigure" };
  return null;
}

/** The header row and columns of an export: a type column whose values mostly name a kind, and a name column. */
function findColumns(grid: Grid, levels: GoalLevel[]): { headerRow: number; columns: Columns } | null {
  for (let i = 0; i < Math.min(grid.values.length, 10); i++) {
    const roles = new Map<string, number>();
    grid.values[i].forEach((value, j) => {
      const text = normalizeName(cellText(value));
      const role = headerRole(cellText(value))?.role;
      const col = grid.left + j;
      // "Typ", not "Nivå": a sheet of goals with a level column is a table of goals, not an export.
      if (role === "typ") roles.set("type", roles.get("type") ?? col);
      else if (role === "name") roles.set("name", roles.get("name") ?? col);
      else if (role === "id") roles.set("id", roles.get("id") ?? col);
      else if (role === "parent" || /^(överordnat|förälder|parent)[ -]?id$/.test(text)) roles.set("parent", col);
      if (UNIT_HEADERS.includes(text)) roles.set("unit", Math.min(roles.get("unit") ?? col, col));
      else if (role === "committee" && !roles.has("committeeWord")) roles.set("committeeWord", col);
    });
    const type = roles.get("type");
    const name = roles.get("name");
    if (type === undefined || name === undefined) continue;
    const headerRow = grid.top + i;
    const sample = grid.values
      .slice(i + 1, i + 1 + SAMPLE)
      .map((row) => row[type - grid.left])
      .filter(isFilled);
    // An export mixes kinds of object (goals of two levels, goals and nyckeltal …); a "Typ" column of one kind is a
    // table's own column (Ramökning | Ramminskning, Fullmäktige | Nämnd).
    const readings = sample.map((value) => readType(value, levels)).filter((reading) => reading !== null);
    const kinds = new Set(
      readings.map((reading) => (reading.kind === "goal" ? `goal|${reading.level?.id}` : reading.kind)),
    );
    if (kinds.size < 2 || readings.length < sample.length * KNOWN_SHARE) continue;
    const unit = roles.get("unit") ?? committeeColumn(grid, i, roles.get("committeeWord"));
    return {
      headerRow,
      columns: { id: roles.get("id"), type, name, parent: roles.get("parent"), unit },
    };
  }
  return null;
}

/** A "Nämnd"/"Ansvarig" column is the unit only when it holds nämnder, not people ("Kommundirektör"). */
function committeeColumn(grid: Grid, headerIndex: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const values = grid.values
    .slice(headerIndex + 1, headerIndex + 1 + SAMPLE)
    .map((row) => cellText(row[col - grid.left] ?? null).trim())
    .filter(Boolean);
  return values.length && values.filter(looksLikeCommitteeList).length * 2 >= values.length ? col : undefined;
}

/** Reads a goal-system export into raw rows; null when the sheet is not one. */
export function readExport(grid: Grid, levels: GoalLevel[]): ExportSheet | null {
  const found = findColumns(grid, levels);
  if (!found) return null;
  const { headerRow, columns } = found;
  const cell = (row: number, col: number | undefined): RawCell | undefined => {
    if (col === undefined) return undefined;
    const value = grid.values[row - grid.top]?.[col - grid.left];
    return isFilled(value) ? { value: value as CellValue, ref: { sheet: grid.sheet, row, col } } : undefined;
  };
  const skippedRows = new Map<number, UnreadReason>();
  /** Objects by ID (else type and name), in the order first met; a repeat adds its unit. */
  const objects = new Map<string, { row: number; type: NonNullable<TypeReading>; units: RawCell[] }>();
  const levelOfId = new Map<string, GoalLevel | undefined>();
  const units = new Map<string, RawCell>();
  for (let row = headerRow + 1; row < grid.top + grid.values.length; row++) {
    const type = cell(row, columns.type);
    const name = cell(row, columns.name);
    if (!type && !name) continue;
    const reading = type ? readType(type.value, levels) : null;
    if (!reading || !name) {
      skippedRows.set(row, "otherKind");
      continue;
    }
    const id = cell(row, columns.id);
    const key = id ? `id|${cellText(id.value).trim()}` : `${reading.kind}|${normalizeName(cellText(name.value))}`;
    // The council gives goals but is no nämnd: a row of its own is the kommun's, with no unit.
    const unit = councilOrUnit(cell(row, columns.unit));
    if (unit) units.set(normalizeName(cellText(unit.value)), units.get(normalizeName(cellText(unit.value))) ?? unit);
    const object = objects.get(key);
    if (object) {
      if (unit) object.units.push(unit);
      continue;
    }
    objects.set(key, { row, type: reading, units: unit ? [unit] : [] });
    if (id && reading.kind === "goal") levelOfId.set(cellText(id.value).trim(), reading.level);
  }
  const rows: CellRow[] = [...units.values()].map((unit) => ({
    kind: "committee" as RowKind,
    ref: unit.ref,
    fields: { name: unit },
  }));
  for (const { row, type, units: objectUnits } of objects.values()) {
    const name = cell(row, columns.name) as RawCell;
    const parent = cell(row, columns.parent);
    const fields: CellRow["fields"] = { name, id: cell(row, columns.id), parent };
    const committee = committeeCell(objectUnits);
    if (type.kind === "goal") {
      const parentLevel = parent && levelOfId.get(cellText(parent.value).trim());
      const level =
        (type.relative && parentLevel && nextLevel(levels, parentLevel.id)) ||
        type.level ||
        levelBelow(levels, parentLevel);
      const id = fields.id && cellText(fields.id.value).trim();
      if (id) levelOfId.set(id, level);
      // A goal of the council's levels is the kommun's, whichever units it is repeated for; a nämnd's goal is its own.
      if (level.id === levels[levels.length - 1].id) fields.committee = committee;
      rows.push({ kind: "goal", ref: name.ref, fields, levelHint: level.id });
    } else {
      if (type.kind === "assignment") fields.committee = committee;
      rows.push({ kind: type.kind, ref: name.ref, fields });
    }
  }
  const readColumns = new Set(
    [columns.id, columns.type, columns.name, columns.parent, columns.unit].filter((c): c is number => c !== undefined),
  );
  return { rows, headerRow, account: { headerRow, readColumns, skippedRows, readTitles: [] } };
}

function councilOrUnit(unit: RawCell | undefined): RawCell | undefined {
  return unit && !COUNCIL.test(cellText(unit.value).trim()) ? unit : undefined;
}

/** The units an object is repeated for, as one list cell at the first ("Kommunstyrelsen, Äldrenämnden"). */
function committeeCell(units: RawCell[]): RawCell | undefined {
  if (units.length === 0) return undefined;
  const names = [...new Set(units.map((unit) => cellText(unit.value).trim()))];
  return { value: names.join("; "), ref: units[0].ref };
}

/** A goal that only says "Mål": one level below the goal it hangs under, else the kommun's goals. */
function levelBelow(levels: GoalLevel[], parent: GoalLevel | undefined): GoalLevel {
  const kommunmal = levels.find((level) => level.id === "kommunmal") ?? levels[Math.min(2, levels.length - 1)];
  if (!parent) return kommunmal;
  return levels[Math.min(levels.indexOf(parent) + 1, levels.length - 1)];
}
