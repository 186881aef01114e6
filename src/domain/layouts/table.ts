import { Grid, cellText, columnIndex, isErrorValue, isFilled } from "../../sheet/grid";
import { unitFromHeader } from "../amounts";
import { SheetMapping } from "../mapping";
import { DEFAULT_LEVELS, GoalLevel, Origin } from "../model";
import { CellRow, FieldName, RawCell, RawRows, RowKind } from "../raw";
import { LevelColumn, TreeChain, goalTreeRows, levelColumns, treeChains } from "./goalTree";
import {
  HeaderCell,
  HeaderRole,
  fieldsFor,
  findHeaderRow,
  headerContinuation,
  headersFit,
  kindFromHeaders,
  kindFromSheetName,
  readHeaders,
} from "./headers";
import { fillMergesDown } from "./merges";
import { trailingCommitteeFields } from "./trailingCommittees";
import { ColumnRead, columnsRead, keptColumns, rowFields, tableColumns } from "./tableColumns";
import {
  committeeColumns,
  isCommitteeName,
  isRamLevelTable,
  markedCommittees,
  titleCommittee,
  unheadedCommitteeColumn,
} from "./tableCommittees";
import { headingIn, isLevelRow, isNote, isTotals, soleFilled, titlesAbove } from "./tableRows";
import { unheadedTextColumn, yearAdjustments, yearColumns } from "./yearColumns";
import { TableAccount, UnreadReason } from "../unread";
import { RamLines, emptyRamLines, isPreviousRam } from "./ramLines";
import { ChangeTotals, RawChangeTotal, namesPartOfCommittee } from "./changeTotals";

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
  columns: ColumnRead[];
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
  /** A ram block's own lines (Ram föregående år, Ram) and its changes, where its title names the nämnd. */
  ramLines?: RamLines;
  /** The Summa rows of ramjusteringar in year columns, per nämnd and year (changeTotals.ts). */
  changeTotals?: RawChangeTotal[];
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
      levels,
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
  const durationCol = columns.main.byField.duration;
  const ramLines = emptyRamLines({ grid, years, unit: amountUnit, labelCol: nameCol, durationCol });
  const changeTotals = new ChangeTotals(!titles.some(namesPartOfCommittee));
  let holdsErrors = false;
  let blankAbove = false;
  const skippedRows = new Map<number, UnreadReason>();
  /** The nämnder a table of ramar has given: one merged down its verksamheter gives itself once. */
  const seen = new Set<string>();
  // The years under a header written over two rows are the header's, not a row of data.
  const continuation = headerContinuation(grid, headerRow);
  if (continuation !== null) skippedRows.set(continuation, "header");
  // A mapped header row may stand above the grid's first row (blank rows above the table are not read).
  for (let row = Math.max(headerRow + 1, grid.top); row < grid.top + grid.values.length; row++) {
    if (row === continuation) continue;
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
      if (years.length) changeTotals.total(grid, row, years, amountUnit);
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
      // Read as the block's budget and its start (ramLines) when the block names its nämnd.
      if (!blockCommittee) skippedRows.set(row, "budgetFigure");
      if (isPreviousRam(lead)) ramLines.previous ??= row;
      else ramLines.frames.push(row);
      continue;
    }
    if (note) {
      skippedRows.set(row, "note");
      continue;
    }
    if (years.length) {
      const adjustments = yearAdjustments(grid, row, years, columns.main, blockCommittee);
      for (const adjustment of adjustments) rows.add(adjustment);
      if (adjustments.length) {
        ramLines.changes.push(row);
        changeTotals.item(adjustments[0].fields.committee);
      }
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
    const split = textCommittees && nameCol !== undefined ? trailingCommitteeFields(grid, row, nameCol) : null;
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
    treeGoals: chains ? goalTreeRows(grid, headerRow, tree, [], levels) : undefined,
    ramLines: blockCommittee && ramLines.frames.length ? { ...ramLines, committee: blockCommittee } : undefined,
    changeTotals: changeTotals.totals,
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
  tree: LevelColumn[],
  levels: GoalLevel[],
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

  for (const row of goalTreeRows(grid, headerRow, tree, extra, levels)) rows.add(row);
  const continuation = headerContinuation(grid, headerRow);
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
    account: {
      headerRow,
      readColumns: keptColumns(fields, "goal"),
      skippedRows: new Map(continuation === null ? [] : [[continuation, "header"]]),
      readTitles: [],
    },
  };
}
