import { CellValue, Grid, cellText, columnIndex, valueAt } from "../../sheet/grid";
import { AmountUnit, unitFromHeader } from "../amounts";
import type { ColumnMapping } from "../mapping";
import { GoalLevel, levelByName } from "../model";
import { FieldName, RowKind, isFieldName } from "../raw";
import { normalizeName } from "../text";

/**
 * A table's header row: where it stands (title rows above it are normal), what each header says by the synonyms users
 * write (domain.md), in Swedish or English, and which field each column is read as once the sheet's kind is known.
 */

/** What a header says, before the sheet's kind decides which field it is ("Mål" is a name or a link). */
export type HeaderRole =
  | FieldName
  | "code"
  | "goalWord"
  | "assignmentWord"
  | "keyFigureWord"
  | "description"
  | "typ"
  | "levelOrTarget"
  | "assignmentLink";

/** Exported for the fuzz tests, which put real headers in odd places. */
export const HEADER_SYNONYMS: Record<HeaderRole, string[]> = {
  id: ["id", "nr", "nummer", "id-nr", "idnr", "ref", "referens", "löpnummer", "no", "number"],
  code: ["förkortning", "förk", "förkortn", "kod", "code", "abbreviation", "abbr"],
  level: ["nivå", "typ av mål", "level", "goal level"],
  levelOrTarget: ["målnivå"],
  name: ["namn", "benämning", "rubrik", "titel", "name", "title"],
  goalWord: ["mål", "goal", "målformulering"],
  assignmentWord: ["uppdrag", "assignment"],
  keyFigureWord: ["nyckeltal", "indikator", "mått", "mätetal", "mätmetod", "key figure", "kpi name", "indicator"],
  description: ["beskrivning", "description"],
  parent: [
    "överordnat",
    "överordnat mål",
    "tillhör",
    "bidrar till",
    "kopplat mål",
    "kopplade mål",
    "koppling",
    "koppling till mål",
    "kopplat till",
    "kopplat till mål",
    "parent",
    "parent goal",
    "linked goal",
    "linked goals",
    "belongs to",
    "contributes to",
  ],
  clarification: ["förtydligande", "förtydligande av uppdrag", "clarification"],
  comment: ["kommentar", "kommentarer", "notering", "anmärkning", "comment", "note"],
  committee: [
    "nämnd",
    "nämnder",
    "ansvarig nämnd",
    "ansvariga nämnder",
    "ansvar",
    "ansvarig",
    "utförare",
    "nämnd/bolag",
    "nämnd/styrelse",
    "styrelse/nämnd",
    "committee",
    "responsible",
    "responsible committee",
  ],
  amount: ["belopp", "budget", "ram", "ramjustering", "tkr", "mnkr", "mkr", "kr", "amount", "frame adjustment"],
  year: ["år", "budgetår", "avser år", "year", "budget year"],
  duration: ["varaktighet", "varaktig", "engångs", "tillfällig", "duration", "permanent"],
  typ: ["typ", "type", "kind", "objekttyp", "object type"],
  origin: ["beslutad av", "uppdragsgivare", "ursprung", "origin", "decided by"],
  target: ["målvärde", "target", "target value"],
  unit: ["enhet", "unit"],
  kolada: ["kolada-id", "kolada id", "kolada", "kpi", "kpi-id", "kpi id", "nyckeltals-id", "nyckeltal-id"],
  assignmentLink: ["kopplat uppdrag", "uppdrags-id", "uppdrag-id", "linked assignment"],
  // Fields only a kind gives: never matched from a header directly.
  direction: [],
  kind: [],
  assignment: [],
};

const ROLE_BY_HEADER = new Map<string, HeaderRole>(
  Object.entries(HEADER_SYNONYMS).flatMap(([role, names]) => names.map((name) => [name, role as HeaderRole])),
);

export interface HeaderCell {
  col: number;
  role: HeaderRole;
  /** What the header says in brackets: "Typ (Varaktig/Tillfällig)" → "varaktig/tillfällig". */
  hint: string;
  unit: AmountUnit | null;
}

/** The role a header cell plays, or null when it is not a header Måltavlan knows. */
export function headerRole(text: string): { role: HeaderRole; hint: string } | null {
  const normal = normalizeName(text);
  if (!normal || normal.length > 40) return null;
  if (/^mål \d{4}$/.test(normal)) return { role: "target", hint: "" };
  const hint = /\(([^)]*)\)/.exec(normal)?.[1] ?? "";
  const bare = normal
    .replace(/\([^)]*\)/g, " ")
    .replace(/\b\d{4}\b/g, " ")
    .replace(/[*:]/g, " ")
    .replace(/\s+(tkr|mnkr|mkr|kr|sek|ksek|msek)$/, "")
    .replace(/\s+/g, " ")
    .trim();
  const role = ROLE_BY_HEADER.get(bare) ?? combinedRole(bare) ?? abbreviatedRole(text, bare);
  return role ? { role, hint } : null;
}

/** "Varaktig/tillfällig", "Nämnd/förvaltning": a header of two words, read as the one role its known words share. */
function combinedRole(bare: string): HeaderRole | null {
  if (!bare.includes("/")) return null;
  const roles = new Set(bare.split("/").flatMap((part) => ROLE_BY_HEADER.get(part.trim()) ?? []));
  return roles.size === 1 ? [...roles][0] : null;
}

/** "Förk.", "Ansv.": an abbreviated header, read as the one role of the headers it can stand for. */
function abbreviatedRole(text: string, bare: string): HeaderRole | null {
  if (!/\p{L}\.$/u.test(text.trim()) || bare.length < 3) return null;
  const roles = new Set<HeaderRole>();
  for (const [name, role] of ROLE_BY_HEADER) if (name.startsWith(bare)) roles.add(role);
  return roles.size === 1 ? [...roles][0] : null;
}

const HEADER_SCAN_ROWS = 30;

/**
 * The row (sheet coordinates) whose cells read most like headers (known headers, and with `levels` the names of goal
 * levels). Two make a header row; one is enough on a sheet whose name already says what it holds ("Vision" with
 * just "Benämning").
 */
export function findHeaderRow(grid: Grid, minHeaders = 2, levels: GoalLevel[] = []): number | null {
  let best: { row: number; count: number } | null = null;
  const last = Math.min(grid.top + grid.values.length, grid.top + HEADER_SCAN_ROWS);
  const isHeader = (v: CellValue) =>
    typeof v === "string" && (headerRole(v) !== null || levelByName(levels, v) !== null);
  // A figure that is not a year (a year heads its column: "2025"): a row with as many of them as headers is data.
  const isFigure = (v: CellValue) => typeof v === "number" && !(Number.isInteger(v) && v >= 1900 && v < 2200);
  for (let row = grid.top; row < last; row++) {
    const cells = grid.values[row - grid.top] ?? [];
    const count = cells.filter(isHeader).length;
    if (count < minHeaders || cells.filter(isFigure).length >= count) continue;
    if (!best || count > best.count) best = { row, count };
  }
  return best?.row ?? null;
}

/** A year as a header writes it: 2023, "2023". */
function isYear(value: CellValue): boolean {
  const year = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return Number.isInteger(year) && year >= 1900 && year < 2200;
}

/**
 * The second row of a header written over two rows ("Utfall" merged over "2021 | 2022", "Målvärde" over "2023"): the
 * row just below the header when all it holds is years. Null when there is none.
 */
export function headerContinuation(grid: Grid, headerRow: number): number | null {
  const values = grid.values[headerRow + 1 - grid.top];
  if (!values) return null;
  const filled = values.filter((value) => value !== null && value !== undefined && cellText(value).trim() !== "");
  return filled.length > 0 && filled.every(isYear) ? headerRow + 1 : null;
}

/**
 * Whether the sheet has a table's header row: headers a pasted budget page does not have ("Ansvarig nämnd", "År"),
 * beside its own "Uppdrag" and "Förtydligande". Such a sheet is a table even with document headings in it.
 */
export function hasTableHeaders(grid: Grid): boolean {
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) return false;
  const pageHeaders: HeaderRole[] = ["assignmentWord", "clarification", "description", "name"];
  return readHeaders(grid, headerRow, {}).some((header) => !pageHeaders.includes(header.role));
}

/** The header row's known headers, with the mapping's columns in place of what their headers say ("ignore" drops one). */
export function readHeaders(grid: Grid, headerRow: number, overrides: Record<string, ColumnMapping>): HeaderCell[] {
  const cells = grid.values[headerRow - grid.top] ?? [];
  const headers: HeaderCell[] = [];
  cells.forEach((value, i) => {
    const col = grid.left + i;
    const text = cellText(value);
    const found = headerRole(text);
    if (found) headers.push({ col, role: found.role, hint: found.hint, unit: unitFromHeader(text) });
  });
  for (const [letter, field] of Object.entries(overrides)) {
    const col = columnIndex(letter);
    const text = cellText(valueAt(grid, headerRow, col));
    const at = headers.findIndex((h) => h.col === col);
    if (field === "ignore") {
      if (at >= 0) headers.splice(at, 1);
      continue;
    }
    const header = { col, role: field, hint: "", unit: unitFromHeader(text) };
    if (at >= 0) headers[at] = header;
    else headers.push(header);
  }
  return headers.sort((a, b) => a.col - b.col);
}

/** The kind a sheet name announces, and the level when the sheet holds one ("Nämndmål"). */
export function kindFromSheetName(name: string, levels: GoalLevel[]): { kind: RowKind; level?: string } | null {
  const level = levelByName(levels, name);
  if (level) return { kind: "goal", level: level.id };
  const normal = normalizeName(name);
  if (/nämnder|bolag|organisation|register|committees/.test(normal)) return { kind: "committee" };
  if (/ramjust|ramförändring|^ramar|adjustments/.test(normal)) return { kind: "adjustment" };
  if (/uppdrag|assignments/.test(normal)) return { kind: "assignment" };
  if (/nyckeltal|indikator|kpi|mått|key figures/.test(normal)) return { kind: "keyFigure" };
  if (/^mål\b|styrmodell|målkedja|goals/.test(normal)) return { kind: "goal" };
  return null;
}

export function kindFromHeaders(headers: HeaderCell[]): RowKind | null {
  const has = (...roles: HeaderRole[]) => headers.some((h) => roles.includes(h.role));
  const planColumns = has("amount", "assignmentWord", "goalWord", "parent", "kolada", "keyFigureWord");
  if (has("code") && (has("name") || (has("committee") && !planColumns))) return "committee";
  if (has("kolada", "keyFigureWord")) return "keyFigure";
  if (has("level", "levelOrTarget")) return "goal";
  if (has("assignmentWord") && has("clarification", "committee", "goalWord", "parent")) return "assignment";
  if (has("amount") && has("committee")) return "adjustment";
  if (has("goalWord", "name") && has("parent")) return "goal";
  return null;
}

/** Whether the headers have what a sheet of `kind` needs: its name says so, and the columns agree. */
export function headersFit(kind: RowKind, headers: HeaderCell[]): boolean {
  const has = (...roles: HeaderRole[]) => headers.some((h) => roles.includes(h.role));
  switch (kind) {
    case "committee":
      return has("code") && has("name", "committee");
    case "goal":
      return has("level", "levelOrTarget", "goalWord", "name");
    case "assignment":
      return has("assignmentWord");
    case "adjustment":
      return has("amount");
    case "keyFigure":
      return has("kolada", "keyFigureWord");
  }
}

/** The values in a column below the header, normalised, to tell what an ambiguous header ("Typ") holds. */
function columnValues(grid: Grid, headerRow: number, col: number): string[] {
  const values: string[] = [];
  // The first few hundred values tell what a column holds; a 50 000-row sheet need not be read twice to know it.
  for (let row = headerRow + 1; row < grid.top + grid.values.length && values.length < COLUMN_SAMPLE; row++) {
    const text = normalizeName(cellText(valueAt(grid, row, col)));
    if (text) values.push(text);
  }
  return values;
}

const COLUMN_SAMPLE = 500;

const DURATION_VALUES = /^(varaktig|tillfällig|engångs|ja|nej|permanent|temporary|one-off)/;
const DIRECTION_VALUES = /^(ram|tilläggsanslag|effektivisering|besparing|increase|decrease)/;
const ORIGIN_VALUES = /^(fullmäktige|kf|kommunfullmäktige|nämnd|egen|eget|council|committee)/;

function typFieldFor(kind: RowKind, header: HeaderCell, values: string[]): FieldName | null {
  const says = (pattern: RegExp) =>
    pattern.test(header.hint) ||
    (values.length > 0 && values.filter((v) => pattern.test(v)).length >= values.length / 2);
  if (kind === "committee") return "kind";
  if (says(DURATION_VALUES)) return "duration";
  if (kind === "adjustment" && says(DIRECTION_VALUES)) return "direction";
  if (kind === "assignment" && says(ORIGIN_VALUES)) return "origin";
  if (kind === "adjustment") return "direction";
  if (kind === "assignment") return "origin";
  return null;
}

/** Which field each header column is, now that the sheet's kind is known. */
export function fieldsFor(
  kind: RowKind,
  headers: HeaderCell[],
  grid: Grid,
  headerRow: number,
  levels: GoalLevel[],
  /** A column named for a level on a sheet of goals ("Övergripande mål"): it holds their names. */
  levelNameCol?: number,
) {
  const fields = new Map<number, FieldName>();
  const taken = new Set<FieldName>();
  const assign = (header: HeaderCell, field: FieldName | null) => {
    if (field && !taken.has(field)) {
      fields.set(header.col, field);
      taken.add(field);
    }
  };
  const has = (role: HeaderRole) => headers.some((h) => h.role === role);
  const hasName =
    levelNameCol !== undefined ||
    has("name") ||
    (kind === "goal" && has("goalWord")) ||
    (kind === "assignment" && has("assignmentWord")) ||
    (kind === "keyFigure" && has("keyFigureWord"));

  // Direct fields first, so that the ambiguous ones below only fill what is left. In a register of nämnder, the
  // "Nämnd" column holds their names ("Nämnd | Förkortning").
  for (const header of headers) {
    if (kind === "committee" && header.role === "committee") assign(header, hasName ? null : "name");
    else if (isFieldName(header.role) && !["level", "typ"].includes(header.role)) assign(header, header.role);
  }
  for (const header of headers) {
    const values = () => columnValues(grid, headerRow, header.col);
    switch (header.role) {
      case "code":
        assign(header, "id");
        break;
      case "level":
        assign(header, kind === "goal" ? "level" : null);
        break;
      case "levelOrTarget": {
        const looksLikeLevels = values().some((v) => levelByName(levels, v) !== null);
        assign(header, kind === "goal" && looksLikeLevels ? "level" : "target");
        break;
      }
      case "goalWord":
        assign(header, kind === "goal" ? "name" : "parent");
        break;
      case "assignmentWord":
        assign(header, kind === "assignment" ? "name" : "assignment");
        break;
      case "assignmentLink":
        assign(header, "assignment");
        break;
      case "keyFigureWord":
        assign(header, kind === "keyFigure" ? "name" : null);
        break;
      case "description":
        assign(header, hasName ? (kind === "assignment" ? "clarification" : "comment") : "name");
        break;
      case "typ":
        assign(header, kind === "goal" ? "level" : typFieldFor(kind, header, values()));
        break;
      default:
        break;
    }
  }
  if (levelNameCol !== undefined && !taken.has("name")) fields.set(levelNameCol, "name");
  // An uppdrag sheet's "Kommentar" is its förtydligande when there is no other (domain.md).
  if (kind === "assignment" && !taken.has("clarification")) {
    const comment = [...fields].find(([, field]) => field === "comment");
    if (comment) fields.set(comment[0], "clarification");
  }
  return fields;
}
