/**
 * Fuzzing the readers (issue #6): random grids and random mutations of the real example plans go through readPlan,
 * and random edits of generated follow-up sheets go through the answer reader and consolidation. Whatever comes in,
 * nothing throws, no finding is a catch-all, every finding names a real sheet and a cell inside Excel's limits, and
 * reading twice gives the same result. Fixed seeds and bounded runs keep it repeatable and fast.
 */
import fc from "fast-check";
import { readdirSync } from "fs";
import * as path from "path";
import { collectAnswers } from "../src/domain/followup/collect";
import { WorkbookInput, consolidate } from "../src/domain/followup/consolidate";
import { COL } from "../src/domain/followup/model";
import { reportFigures, reportWorkbook } from "../src/domain/followup/report";
import { Mapping, SHEET_KINDS, mappingProblems } from "../src/domain/mapping";
import { FIELD_NAMES } from "../src/domain/raw";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { readSettings } from "../src/domain/state";
import { findingMessage } from "../src/i18n/findings";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { CellValue, Grid } from "../src/sheet/grid";
import { cellValue, gridArbitrary, workbookArbitrary } from "./hostile-arbitraries";
import { FOLLOW_UP_RULES, PLAN_RULES, expectEqual, expectSoundFindings, ostersundFollowUp } from "./hostile-support";
import { EXAMPLES } from "./support/workbooks";

const SEED = 20_240_601;

/**
 * Deep copies, so that a reader that changed its input would be caught. (Not structuredClone: under Jest it makes
 * Dates of another realm, which `instanceof Date` does not recognise.)
 */
function clone<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  // A loop over the keys: copying through Object.entries and fromEntries took a tenth of this file's time. A key
  // "__proto__" (user text can be a key) is defined as an own property, as fromEntries did, not assigned.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = clone((value as Record<string, unknown>)[key]);
    if (key === "__proto__")
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}

/** readPlan's whole contract under hostile input. */
function checkReadPlan(grids: Grid[], mapping?: Mapping): void {
  const before = clone(grids);
  const first = readPlan(grids, mapping);
  expectEqual(grids, before);
  // Without a mapping every finding points into the content read; a mapping may name a column beyond it.
  expectSoundFindings(
    first.findings,
    grids.map((g) => g.sheet),
    PLAN_RULES,
    mapping ? undefined : grids,
  );
  const second = readPlan(clone(grids), mapping);
  expectEqual(second.findings, first.findings);
  expectEqual(second.plan, first.plan);
  expectEqual(second.sheets, first.sheets);
  // The plan holds no guess: every amount is a whole number of öre, every year a year.
  for (const a of first.plan.adjustments) expect(Number.isSafeInteger(a.amountOre)).toBe(true);
  for (const y of first.plan.years) expect(Number.isInteger(y)).toBe(true);
}

describe("readPlan on random grids", () => {
  test("any mix of values, Unicode, headers in odd places and blank runs", () => {
    fc.assert(
      fc.property(workbookArbitrary, (grids) => checkReadPlan(grids)),
      { seed: SEED, numRuns: 400 },
    );
  });

  test("with a random (valid) mapping naming the sheets", () => {
    const field = fc.constantFrom(...FIELD_NAMES);
    const sheetMapping = fc.record(
      {
        kind: fc.constantFrom(...SHEET_KINDS),
        headerRow: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(1_048_576)),
        columns: fc.dictionary(fc.constantFrom("A", "B", "C", "D", "E", "F", "Z", "XFD"), field, { maxKeys: 4 }),
        level: fc.constantFrom("vision", "omrade", "kommunmal", "namndmal", "okänd"),
        amountUnit: fc.constantFrom("kr", "tkr", "mnkr", "mdkr"),
      },
      { requiredKeys: ["kind"] },
    );
    const withMapping = workbookArbitrary.chain((grids) =>
      fc
        .record(
          {
            sheets: fc
              .subarray(grids.map((g) => g.sheet))
              .chain((names) => fc.tuple(...names.map(() => sheetMapping)).map((m) => names.map((n, i) => [n, m[i]]))),
            years: fc.array(fc.integer({ min: 1900, max: 2199 }), { maxLength: 3 }),
          },
          { requiredKeys: [] },
        )
        .map(({ sheets, years }): Mapping => ({
          ...(sheets ? { sheets: Object.fromEntries(sheets) } : {}),
          ...(years ? { years } : {}),
        }))
        .map((mapping) => ({ grids, mapping })),
    );
    fc.assert(
      fc.property(withMapping, ({ grids, mapping }) => {
        expect(mappingProblems(mapping)).toEqual([]);
        checkReadPlan(grids, mapping);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  test("found by fuzzing: a mapped header row above the sheet's first filled row", () => {
    // The table starts at row 5 (rows 1–4 blank); the mapping says the header is row 1.
    const grid: Grid = { sheet: "Blad1", top: 4, left: 0, values: [["KS-1", "Ta fram en klimatbudget.", "KS"]] };
    const mapping: Mapping = {
      sheets: { Blad1: { kind: "assignment", headerRow: 1, columns: { A: "id", B: "name", C: "committee" } } },
    };
    const { plan, findings } = readPlan([grid], mapping);
    expect(findings).toEqual([]);
    expect(plan.assignments.map((a) => [a.id, a.title, a.committees])).toEqual([
      ["KS-1", "Ta fram en klimatbudget.", ["KS"]],
    ]);
  });

  test("Måltavlan's state sheet with random content never stops the plan from being read", () => {
    const state = gridArbitrary(fc.constant("Måltavlan")).map((grid) => ({
      ...grid,
      top: 0,
      left: 0,
      values: [["#maltavlan state", ...(grid.values[0]?.slice(1) ?? [])], ...grid.values.slice(1)],
    }));
    fc.assert(
      fc.property(state, fc.string(), (grid, json) => {
        const withJson = { ...grid, values: [...grid.values, [json]] };
        for (const g of [grid, withJson]) {
          const settings = readSettings([g]);
          checkReadPlan([g], settings.mapping);
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Mutations of the real example plans

const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

/** One edit of a workbook's grids, as an economist (or a bad paste) might make. */
type Mutation =
  | { op: "set"; sheet: number; row: number; col: number; value: CellValue }
  | { op: "deleteRow"; sheet: number; row: number }
  | { op: "duplicateRow"; sheet: number; row: number }
  | { op: "swapRows"; sheet: number; row: number; other: number }
  | { op: "insertBlank"; sheet: number; row: number; count: number }
  | { op: "shift"; sheet: number; rows: number; cols: number }
  | { op: "hide"; sheet: number; visibility: "hidden" | "veryHidden" }
  | { op: "rename"; sheet: number; name: string }
  | { op: "dropSheet"; sheet: number };

const index = fc.nat(10_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ op: fc.constant("set" as const), sheet: index, row: index, col: index, value: cellValue }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("deleteRow" as const), sheet: index, row: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicateRow" as const), sheet: index, row: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("swapRows" as const), sheet: index, row: index, other: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("insertBlank" as const),
      sheet: index,
      row: index,
      count: fc.integer({ min: 1, max: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("shift" as const),
      sheet: index,
      rows: fc.integer({ min: 0, max: 50 }),
      cols: fc.integer({ min: 0, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("hide" as const),
      sheet: index,
      visibility: fc.constantFrom("hidden", "veryHidden"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("rename" as const),
      sheet: index,
      name: fc.constantFrom(
        "Blad1",
        "Mål",
        "Uppdrag",
        "Nämndmål",
        "Ramjusteringar",
        "Inställningar",
        "Budgetdokument",
        "Data",
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("dropSheet" as const), sheet: index }) },
);

function mutate(source: Grid[], mutations: Mutation[]): Grid[] {
  let grids = clone(source);
  for (const m of mutations) {
    if (grids.length === 0) break;
    const grid = grids[m.sheet % grids.length];
    const height = grid.values.length;
    const width = Math.max(1, ...grid.values.map((r) => r.length));
    const r = height ? (m.sheet >= 0 && "row" in m ? m.row % height : 0) : 0;
    switch (m.op) {
      case "set":
        if (!height) grid.values.push(Array<CellValue>(width).fill(null));
        grid.values[height ? r : 0][m.col % width] = m.value;
        break;
      case "deleteRow":
        grid.values.splice(r, 1);
        break;
      case "duplicateRow":
        if (height) grid.values.splice(r, 0, [...grid.values[r]]);
        break;
      case "swapRows":
        if (height) [grid.values[r], grid.values[m.other % height]] = [grid.values[m.other % height], grid.values[r]];
        break;
      case "insertBlank":
        grid.values.splice(r, 0, ...Array.from({ length: m.count }, () => Array<CellValue>(width).fill(null)));
        break;
      case "shift":
        grid.top += m.rows;
        grid.left += m.cols;
        grid.merges = grid.merges?.map((g) => ({
          top: g.top + m.rows,
          bottom: g.bottom + m.rows,
          left: g.left + m.cols,
          right: g.right + m.cols,
        }));
        grid.hiddenRows = grid.hiddenRows?.map((h) => h + m.rows);
        break;
      case "hide":
        grid.visibility = m.visibility;
        break;
      case "rename":
        if (!grids.some((g) => g.sheet.toLowerCase() === m.name.toLowerCase())) grid.sheet = m.name;
        break;
      case "dropSheet":
        grids = grids.filter((g) => g !== grid);
        break;
    }
    // Rows and merges must stay inside the grid after rows come and go.
    const rows = grid.values.length;
    grid.merges = grid.merges?.filter((g) => g.bottom < grid.top + rows && g.top >= grid.top);
    grid.hiddenRows = grid.hiddenRows?.filter((h) => h < grid.top + rows);
    grid.formats = undefined;
  }
  return grids;
}

describe("readPlan on mutated example plans", () => {
  let examples: { name: string; grids: Grid[] }[];
  beforeAll(async () => {
    examples = await Promise.all(
      exampleFiles.map(async (name) => ({ name, grids: (await readWorkbookFile(path.join(EXAMPLES, name))).grids })),
    );
  });

  test("there are examples to mutate", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  test.each(exampleFiles)("%s, with random edits", (name) => {
    const { grids } = examples.find((e) => e.name === name)!;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        checkReadPlan(mutate(grids, mutations));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The follow-up answer reader and consolidation

type SheetEdit =
  | { op: "set"; row: number; col: number; value: CellValue }
  | { op: "setKey"; row: number; key: string }
  | { op: "deleteRow"; row: number }
  | { op: "duplicateRow"; row: number }
  | { op: "insertRow"; row: number; values: CellValue[] }
  | { op: "swapRows"; row: number; other: number }
  | { op: "marker"; value: CellValue }
  | { op: "meta"; value: CellValue }
  | { op: "rename"; name: string }
  | { op: "shift"; rows: number; cols: number };

const metaText = fc.oneof(
  fc.constant("{"),
  fc.constant("null"),
  fc.constant("[]"),
  fc.constant('{"committee":"KS","period":"T1","year":"2024","generatedAt":1,"format":1}'),
  fc.constant('{"committee":"FINNS-INTE","period":"T1","year":2024,"generatedAt":"2024-01-01","format":1}'),
  fc.constant('{"committee":"KS","period":"Helår","year":2024,"generatedAt":"9999","format":99}'),
  fc.constant('{"committee":"__proto__","period":"T1","year":2024,"generatedAt":"x","format":1}'),
  fc.json(),
);

const sheetEdit = (keys: string[]): fc.Arbitrary<SheetEdit> =>
  fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({
        op: fc.constant("set" as const),
        row: index,
        // The answer and comment columns most, but any column (locked ones too, after unprotecting).
        col: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(COL.input, COL.comment) },
          { weight: 1, arbitrary: fc.nat(9) },
        ),
        value: fc.oneof(
          cellValue,
          fc.constantFrom(
            "Genomfört",
            "Påbörjat",
            "Försenat",
            "Uppfyllt",
            "Delvis uppfyllt",
            "genomfört ",
            "Klart",
            180,
            "180 tkr",
            "1.200",
          ),
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("setKey" as const),
        row: index,
        key: fc.oneof(
          fc.constantFrom(...keys),
          fc.constantFrom("goal|", "|", "assignment|FINNS-INTE", "keyFigure|x|y", "goal||"),
        ),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("deleteRow" as const), row: index }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicateRow" as const), row: index }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("insertRow" as const),
        row: index,
        values: fc.array(cellValue, { maxLength: 9 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("swapRows" as const), row: index, other: index }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant("marker" as const), value: fc.oneof(cellValue, fc.constant(null)) }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("meta" as const), value: fc.oneof(metaText, cellValue) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("rename" as const),
        name: fc.constantFrom("Våra svar", "KS T1 2025", "TN T1 2024", "KS Helår 2024", "T1 2024", "KS  T1 2024", "x"),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant("shift" as const), rows: fc.nat(3), cols: fc.nat(2) }),
    },
  );

function editSheet(source: Grid, edits: SheetEdit[]): Grid {
  const grid = clone(source);
  const width = () => Math.max(COL.comment + 1, ...grid.values.map((r) => r.length));
  for (const e of edits) {
    const height = grid.values.length;
    const r = "row" in e && height ? e.row % height : 0;
    switch (e.op) {
      case "set": {
        if (!height) grid.values.push([]);
        const row = grid.values[r];
        while (row.length <= e.col) row.push(null);
        row[e.col] = e.value;
        break;
      }
      case "setKey":
        if (height) grid.values[r][COL.key] = e.key;
        break;
      case "deleteRow":
        grid.values.splice(r, 1);
        break;
      case "duplicateRow":
        if (height) grid.values.splice(r, 0, [...grid.values[r]]);
        break;
      case "insertRow":
        grid.values.splice(r, 0, [null, ...e.values]);
        break;
      case "swapRows":
        if (height) [grid.values[r], grid.values[e.other % height]] = [grid.values[e.other % height], grid.values[r]];
        break;
      case "marker":
      case "meta": {
        const at = e.op === "marker" ? 0 : 1;
        while (grid.values.length <= at) grid.values.push([]);
        grid.values[at][0] = e.value;
        break;
      }
      case "rename":
        grid.sheet = e.name;
        break;
      case "shift":
        grid.top += e.rows;
        grid.left += e.cols;
        break;
    }
  }
  // A host reads a rectangle.
  const w = width();
  grid.values = grid.values.map((row) => [...row, ...Array<CellValue>(Math.max(0, w - row.length)).fill(null)]);
  return grid;
}

describe("follow-up answers and consolidation on tampered sheets", () => {
  let plan: Plan;
  let sheets: Grid[];
  let keys: string[];
  const period = DEFAULT_SETTINGS.periods[0];
  beforeAll(async () => {
    ({ plan, sheets } = await ostersundFollowUp());
    keys = sheets.flatMap((g) =>
      g.values.map((row) => row[COL.key]).filter((k): k is string => typeof k === "string" && k.includes("|")),
    );
  });

  test("collectAnswers and consolidate take any edit of any sheet", () => {
    const returned = fc
      .array(
        fc.record({ sheet: fc.nat(100), edits: fc.array(sheetEdit(keys), { maxLength: 15 }), master: fc.boolean() }),
        { minLength: 1, maxLength: 4 },
      )
      .map((returns) =>
        returns.map(({ sheet, edits, master }, i): WorkbookInput => ({
          file: `svar-${i}.xlsx`,
          grids: [editSheet(sheets[sheet % sheets.length], edits)],
          modified: new Date(Date.UTC(2024, 4, 1 + i)),
          master,
        })),
      );
    fc.assert(
      fc.property(returned, fc.boolean(), (inputs, wanted) => {
        const before = clone(inputs);
        const planBefore = clone(plan);

        const collected = collectAnswers(
          plan,
          inputs.map((i) => ({ source: i.file, grids: i.grids })),
          period,
          2024,
          DEFAULT_SETTINGS,
        );
        for (const answers of collected.byCommittee.values()) {
          for (const [key, answer] of answers) {
            expect(answer.key).toBe(key);
            expect(answer.input === null || ["string", "number"].includes(typeof answer.input)).toBe(true);
          }
        }

        const run = () =>
          consolidate(plan, clone(inputs), DEFAULT_SETTINGS, wanted ? { period, year: 2024 } : undefined);
        const result = run();
        expectEqual(inputs, before);
        expectEqual(plan, planBefore);
        const sheetNames = inputs.flatMap((i) => i.grids.map((g) => g.sheet));
        expectSoundFindings(result.findings, sheetNames, FOLLOW_UP_RULES);
        for (const f of result.findings) {
          expect(inputs.map((i) => i.file)).toContain(f.file);
          expect(inputs.find((i) => i.file === f.file)!.grids.map((g) => g.sheet)).toContain(f.sheet);
        }
        expectEqual(run(), result);

        // Nothing on a sheet changes the plan: titles and amounts in the result come from the plan.
        for (const c of result.committees) {
          for (const row of c.rows) {
            if (row.kind === "assignment") expect(row.title).toBe(plan.assignments.find((a) => a.id === row.id)!.title);
            if (row.kind === "adjustment") expect(typeof row.input === "number" || row.input === null).toBe(true);
          }
        }
        const figures = reportFigures(result, DEFAULT_SETTINGS);
        for (const f of figures) {
          const planned = plan.adjustments.filter((a) => a.committee === f.code).reduce((s, a) => s + a.amountOre, 0);
          expect(Math.round(f.adjustmentsTkr * 100_000)).toBe(planned);
        }
        const report = reportWorkbook(plan, result, DEFAULT_SETTINGS, (f) => findingMessage(f), GOAL_REPORT_WORDS.sv);
        expect(report.sheets.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
