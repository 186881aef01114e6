import { CellValue, Grid, cellText, columnIndex, isErrorValue, isFilled, valueAt } from "../../sheet/grid";
import { looksLikeCommitteeList } from "../adjustmentLine";
import { AmountUnit, unitFromHeader } from "../amounts";
import { SheetMapping } from "../mapping";
import { DEFAULT_LEVELS, GoalLevel, Origin } from "../model";
import { CellRow, FieldName, RawCell, RawRows, RowKind, TableColumns, filledCell } from "../raw";
import { TreeChain, goalTreeRows, levelColumns, treeChains } from "./goalTree";
import {
  HeaderCell,
  HeaderRole,
  fieldsFor,
  findHeaderRow,
  headerRole,
  headersFit,
  kindFromHeaders,
  kindFromSheetName,
  readHeaders,
} from "./headers";
import { fillMergesDown } from "./merges";
import { readHeading, splitTrailingCommittees } from "./pasted";
import { TableAccount, UnreadReason } from "../unread";
import { COUNCIL, LEVEL_ROW, NOTE_START, TOTALS_START } from "../vocabulary";

/**
 * Reads a sheet laid out as a table: its header row, each column read as a field (headers.ts), then one plan object per
 * row. Tables as kommuner write them also come as a goal tree (a column per level), with ramjusteringar in a column per
 * year, with a column per nämnd marked on the uppdrag's rows, and with headings of the budget document between the
 * rows.
 */

/**
 * How sure the reading of a sheet is: the user's mapping says so; the sheet's name and its headers agree; or only one
 * of them tells (likely, worth a look in Koppla).
 */
export type Certainty = "mapped" | "sure" | "likely";

export interface TableSheet {
  kind: RowKind;
  certainty: Certainty;
  /** How many of its columns were recognised as a field. */
  recognisedColumns: number;
  /** Every filled cell of the header row, with the field its column is read as (null: not read). */
  columns: { col: number; header: string; field: FieldName | null }[];
  headerRow: number;
  /** Text above the header row, for a plan title such as "Mål- och resursplan 2025–2027". */
  titles: RawCell[];
  /** What the table read and passed over, for the list of cells not read. */
  account: TableAccount;
  /**
   * The goals of a tree written beside uppdrag or nyckeltal (Kommunmål | Nämndmål | Uppdrag …): part of the plan
   * when the workbook gives no goals elsewhere, since a goal sheet of its own names the same goals with its own ids.
   */
  treeGoals?: CellRow[];
}

/** Reads one table sheet, its rows into `rows`; null when it is not one Måltavlan recognises (nothing read). */
export function readTable(
  sheet: Grid,
  rows: RawRows,
  mapping?: SheetMapping,
  levels: GoalLevel[] = DEFAULT_LEVELS,
): TableSheet | null {
  const byName = kindFromSheetName(sheet.sheet, levels);
  const headerRow =
    mapping?.headerRow !== undefined ? mapping.headerRow - 1 : findHeaderRow(sheet, byName ? 1 : 2, levels);
  if (headerRow === null) return null;
  const grid = fillMergesDown(sheet, headerRow);
  const headers = readHeaders(grid, headerRow, mapping?.columns ?? {});
  // Amounts per nämnd whose nämnd column has no header of its own ("(mnkr)" or nothing): its values say what it is.
  const unnamed = mapping ? undefined : unheadedCommitteeColumn(grid, headerRow, headers);
  if (unnamed !== undefined) {
    headers.push({ col: unnamed, role: "committee", hint: "", unit: null });
    headers.sort((a, b) => a.col - b.col);
  }
  const mappedKind =
    mapping && mapping.kind !== "ignore" && mapping.kind !== "pasted" && mapping.kind !== "export"
      ? mapping.kind
      : null;
  // A goal tree, unless the sheet also holds uppdrag, nyckeltal or amounts (then read beside them, below).
  const ignored = new Set(
    Object.entries(mapping?.columns ?? {}).flatMap(([letter, field]) =>
      field === "ignore" ? [columnIndex(letter)] : [],
    ),
  );
  const tree = levelColumns(grid, headerRow, levels).filter(({ col }) => !ignored.has(col));
  const others = headers.some((h) => ["assignmentWord", "keyFigureWord", "kolada", "amount"].includes(h.role));
  if (tree.length >= 2 && !others && (mappedKind ?? "goal") === "goal") {
    return readGoalTree(
      grid,
      rows,
      headerRow,
      headers,
      tree,
      mappedKind ? "mapped" : byName?.kind === "goal" ? "sure" : "likely",
    );
  }
  const byHeaders = kindFromHeaders(headers);
  // On a sheet named for a nämnd, an "Uppdrag" column is enough to tell its uppdrag.
  const byCommitteeSheet =
    isCommitteeName(grid.sheet) && headers.some((h) => h.role === "assignmentWord") ? "assignment" : null;
  // One column named for a level ("Nr | Övergripande mål"), nothing else telling: a list of that level's goals.
  const levelList = tree.length === 1 && !others ? tree[0] : undefined;
  const found = mappedKind ?? byName?.kind ?? byHeaders ?? byCommitteeSheet ?? (levelList ? "goal" : null);
  if (!found) return null;
  // Ramar per nämnd ("Nämnd | Ram 2025"), not named as changes: the nämnder are the plan's, the levels not items.
  const ramLevels = !mappedKind && !byName && found === "adjustment" && isRamLevelTable(grid, headerRow, headers);
  const kind = ramLevels ? "committee" : found;
  const certainty: Certainty = mappedKind
    ? "mapped"
    : byName && (byHeaders === byName.kind || headersFit(byName.kind, headers))
      ? "sure"
      : "likely";
  const levelHint = mapping?.level ?? (kind === "goal" ? (byName?.level ?? levelList?.level.id) : undefined);
  const levelNameCol =
    kind === "goal" && levelList && !headers.some((h) => h.role === "name" || h.role === "goalWord")
      ? levelList.col
      : undefined;
  const fields = fieldsFor(kind, headers, grid, headerRow, levels, levelNameCol);
  // On an uppdrag or nyckeltal sheet, a column named for a goal level ("Nämndmål") holds the goal each row hangs on.
  const hangsOn = tree[tree.length - 1];
  const linksByLevel =
    (kind === "assignment" || kind === "keyFigure") && hangsOn && ![...fields.values()].includes("parent");
  if (linksByLevel) fields.set(hangsOn.col, "parent");
  // Several such columns are a goal tree beside the rows: each row hangs on the lowest goal of its chain, a row whose
  // level cells are all empty continues the chain above, and a row with nothing but goals is the tree's, not an uppdrag.
  // Beside nyckeltal one such column is one too: a goal's indicators stand under it with its cell left empty or merged.
  const chains =
    linksByLevel && (tree.length >= 2 || kind === "keyFigure")
      ? new Map(treeChains(grid, headerRow, tree).map((c) => [c.row, c]))
      : null;
  let chainAbove: TreeChain | undefined;
  for (const [letter, field] of Object.entries(mapping?.columns ?? {})) {
    if (field === "ignore") fields.delete(columnIndex(letter));
    else fields.set(columnIndex(letter), field);
  }
  // Ramjusteringar by year, a column each ("2025 | Plan 2026 | Budget 2027": a year, even where "Budget" alone would
  // be the amount), when the sheet has no amount column of its own.
  const yearCols = kind === "adjustment" ? yearColumns(grid, headerRow).filter(({ col }) => !ignored.has(col)) : [];
  for (const { col } of yearCols) if (fields.get(col) === "amount") fields.delete(col);
  const amountHeader = headers.find((h) => fields.get(h.col) === "amount");
  const years = amountHeader ? [] : yearCols.filter(({ col }) => !fields.has(col));
  // What each change is for ("Färdtjänst, fler äldre") stands in a column without a header left of the amounts, as in a
  // ram block per nämnd: the ramjustering's description.
  if (kind === "adjustment" && ![...fields.values()].includes("name")) {
    const amounts = [...(amountHeader ? [amountHeader.col] : []), ...years.map(({ col }) => col)];
    const label = amounts.length ? unheadedTextColumn(grid, headerRow, Math.min(...amounts), fields) : undefined;
    if (label !== undefined && !ignored.has(label)) fields.set(label, "name");
  }
  const titles = titlesAbove(grid, headerRow);
  // Years have no unit of their own: the one a year header or the table's title gives ("Ramförändringar (mnkr)").
  const yearUnit = () =>
    years[0]?.unit ?? titles.map((cell) => unitFromHeader(cellText(cell.value))).find((unit) => unit !== null);
  const amountUnit = mapping?.amountUnit ?? amountHeader?.unit ?? (years.length ? yearUnit() : undefined) ?? undefined;

  const columns = tableColumns(grid, kind, fields, { levelHint, amountUnit });
  const columnList = [...fields.keys(), ...years.map(({ col }) => col)];
  const dataColumns = columnList.filter((col) => !tree.some((level) => level.col === col));
  // Headings inside an uppdrag table, a row to themselves ("Mål: Fler jobb", "Uppdrag från fullmäktige 2025"), give
  // the rows below them their goal, or their origin and year, where the rows' own cells do not.
  const section: { goal?: RawCell; origin?: Origin; year?: RawCell } = {};
  // A responsibility matrix: a column per nämnd ("KS | BUN | SN"), marked on the uppdrag's rows, instead of a nämnd
  // column.
  const namesCommittee = [...fields.values()].includes("committee");
  const matrix = kind === "assignment" && !namesCommittee ? committeeColumns(grid, headerRow, ignored) : [];
  // A sheet named for a nämnd ("Kommunstyrelsen", "BUN") holds that nämnd's rows, when they name none.
  const sheetCommittee = !namesCommittee && !matrix.length && !byName && isCommitteeName(grid.sheet);
  // A block per nämnd: its title, just above the header, names the nämnd ("Kommunstyrelse – … (tkr)").
  const blockCommittee =
    kind === "adjustment" && !namesCommittee && !matrix.length && !sheetCommittee
      ? titleCommittee(headerRow, titles)
      : undefined;
  /** The nämnd a row gets from outside its own columns: its marks in the matrix, or its sheet's name. */
  const committeeOf = (row: number, col: number): RawCell | undefined =>
    matrix.length
      ? markedCommittees(grid, row, matrix)
      : sheetCommittee
        ? { value: grid.sheet, ref: { sheet: grid.sheet, row, col } }
        : undefined;
  // Uppdrag without a nämnd column name their nämnder at the end of the text ("… förvaltningar. Socialnämnden").
  const nameCol = columns.main.byField.name;
  const textCommittees = kind === "assignment" && !namesCommittee && !matrix.length && !sheetCommittee;
  let holdsErrors = false;
  let blankAbove = false;
  const skippedRows = new Map<number, UnreadReason>();
  /** The nämnder a table of ramar has given: one merged down its verksamheter gives itself once. */
  const seen = new Set<string>();
  // A mapped header row may stand above the grid's first row (blank rows above the table are not read).
  for (let row = Math.max(headerRow + 1, grid.top); row < grid.top + grid.values.length; row++) {
    const values = grid.values[row - grid.top];
    chainAbove = chains?.get(row) ?? chainAbove;
    // The first filled cell of a mapped column: a row with none carries no data.
    let first = -1;
    let filled = 0;
    // Indexed, like the loop around it: for…of would make an iterator result per cell until V8 optimises this.
    for (let i = 0; i < columnList.length; i++) {
      const col = columnList[i];
      const value = values[col - grid.left];
      if (!isFilled(value)) continue;
      if (isErrorValue(value)) holdsErrors = true;
      filled++;
      if (first < 0 || col < first) first = col;
    }
    if (first < 0) {
      // Nothing in the columns read; a note under the table may still stand in another column.
      const only = soleFilled(values);
      if (only === null) blankAbove ||= !values.some(isFilled);
      else if (blankAbove && isNote(only, kind)) skippedRows.set(row, "note");
      continue;
    }
    // Totals ("Summa", "varav …") and notes under the table are never items.
    const lead = values.find(isFilled);
    const mapped = values[first - grid.left];
    if (isTotals(mapped) || (lead !== mapped && isTotals(lead))) {
      skippedRows.set(row, "total");
      continue;
    }
    // Beside the nämnder of a table of ramar stand other lines ("Budgeterat resultat"): only a nämnd is one
    // (a line that is no nämnd's name, once a blank row has ended the table), and a nämnd merged down its rows is one.
    const note = blankAbove && filled === 1 && isNote(values[first - grid.left], kind);
    if (ramLevels && !note) {
      const name = cellText(values[first - grid.left]);
      if (blankAbove && !isCommitteeName(name)) {
        skippedRows.set(row, "notUnderstood");
        continue;
      }
      if (seen.has(name)) continue;
      seen.add(name);
    }
    // A ram level in a block of changes ("Ram föregående år", "Ram 2025") is a budget figure, not a change.
    if (years.length && isLevelRow(lead)) {
      skippedRows.set(row, "budgetFigure");
      continue;
    }
    if (note) {
      skippedRows.set(row, "note");
      continue;
    }
    if (years.length) {
      const adjustments = yearAdjustments(grid, row, years, columns.main, blockCommittee);
      for (const adjustment of adjustments) rows.add(adjustment);
      // A line with no amount in any year column ("Förändringar att besluta:") gives no ramjustering.
      if (adjustments.length === 0) skippedRows.set(row, "notUnderstood");
      continue;
    }
    // A heading is a row's only filled cell: a row with two is none, without looking further.
    const heading = kind === "assignment" && filled === 1 ? headingIn(grid, row) : null;
    if (heading) {
      Object.assign(section, heading);
      continue;
    }
    let chainGoal: RawCell | undefined;
    if (chains) {
      if (!dataColumns.some((col) => isFilled(values[col - grid.left]))) continue;
      chainGoal = chainAbove?.chain.filter((cell) => cell !== null).pop() ?? undefined;
    }
    const split = textCommittees && nameCol !== undefined ? trailingCommittees(grid, row, nameCol) : null;
    const fromOutside = matrix.length || sheetCommittee || blockCommittee || chainGoal || split;
    if (section.goal || section.origin || section.year || fromOutside) {
      const cells = rowFields(grid, row, columns.main);
      if (split) Object.assign(cells, split);
      cells.committee ??= blockCommittee;
      cells.parent ??= section.goal ?? chainGoal;
      cells.year ??= section.year;
      cells.committee ??= committeeOf(row, first);
      const ref = { sheet: grid.sheet, row, col: first };
      rows.add({ kind, ref, fields: cells, originHint: section.origin, amountUnit });
    } else {
      rows.addTableRow(columns.main, row, first);
    }
    // An amount on an uppdrag row is a ramjustering for that uppdrag's nämnd (domain.md): a row of its own that
    // links back to the uppdrag by its id, or by its title when the id cell is empty.
    const { amountCol } = columns;
    if (amountCol !== undefined && isFilled(values[amountCol - grid.left])) {
      const byId = columns.idCol !== undefined && isFilled(values[columns.idCol - grid.left]);
      const adjustmentColumns = byId ? columns.adjustmentById : columns.adjustmentByName;
      if (matrix.length || sheetCommittee) {
        const cells = { ...rowFields(grid, row, adjustmentColumns), committee: committeeOf(row, first) };
        const at = { sheet: grid.sheet, row, col: amountCol };
        rows.add({ kind: "adjustment", ref: at, fields: cells, amountUnit });
      } else {
        rows.addTableRow(adjustmentColumns, row, amountCol);
      }
    }
  }
  for (const table of [columns.main, columns.adjustmentById, columns.adjustmentByName]) table.holdsErrors = holdsErrors;
  // What Koppla shows: the fields, and the year and nämnd columns read as amounts and nämnder.
  const read = new Map<number, FieldName>([
    ...(chains ? tree.map(({ col }) => [col, "parent"] as const) : []),
    ...fields,
    ...years.map(({ col }) => [col, "amount"] as const),
    ...matrix.map(({ col }) => [col, "committee"] as const),
  ]);
  return {
    kind,
    certainty,
    recognisedColumns: read.size,
    columns: columnsRead(grid, headerRow, read),
    headerRow,
    titles,
    account: {
      headerRow,
      readColumns: keptColumns(read, kind),
      skippedRows,
      readTitles: blockCommittee ? [blockCommittee.ref] : [],
    },
    treeGoals: chains ? goalTreeRows(grid, headerRow, tree, []) : undefined,
  };
}

/**
 * A goal tree written as a table, a column per level: each row a chain from the highest level to the lowest, each
 * goal's parent the nearest goal to its left. A goal met on several rows is one goal, under every parent it stands
 * next to. Cells left empty before the first goal of a row repeat the row above (a group written once, or merged);
 * an empty cell between two goals is a level the chain skips. The other columns (nämnd, målvärde, id) belong to the
 * row's lowest goal. The goals come out level by level, from the top.
 */
function readGoalTree(
  grid: Grid,
  rows: RawRows,
  headerRow: number,
  headers: HeaderCell[],
  tree: { col: number; level: GoalLevel }[],
  certainty: Certainty,
): TableSheet {
  const levelCols = new Set(tree.map(({ col }) => col));
  const others = headers.filter((h) => !levelCols.has(h.col));
  const fieldOf = (role: HeaderRole): FieldName | null =>
    role === "committee" || role === "target" || role === "id" || role === "comment"
      ? role
      : role === "levelOrTarget"
        ? "target"
        : null;
  const extra = others.flatMap((h) => {
    const field = fieldOf(h.role);
    return field ? [{ col: h.col, field }] : [];
  });

  for (const row of goalTreeRows(grid, headerRow, tree, extra)) rows.add(row);
  const fields = new Map<number, FieldName>([
    ...tree.map(({ col }) => [col, "name"] as [number, FieldName]),
    ...extra.map(({ col, field }) => [col, field] as [number, FieldName]),
  ]);
  return {
    kind: "goal",
    certainty,
    recognisedColumns: fields.size,
    columns: columnsRead(grid, headerRow, fields),
    headerRow,
    titles: titlesAbove(grid, headerRow),
    account: { headerRow, readColumns: keptColumns(fields, "goal"), skippedRows: new Map(), readTitles: [] },
  };
}

/**
 * The columns whose cells become part of the plan. A comment column is read as a ramjustering's description where
 * the table has no other; beside any other row it is not kept, so it is listed as not read.
 */
function keptColumns(read: Map<number, FieldName>, kind: RowKind): Set<number> {
  const describes = kind === "adjustment" && ![...read.values()].includes("name");
  return new Set([...read].flatMap(([col, field]) => (field !== "comment" || describes ? [col] : [])));
}

/** Every filled cell of the header row, and every column read without one, with the field it is read as. */
function columnsRead(grid: Grid, headerRow: number, read: Map<number, FieldName>): TableSheet["columns"] {
  return (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const col = grid.left + i;
    const header = cellText(value).trim();
    const field = read.get(col) ?? null;
    return header || field ? [{ col, header, field }] : [];
  });
}

/** A year header: 2025, "2025", "Budget 2025", "Plan 2026 (tkr)". */
export const YEAR_HEADER = /^(?:(?:budget|plan|prognos|år)\s*)?((?:19|20)\d\d)(?:\s*\(?[\p{L} ]+\)?)?$/iu;

/** The header columns that name a year, with the unit a header may add. */
function yearColumns(grid: Grid, headerRow: number) {
  return (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const text = cellText(value).trim();
    const year = YEAR_HEADER.exec(text)?.[1];
    return year ? [{ col: grid.left + i, year: Number(year), unit: unitFromHeader(text), headerRow }] : [];
  });
}

/** A row's filled cells, by the field their column is read as. */
function rowFields(grid: Grid, row: number, columns: TableColumns): CellRow["fields"] {
  const fields: CellRow["fields"] = {};
  for (const field of columns.fields) {
    const cell = filledCell(grid, row, columns.byField[field] as number);
    if (cell) fields[field] = cell;
  }
  return fields;
}

/** Header cells naming a nämnd ("KS", "Tekniska nämnden") where no header Måltavlan knows stands: two or more. */
function committeeColumns(grid: Grid, headerRow: number, ignored: Set<number>): { col: number; name: string }[] {
  const columns = (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const text = cellText(value).trim();
    const col = grid.left + i;
    return !ignored.has(col) && headerRole(text) === null && isCommitteeName(text) ? [{ col, name: text }] : [];
  });
  return columns.length >= 2 ? columns : [];
}

/** The value of a row's one filled cell; null when the row has none or several. */
function soleFilled(values: CellValue[]): CellValue | null {
  let only: CellValue | null = null;
  for (const value of values) {
    if (!isFilled(value)) continue;
    if (only !== null) return null;
    only = value;
  }
  return only;
}

/**
 * A cell that opens a totals row: "Summa", "Summa nämnder", "Totalt", "varav lokaler". A label, not a sentence
 * ("Totalt ska 500 bostäder byggas …" is an uppdrag).
 */
function isTotals(value: CellValue | undefined): boolean {
  return typeof value === "string" && TOTALS_START.test(value) && value.trim().split(/\s+/).length <= 4;
}

/**
 * A note under a table, alone in its row below a blank one: "Källa: …", "* …"; on a sheet of nämnder or amounts,
 * whose items are short names, also a sentence.
 */
function isNote(value: CellValue | undefined, kind: RowKind): boolean {
  if (typeof value !== "string") return false;
  if (NOTE_START.test(value)) return true;
  const sentence = /[.!?]$/.test(value.trim()) && value.trim().split(/\s+/).length >= 6;
  return sentence && (kind === "committee" || kind === "adjustment");
}

/**
 * On a sheet of amounts with no nämnd header, the column without a header of its own (empty, or a unit such as
 * "(mnkr)") whose values are mostly nämnder ("Kommunstyrelse", "Familjenämnd").
 */
function unheadedCommitteeColumn(grid: Grid, headerRow: number, headers: HeaderCell[]): number | undefined {
  if (headers.some((h) => h.role === "committee") || !headers.some((h) => h.role === "amount")) return undefined;
  const cells = grid.values[headerRow - grid.top] ?? [];
  const width = Math.max(
    ...grid.values.slice(headerRow - grid.top, headerRow - grid.top + COLUMN_LOOK).map((r) => r.length),
  );
  for (let i = 0; i < width; i++) {
    const col = grid.left + i;
    const header = cellText(cells[i] ?? null);
    if (headers.some((h) => h.col === col) || (header && unitFromHeader(header) === null)) continue;
    if (header && header.replace(/[()\s]|tkr|mnkr|mkr|kr/giu, "") !== "") continue;
    const names: string[] = [];
    for (let row = headerRow + 1; row < grid.top + grid.values.length && names.length < COLUMN_LOOK; row++) {
      const value = valueAt(grid, row, col);
      if (typeof value === "string" && value.trim()) names.push(value.trim());
    }
    if (names.length >= 2 && names.filter(isCommitteeName).length * 3 >= names.length * 2) return col;
  }
  return undefined;
}

const COLUMN_LOOK = 200;

/** Left of `before`, the first column with no header and no field whose values are text, not figures. */
function unheadedTextColumn(
  grid: Grid,
  headerRow: number,
  before: number,
  fields: Map<number, FieldName>,
): number | undefined {
  // Past the grid's widest row every cell is empty: no column there can hold texts.
  const width = grid.values.reduce((widest, row) => Math.max(widest, row.length), 0);
  const end = Math.min(before, grid.left + width);
  for (let col = grid.left; col < end; col++) {
    if (fields.has(col) || isFilled(valueAt(grid, headerRow, col))) continue;
    let texts = 0;
    let others = 0;
    const first = Math.max(headerRow + 1, grid.top);
    for (let row = first; row < grid.top + grid.values.length && texts + others < COLUMN_LOOK; row++) {
      const value = valueAt(grid, row, col);
      if (!isFilled(value)) continue;
      if (typeof value === "string" && /\p{L}/u.test(value)) texts++;
      else others++;
    }
    if (texts > 0 && texts >= others * 3) return col;
  }
  return undefined;
}

/** A row opened by a ram level ("Ram föregående år", "Ram"): a budget figure, not a change. */
function isLevelRow(value: CellValue | undefined): boolean {
  return typeof value === "string" && LEVEL_ROW.test(value.trim());
}

/** The nämnd a block's title names first ("Kommunstyrelse – Kommunövergripande verksamhet (tkr)"), just above the header. */
function titleCommittee(headerRow: number, titles: RawCell[]): RawCell | undefined {
  for (const title of titles) {
    if (title.ref.row !== headerRow - 1) continue;
    const name = blockTitleCommittee(title.value);
    if (name) return { value: name, ref: title.ref };
  }
  return undefined;
}

/** The nämnd a ram block's title names first: "Kommunstyrelse – Kommunövergripande verksamhet (tkr)"; else null. */
export function blockTitleCommittee(value: CellValue): string | null {
  if (typeof value !== "string") return null;
  const name = value.split(/\s+[–—-]\s+|\s*\(|:/u)[0].trim();
  return isCommitteeName(name) ? name : null;
}

/**
 * Whether a table of amounts per nämnd holds ram levels ("Ram 2025", "Budget 2025 (mnkr)") rather than changes: every
 * amount header names a level, none a change, and no column says which way or how long.
 */
function isRamLevelTable(grid: Grid, headerRow: number, headers: HeaderCell[]): boolean {
  if (headers.some((h) => h.role === "duration" || h.role === "typ")) return false;
  const amounts = headers.filter((h) => h.role === "amount");
  const label = (col: number) =>
    cellText(valueAt(grid, headerRow, col))
      .replace(/\([^)]*\)/g, " ")
      .trim();
  return amounts.length > 0 && amounts.every((h) => LEVEL_ROW.test(label(h.col)));
}

/** The uppdrag's title without the nämnder its text ends with, and those nämnder; null when it names none. */
function trailingCommittees(grid: Grid, row: number, col: number): CellRow["fields"] | null {
  const cell = filledCell(grid, row, col);
  if (!cell || typeof cell.value !== "string") return null;
  const split = splitTrailingCommittees(cell.value.trim());
  return (
    split && { name: { value: split.title, ref: cell.ref }, committee: { value: split.committees, ref: cell.ref } }
  );
}

const UNMARKED = /^(nej|no|0|-|–|—)$/iu;

/** A nämnd's or bolag's name or code ("Kommunstyrelsen", "BUN"); not fullmäktige, which gives uppdrag. */
export function isCommitteeName(text: string): boolean {
  const name = text.trim();
  return !COUNCIL.test(name) && isSingleName(name) && looksLikeCommitteeList(name);
}

/** One name: no separator ("och" only inside a name, as in "Barn- och utbildningsnämnden"). */
function isSingleName(text: string): boolean {
  return text !== "" && !/[,;&/\n]|(?<!-)\s+och\s/u.test(text);
}

/** The nämnder a matrix row marks ("x", "✓", "Ansvarig" …), as one cell listing them, at the first mark. */
function markedCommittees(grid: Grid, row: number, matrix: { col: number; name: string }[]): RawCell | undefined {
  const marked = matrix.filter(({ col }) => {
    const value = valueAt(grid, row, col);
    return isFilled(value) && !UNMARKED.test(cellText(value).trim());
  });
  if (marked.length === 0) return undefined;
  return { value: marked.map(({ name }) => name).join(", "), ref: { sheet: grid.sheet, row, col: marked[0].col } };
}

/** A row holding nothing but a heading of the budget document: the goal, or the origin and year, it gives. */
function headingIn(grid: Grid, row: number): { goal?: RawCell; origin?: Origin; year?: RawCell } | null {
  const values = grid.values[row - grid.top];
  let only = -1; // the one filled cell (checked on every row of a large table: no allocation until it is one)
  for (let i = 0; i < values.length; i++) {
    if (!isFilled(values[i])) continue;
    if (only >= 0) return null;
    only = i;
  }
  const value = values[only];
  if (typeof value !== "string" || value.includes("\n")) return null;
  const heading = readHeading(value.trim());
  const ref = { sheet: grid.sheet, row, col: grid.left + only };
  if (heading?.kind === "goal") return { goal: { value: heading.name, ref } };
  if (heading?.kind === "uppdrag") {
    return { origin: heading.origin, ...(heading.year !== null ? { year: { value: heading.year, ref } } : {}) };
  }
  return null;
}

/**
 * A row of ramjusteringar by year: one ramjustering per filled year cell, with the row's other fields (nämnd,
 * varaktighet …) and its year from the header, whose cell findings about the year point at.
 */
function yearAdjustments(
  grid: Grid,
  row: number,
  years: { col: number; year: number; headerRow: number }[],
  columns: TableColumns,
  committee?: RawCell,
): CellRow[] {
  const shared = rowFields(grid, row, columns);
  shared.committee ??= committee;
  return years.flatMap(({ col, year, headerRow }) => {
    const amount = filledCell(grid, row, col);
    if (!amount) return [];
    const when = { value: year, ref: { sheet: grid.sheet, row: headerRow, col } };
    const fields = { ...shared, amount, year: when };
    return [{ kind: "adjustment" as const, ref: amount.ref, fields, amountUnit: columns.amountUnit }];
  });
}

/** Text above the header row, for a plan title such as "Mål- och resursplan 2025–2027". */
function titlesAbove(grid: Grid, headerRow: number): RawCell[] {
  const titles: RawCell[] = [];
  for (let row = grid.top; row < headerRow; row++) {
    (grid.values[row - grid.top] ?? []).forEach((value, i) => {
      if (typeof value === "string" && value.trim())
        titles.push({ value, ref: { sheet: grid.sheet, row, col: grid.left + i } });
    });
  }
  return titles;
}

/**
 * The table's column maps. On an uppdrag sheet with an amount column, the uppdrag row leaves the amount (and its
 * duration and direction) to a ramjustering row of its own, with the uppdrag's nämnd and year and a link back.
 */
function tableColumns(
  grid: Grid,
  kind: RowKind,
  fields: Map<number, FieldName>,
  hints: { levelHint?: string; amountUnit?: AmountUnit },
) {
  const byField: Partial<Record<FieldName, number>> = {};
  for (const [col, field] of fields) byField[field] = col;
  const columnsOf = (rowKind: RowKind, of: Partial<Record<FieldName, number>>): TableColumns => {
    const named = (Object.keys(of) as FieldName[]).filter((field) => of[field] !== undefined);
    const only = Object.fromEntries(named.map((field) => [field, of[field]]));
    return { grid, kind: rowKind, byField: only, fields: named, ...hints, holdsErrors: false };
  };
  const { amount, duration, direction, ...assignment } = byField;
  if (kind !== "assignment" || amount === undefined) {
    const main = columnsOf(kind, byField);
    return { main, adjustmentById: main, adjustmentByName: main, amountCol: undefined, idCol: undefined };
  }
  const adjustment = { amount, duration, direction, committee: byField.committee, year: byField.year };
  return {
    main: columnsOf(kind, assignment),
    adjustmentById: columnsOf("adjustment", { ...adjustment, assignment: byField.id }),
    adjustmentByName: columnsOf("adjustment", { ...adjustment, assignment: byField.name }),
    amountCol: amount,
    idCol: byField.id,
  };
}
