import { Grid, cellText, columnName, isFilled, refName, valueAt } from "../sheet/grid";
import { CELL_TEXT_MAX } from "../sheet/spec";
import { Finding, finding, sortFindings } from "./findings";
import { looksLikePastedDocument, readPastedDocument } from "./layouts/pasted";
import { hasTableHeaders } from "./layouts/headers";
import { Certainty, TableSheet, readTable } from "./layouts/table";
import { readExport } from "./layouts/export";
import { TitledList, outsideLists, titledLists } from "./layouts/titledList";
import { RamBlock, outsideBlocks, ramBlocks } from "./layouts/ramBlocks";
import { budgetTable } from "./layouts/budgetTables";
import { investmentGap, investmentTable } from "./layouts/investmentTables";
import { RamLines, ramBlockBudgets } from "./layouts/ramLines";
import { RawChangeTotal } from "./layouts/changeTotals";
import { Mapping } from "./mapping";
import { isSettingsSheet } from "./settings";
import { ledgerTableAreas } from "./ledger/settings";
import { DEFAULT_LEVELS, GoalLevel, Plan } from "./model";
import { CellRow, FieldName, ROW_KINDS, RawBudget, RawCell, RawInvestment, RawRow, RawRows, RawPlanFacts } from "./raw";
import { resolvePlan } from "./resolve";
import { SourceCells } from "./resolve/budgets";
import { RamYear } from "./resolve/ramReconcile";
import { isOwnSheet } from "./ownSheets";
import { knownCodeForName, knownNameForCode } from "./committees";
import { normalizeName } from "./text";
import { UnreadCell, outsideMoney, sheetUnread, tableUnread, unreadCell } from "./unread";

const FACT_KEYS: Record<string, keyof RawPlanFacts> = {
  budgetår: "budgetYear",
  "budget year": "budgetYear",
  planår: "planYears",
  "plan years": "planYears",
  titel: "title",
  rubrik: "title",
  title: "title",
};

/**
 * Key/value rows ("Budgetår | 2024") of the plan's Inställningar sheet: facts of the plan, not Måltavlan's settings
 * (settings.ts). The ledger's tables on it are read when a ledger is imported (src/domain/ledger/settings.ts); cells
 * of other rows and columns are not read.
 */
function readPlanFacts(grid: Grid): { facts: RawPlanFacts; unread: UnreadCell[] } {
  const facts: RawPlanFacts = {};
  const unread: UnreadCell[] = [];
  const ledgerTables = ledgerTableAreas(grid);
  const inLedgerTable = (row: number, col: number) =>
    ledgerTables.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
  grid.values.forEach((cells, r) => {
    const row = grid.top + r;
    const key = FACT_KEYS[normalizeName(cellText(cells[0] ?? null))];
    const value = cells[1];
    if (key && value !== null && value !== undefined) {
      facts[key] = { value, ref: { sheet: grid.sheet, row, col: grid.left + 1 } };
    }
    cells.forEach((cell, c) => {
      if (!isFilled(cell) || (key && c < 2) || inLedgerTable(row, grid.left + c)) return;
      unread.push(unreadCell({ sheet: grid.sheet, row, col: grid.left + c }, cellText(cell), "notUnderstood"));
    });
  });
  return { facts, unread };
}

/** A plan title's years: "Mål- och resursplan 2025–2027". */
const YEAR_SPAN = /\b20\d\d\s*[-–—]\s*20\d\d\b/;

/** The first cell above `beforeRow` naming the plan's years, as a plan title. */
function yearTitle(grid: Grid, beforeRow: number): RawCell | undefined {
  for (let row = grid.top; row < beforeRow; row++) {
    const values = grid.values[row - grid.top] ?? [];
    const i = values.findIndex((value) => typeof value === "string" && YEAR_SPAN.test(value));
    if (i >= 0) return { value: values[i], ref: { sheet: grid.sheet, row, col: grid.left + i } };
  }
  return undefined;
}

/** Whether a cell not read is the plan's title, which is read. */
function isTitleCell(cell: UnreadCell, title: RawCell | undefined): boolean {
  return !!title && cell.sheet === title.ref.sheet && cell.cell === refName(title.ref);
}

/** What the report says of a sheet read as a table. */
function tableEntry(sheet: string, table: TableSheet): ReadResult["sheets"][number] {
  return {
    sheet,
    layout: "table",
    kind: table.kind,
    headerRow: table.headerRow + 1,
    certainty: table.certainty,
    recognisedColumns: table.recognisedColumns,
    columns: table.columns.map(({ col, header, field }) => ({ column: columnName(col), header, field })),
  };
}

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
  /** Which layout each sheet was read as, for the CLI's and the pane's report. */
  sheets: {
    sheet: string;
    layout: "table" | "pasted" | "export" | "facts" | "ignored";
    kind?: string;
    headerRow?: number;
    /** How sure the reading is (tables and pasted pages), and how many columns a table's headers gave. */
    certainty?: Certainty;
    recognisedColumns?: number;
    /** A table's header row: column letter, header text and the field it is read as (null: not read). */
    columns?: { column: string; header: string; field: FieldName | null }[];
  }[];
  /** Every filled cell of the workbook that is not part of the plan, with why (Måltavlan's own sheets aside). */
  unread: UnreadCell[];
  /** The cell each budget and investment of the plan was read from, by its id. */
  sources: SourceCells;
  /** Each ram block's years, reconciled (ram förra året + the year's changes = the year's ram). */
  reconciliation: RamYear[];
}

/** Why a sheet was not read: the mapping, a very hidden sheet, nothing recognised, an investment budget lacking a part. */
type SheetNotReadWhy = "mapping" | "veryHidden" | "notRecognised" | "investmentNoYear" | "investmentNoCommittee";

/** Grid[] → Plan with findings: the whole reading side of the core. */
export function readPlan(grids: Grid[], mapping: Mapping = {}, levels: GoalLevel[] = DEFAULT_LEVELS): ReadResult {
  const rows = new RawRows();
  const budgets: RawBudget[] = [];
  const investments: RawInvestment[] = [];
  const reconciled: RamLines[] = [];
  const changeTotals: RawChangeTotal[] = [];
  /** Goals of trees written beside uppdrag: read when no sheet gives goals of its own. */
  const treeGoals: CellRow[] = [];
  let facts: RawPlanFacts = {};
  let title: RawCell | undefined;
  const sheets: ReadResult["sheets"] = [];
  const unread: UnreadCell[] = [];
  const notRead: Finding[] = [];
  /** What pasted sheets gave: the nämnder they name are checked against what the plan could know. */
  const pastedRows: CellRow[] = [];
  /** A sheet passed over as a whole: an info finding, and one entry for its cells (none when it is empty). */
  const passOver = (grid: Grid, why: SheetNotReadWhy) => {
    sheets.push({ sheet: grid.sheet, layout: "ignored" });
    const entry = sheetUnread(grid);
    if (!entry) return;
    unread.push(entry);
    // At the top left of what the sheet holds (a sheet's content may start anywhere).
    const cell = entry.cell.split(":")[0];
    notRead.push({
      severity: "info",
      rule: "sheet-not-read",
      sheet: grid.sheet,
      cell,
      params: { why, cells: entry.cells },
    });
  };
  /** Table sheets' accounts, made once the plan's title is known (the title is read, not a title left over). */
  const accounts: (() => UnreadCell[])[] = [];
  for (const grid of grids) {
    const sheetMapping = mapping.sheets?.[grid.sheet];
    let exported: ReturnType<typeof readExport>;
    let lists: TitledList[] = [];
    let blocks: RamBlock[] = [];
    if (isOwnSheet(grid)) {
      sheets.push({ sheet: grid.sheet, layout: "ignored" });
    } else if (grid.visibility === "veryHidden" || sheetMapping?.kind === "ignore") {
      passOver(grid, sheetMapping?.kind === "ignore" ? "mapping" : "veryHidden");
    } else if (isSettingsSheet(grid.sheet)) {
      const read = readPlanFacts(grid);
      facts = { ...facts, ...read.facts };
      unread.push(...read.unread);
      sheets.push({ sheet: grid.sheet, layout: "facts" });
    } else if (
      (sheetMapping === undefined || sheetMapping.kind === "export") &&
      (exported = readExport(grid, levels))
    ) {
      for (const row of exported.rows) rows.add(row);
      const account = exported.account;
      accounts.push(() => tableUnread(grid, account));
      sheets.push({
        sheet: grid.sheet,
        layout: "export",
        headerRow: exported.headerRow + 1,
        certainty: sheetMapping ? "mapped" : "likely",
      });
    } else if (sheetMapping?.kind === "export") {
      passOver(grid, "notRecognised");
    } else if (
      sheetMapping?.kind === "pasted" ||
      (!sheetMapping && looksLikePastedDocument(grid) && !hasTableHeaders(grid))
    ) {
      const document = readPastedDocument(grid, { force: true });
      for (const row of document?.rows ?? []) rows.add(row);
      pastedRows.push(...(document?.rows ?? []));
      title ??= document?.title;
      unread.push(...(document?.unread ?? []));
      const mostly = mostlyNotUnderstood(grid, document?.unread ?? []);
      if (mostly) notRead.push(mostly);
      sheets.push({ sheet: grid.sheet, layout: "pasted", certainty: sheetMapping ? "mapped" : "likely" });
    } else if (!sheetMapping && (lists = titledLists(grid, levels)).length > 0) {
      // Goals listed under a title naming their level; above the first list there may be a table of its own (a
      // register of nämnder), read as one.
      for (const list of lists) for (const row of list.rows) rows.add(row);
      const first = lists[0];
      const above = { ...grid, values: grid.values.slice(0, Math.max(0, first.titleRow - grid.top)) };
      const table = above.values.length ? readTable(above, rows, undefined, levels) : null;
      if (table) {
        title ??= table.titles.find((cell) => YEAR_SPAN.test(cellText(cell.value)));
        accounts.push(() => tableUnread(above, table.account, title?.ref));
      } else {
        title ??= yearTitle(grid, first.titleRow);
      }
      const leftOver = outsideLists(grid, lists, table ? first.titleRow : grid.top);
      accounts.push(() => leftOver.filter((cell) => !isTitleCell(cell, title)));
      sheets.push(
        table
          ? tableEntry(grid.sheet, table)
          : {
              sheet: grid.sheet,
              layout: "table",
              kind: "goal",
              headerRow: first.titleRow + 1,
              certainty: "likely",
              recognisedColumns: 1,
              columns: [
                {
                  column: columnName(first.titleCol),
                  header: cellText(valueAt(grid, first.titleRow, first.titleCol)),
                  field: "name",
                },
              ],
            },
      );
    } else if (!sheetMapping && (blocks = ramBlocks(grid)).length > 0) {
      // A ram block per nämnd on one sheet: each read as a table of its own, its header the years below its title.
      const tables = blocks.flatMap((block) => {
        const table = readTable(block.grid, rows, { kind: "adjustment", headerRow: block.headerRow + 1 }, levels);
        return table ? [{ block, table }] : [];
      });
      const read = tables.map(({ block }) => block);
      for (const { block, table } of tables) {
        accounts.push(() => tableUnread(block.grid, table.account));
        changeTotals.push(...(table.changeTotals ?? []));
        if (table.ramLines) {
          budgets.push(...ramBlockBudgets(table.ramLines));
          reconciled.push(table.ramLines);
        }
      }
      title ??= yearTitle(grid, Math.min(...read.map(({ grid: b }) => b.top)));
      const leftOver = read.length ? outsideBlocks(grid, read) : [];
      accounts.push(() => leftOver.filter((cell) => !isTitleCell(cell, title)));
      if (tables.length) sheets.push({ ...tableEntry(grid.sheet, tables[0].table), certainty: "likely" });
      else passOver(grid, "notRecognised");
    } else {
      const table = readTable(grid, rows, sheetMapping, levels);
      // A sheet of ramjusteringar holds changes to the ramar, never the ramar themselves; amounts on the rows of
      // uppdrag, goals or nyckeltal are theirs (an uppdrag's is a ramjustering), never a ram.
      const money =
        (!table || table.kind === "committee") && !sheetMapping
          ? { budgets: budgetTable(grid), investments: investmentTable(grid) }
          : { budgets: [], investments: [] };
      budgets.push(...money.budgets);
      investments.push(...money.investments);
      if (table?.ramLines) {
        budgets.push(...ramBlockBudgets(table.ramLines));
        reconciled.push(table.ramLines);
      }
      changeTotals.push(...(table?.changeTotals ?? []));
      if (!table && money.budgets.length + money.investments.length > 0) {
        sheets.push({ sheet: grid.sheet, layout: "table", kind: money.budgets.length ? "budget" : "investment" });
        unread.push(...outsideMoney(grid, money.budgets, money.investments));
      } else if (table) {
        if (table.treeGoals) treeGoals.push(...table.treeGoals);
        title ??= table.titles.find((cell) => YEAR_SPAN.test(cellText(cell.value)));
        accounts.push(() => tableUnread(grid, table.account, title?.ref));
        sheets.push(tableEntry(grid.sheet, table));
      } else {
        // A sheet laid out as an investment budget says what it lacks (a year per column, a nämnd per project).
        passOver(grid, (!sheetMapping && investmentGap(grid)) || "notRecognised");
      }
    }
  }
  for (const account of accounts) unread.push(...account());
  if (rows.goal.length === 0) for (const row of treeGoals) rows.add(row);
  const { plan, findings, sources, reconciliation } = resolvePlan(
    { rows, facts: { title, ...facts }, budgets, investments, ramBlocks: reconciled, changeTotals },
    { levels, years: mapping.years, previousRamHoldsTemporary: mapping.previousRamHoldsTemporary },
  );
  return {
    plan,
    findings: sortFindings(
      [
        ...findings,
        ...hiddenContent(grids, rows),
        ...overlongTexts(grids.filter((_, i) => sheets[i].layout !== "ignored")),
        ...notRead,
        ...(rows.committee.length === 0 ? unknownPastedCommittees(plan, pastedRows) : []),
      ],
      grids.map((grid) => grid.sheet),
    ),
    sheets,
    unread,
    sources,
    reconciliation,
  };
}

/**
 * A pasted sheet most of whose lines the reader could not place (page furniture aside): a warning at the first such
 * line, so that "0 fel, 0 varningar" never stands for a page that was mostly not understood.
 */
function mostlyNotUnderstood(grid: Grid, unread: UnreadCell[]): Finding | null {
  let lines = 0;
  for (const values of grid.values) for (const value of values) if (isFilled(value)) lines++;
  const furniture = unread.filter((cell) => cell.reason === "pageHeader").reduce((n, cell) => n + cell.cells, 0);
  // Prose counts: a pasted PDF's table rows and sentences without an uppdrag are its prose.
  const notUnderstood = unread.filter(
    (cell) => cell.reason === "notUnderstood" || cell.reason === "prose" || cell.reason === "amountOpen",
  );
  const count = notUnderstood.reduce((n, cell) => n + cell.cells, 0);
  if (notUnderstood.length === 0 || count * 2 <= lines - furniture) return null;
  const cell = notUnderstood[0].cell.split(":")[0];
  return {
    severity: "warning",
    rule: "pasted-mostly-unread",
    sheet: grid.sheet,
    cell,
    params: { unread: count, lines: lines - furniture },
  };
}

/**
 * Nämnder learned from pasted text that neither a register nor the common names know: a warning at the first line
 * naming each, so that a page of prose never reads as a plan with "0 fel" on names nobody checked.
 */
function unknownPastedCommittees(plan: Plan, pastedRows: CellRow[]): Finding[] {
  const findings: Finding[] = [];
  for (const committee of plan.committees) {
    const name = committee.name ?? committee.code;
    if (knownCodeForName(name) !== null || knownNameForCode(committee.code) !== null) continue;
    const key = normalizeName(name);
    const cell = pastedRows
      .map((row) => row.fields.committee)
      .find((field) => field !== undefined && normalizeName(cellText(field.value)).includes(key));
    if (cell) findings.push(finding("warning", "pasted-committee-unknown", cell.ref, { name }));
  }
  return findings;
}

/**
 * Texts longer than a cell holds (a file written by another program can have them): Excel would refuse or cut them,
 * so the follow-up sheets show only their beginning, and the plan says so at each cell.
 */
function overlongTexts(grids: Grid[]): Finding[] {
  const findings: Finding[] = [];
  // Plain loops: this looks at every cell of the plan.
  for (const grid of grids) {
    for (let r = 0; r < grid.values.length; r++) {
      const cells = grid.values[r];
      for (let c = 0; c < cells.length; c++) {
        const value = cells[c];
        if (typeof value === "string" && value.length > CELL_TEXT_MAX) {
          const at = { sheet: grid.sheet, row: grid.top + r, col: grid.left + c };
          findings.push(finding("warning", "text-too-long", at, { length: value.length, max: CELL_TEXT_MAX }));
        }
      }
    }
  }
  return findings;
}

/**
 * Hidden sheets and hidden rows are read like any other, but whoever checks the plan in Excel does not see them:
 * when they give the plan content (uppdrag, mål, ramjusteringar …), one warning per sheet, at the first such row.
 */
function hiddenContent(grids: Grid[], rows: RawRows): Finding[] {
  const findings: Finding[] = [];
  let all: RawRow[] | undefined; // made only when a sheet hides something
  for (const grid of grids) {
    const hiddenSheet = grid.visibility === "hidden";
    const hiddenRows = new Set(grid.hiddenRows ?? []);
    if (!hiddenSheet && hiddenRows.size === 0) continue;
    all ??= ROW_KINDS.flatMap((kind) => rows[kind].all());
    const read = all.filter((row) => row.ref.sheet === grid.sheet && (hiddenSheet || hiddenRows.has(row.ref.row)));
    if (read.length === 0) continue;
    const first = read.reduce((a, b) =>
      b.ref.row < a.ref.row || (b.ref.row === a.ref.row && b.ref.col < a.ref.col) ? b : a,
    );
    const count = new Set(read.map((row) => row.ref.row)).size;
    findings.push(
      finding("warning", "hidden-content", first.ref, { what: hiddenSheet ? "sheet" : "rows", rows: count }),
    );
  }
  return findings;
}
