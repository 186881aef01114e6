/**
 * Model-based: the Ekonomi section through any sequence of typing (utfall, prognos, kommentar, åtgärder), plan edits
 * (budgets, tilläggsbudgetar, projects added, renamed, removed) and regenerations, some with a ledger. Every figure and
 * text typed stays on its row, or under "Utgår ur planen" when its project left the plan; the budget is always the
 * plan's; the ledger fills only what the nämnd did not type, and a typed utfall it differs from is a finding with both.
 */
import fc from "fast-check";
import { readFollowUpSheet } from "../src/domain/followup/answers";
import { collectAnswers } from "../src/domain/followup/collect";
import { BUDGET_MISSING } from "../src/domain/followup/expected";
import { Finding } from "../src/domain/findings";
import { followUpSheets } from "../src/domain/followup/generate";
import { COL, ECONOMY_COL } from "../src/domain/followup/model";
import { oreToTkr } from "../src/domain/amounts";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { CellValue, Grid, cellText } from "../src/sheet/grid";
import { SheetSpec } from "../src/sheet/spec";
import { TKR, economyPlan, gridOf, options } from "./support/economy";

const CODES = ["KS", "BUN"];
const FIGURES: (number | string)[] = [40_000, 1_234.5, 0, -250, 119_999.99, "tio", "ca 5 mnkr"];
const TEXTS = ["Lägre kostnader för vikarier.", "=SUMMA(A1)", "Åtgärd: anställningsstopp", " inledande blanksteg"];

type Op =
  | { op: "type"; sheet: number; row: number; outcome: number | null; forecast: number | null; text: number | null }
  | { op: "frame"; committee: number; tkr: number }
  | { op: "supplementary"; committee: number; tkr: number }
  | { op: "addProject"; name: string; tkr: number }
  | { op: "renameProject"; index: number; name: string }
  | { op: "removeProject"; index: number }
  | { op: "ledger"; committee: number; tkr: number }
  | { op: "regenerate" };

const maybe = (max: number) => fc.option(fc.nat({ max }), { nil: null });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("type" as const),
    sheet: fc.nat(3),
    row: fc.nat(20),
    outcome: maybe(FIGURES.length - 1),
    forecast: maybe(FIGURES.length - 1),
    text: maybe(TEXTS.length - 1),
  }),
  fc.record({ op: fc.constant("frame" as const), committee: fc.nat(1), tkr: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({
    op: fc.constant("supplementary" as const),
    committee: fc.nat(1),
    tkr: fc.integer({ min: -900, max: 900 }),
  }),
  fc.record({
    op: fc.constant("addProject" as const),
    name: fc.constantFrom("Förskola", "Cykelväg", "Ny skola", "Reningsverk"),
    tkr: fc.integer({ min: 1, max: 90_000 }),
  }),
  fc.record({ op: fc.constant("renameProject" as const), index: fc.nat(5), name: fc.constantFrom("Skola 2", "Väg 9") }),
  fc.record({ op: fc.constant("removeProject" as const), index: fc.nat(5) }),
  // Never a figure a nämnd types here: one typed equal to the ledger's cannot be told from the ledger's (see ledger.ts).
  fc.record({
    op: fc.constant("ledger" as const),
    committee: fc.nat(1),
    tkr: fc.integer({ min: 50_001, max: 200_000 }),
  }),
  fc.constant({ op: "regenerate" as const }),
);

/** What a nämnd last typed in each cell of a row. */
interface Typed {
  outcome?: number | string;
  forecast?: number | string;
  text?: string;
}

/** A host hands typed text back trimmed. */
const asRead = (value: CellValue | undefined) =>
  value === null || value === undefined || typeof value === "number" ? (value ?? null) : cellText(value) || null;

function run(ops: Op[]): void {
  const plan = economyPlan();
  let counter = 0;
  const typed = new Map<string, Typed>(); // "<committee> <key>"
  let ledger = new Map<string, number>();
  let specs: { committee: string; spec: SheetSpec }[] = [];
  let grids: Grid[] = [];
  let findings: Finding[] = [];

  const regenerate = () => {
    const collected = collectAnswers(
      plan,
      [{ source: "huvudfil.xlsx", grids }],
      options().period,
      2025,
      DEFAULT_SETTINGS,
    );
    const sheets = followUpSheets(
      plan,
      options({
        answers: collected.byCommittee,
        earlier: collected.earlier,
        generatedAt: `2025-04-${String((counter++ % 28) + 1).padStart(2, "0")}T00:00:00Z`,
        ledgerOutcomes: ledger,
      }),
    );
    specs = sheets.map((s) => ({ committee: s.committee.code, spec: s.spec }));
    grids = specs.map((s) => gridOf(s.spec));
    findings = sheets.flatMap((s) => s.findings);
    check();
    ledger = new Map(); // a ledger import is for one run
  };

  const check = () => {
    for (const [at, want] of typed) {
      const [committee, key] = at.split(" ");
      const index = specs.findIndex((s) => s.committee === committee);
      if (index < 0) throw new Error(`${at}: the nämnd has no sheet`);
      const rows = readFollowUpSheet(grids[index]).rows.filter((r) => r.key === key);
      if (rows.length !== 1) throw new Error(`${at}: ${rows.length} rows with the key`);
      const [row] = rows;
      const got = { outcome: asRead(row.outcome), forecast: asRead(row.input), text: asRead(row.comment) };
      for (const field of ["outcome", "forecast", "text"] as const) {
        if (want[field] !== undefined && got[field] !== asRead(want[field]!))
          throw new Error(`${at}: ${field} ${JSON.stringify(got[field])} instead of ${JSON.stringify(want[field])}`);
      }
      const inPlan =
        key === "economy|drift" || key === "measures|drift" || plan.investments.some((i) => key.endsWith(`|${i.id}`));
      if (row.removed === inPlan) throw new Error(`${at}: removed is ${row.removed}, in the plan ${inPlan}`);
    }
    for (const { committee, spec } of specs) {
      const rows = spec.blocks[0].rows;
      const r = rows.findIndex((row) => row[COL.key]?.value === "economy|drift");
      const budgets = plan.budgets.filter((b) => b.committee === committee && b.year === 2025);
      const budget = budgets.length ? oreToTkr(budgets.reduce((sum, b) => sum + b.amountOre, 0)) : BUDGET_MISSING;
      if (rows[r][ECONOMY_COL.budget].value !== budget) throw new Error(`${committee}: budget is not the plan's`);
      // The ledger: shown where nothing was typed; a typed utfall stays, with a finding when the ledger differs.
      const fromLedger = ledger.get(committee);
      if (fromLedger === undefined) continue;
      const own = typed.get(`${committee} economy|drift`)?.outcome;
      const shown = rows[r][ECONOMY_COL.outcome].value;
      const said = findings.filter((f) => f.rule === "followup-ledger-differs" && f.sheet === spec.name);
      if (own === undefined) {
        if (shown !== oreToTkr(fromLedger) || said.length)
          throw new Error(`${committee}: the ledger's utfall not shown`);
      } else {
        const differs = own !== oreToTkr(fromLedger);
        if (shown !== own) throw new Error(`${committee}: the typed utfall replaced by the ledger's`);
        if (said.length !== (differs ? 1 : 0)) throw new Error(`${committee}: ${said.length} findings for the ledger`);
        if (differs && (said[0].params.typed !== own || said[0].params.ledger !== oreToTkr(fromLedger)))
          throw new Error(`${committee}: the finding does not show both figures`);
      }
    }
  };

  const projects = () => [...new Set(plan.investments.map((i) => i.project))];
  const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

  regenerate();
  for (const o of ops) {
    switch (o.op) {
      case "type": {
        const i = o.sheet % specs.length;
        const { committee, spec } = specs[i];
        const rows = spec.blocks[0].rows
          .map((cells, r) => ({ r, key: String(cells[COL.key]?.value ?? "") }))
          .filter(({ key }) => /^(economy|investment|measures)\|/.test(key));
        const target = pick(rows, o.row);
        if (!target) break;
        const row = grids[i].values[target.r];
        while (row.length <= COL.comment) row.push(null);
        const was = typed.get(`${committee} ${target.key}`) ?? {};
        const now: Typed = { ...was };
        if (o.text !== null) row[ECONOMY_COL.comment] = now.text = TEXTS[o.text];
        if (!target.key.startsWith("measures|")) {
          if (o.outcome !== null) row[ECONOMY_COL.outcome] = now.outcome = FIGURES[o.outcome];
          if (o.forecast !== null) row[ECONOMY_COL.forecast] = now.forecast = FIGURES[o.forecast];
        }
        typed.set(`${committee} ${target.key}`, now);
        break;
      }
      case "frame": {
        const committee = CODES[o.committee];
        plan.budgets = plan.budgets.filter(
          (b) => !(b.committee === committee && b.kind === "frame" && b.year === 2025),
        );
        plan.budgets.push({
          id: `F${counter++}`,
          committee,
          year: 2025,
          amountOre: o.tkr * TKR,
          kind: "frame",
          description: null,
        });
        break;
      }
      case "supplementary":
        plan.budgets.push({
          id: `T${counter++}`,
          committee: CODES[o.committee],
          year: 2025,
          amountOre: o.tkr * TKR,
          kind: "supplementary",
          description: "Tilläggsbudget",
        });
        break;
      case "addProject":
        plan.investments.push({
          id: `P${counter++}`,
          committee: "KS",
          project: o.name,
          year: 2025,
          amountOre: o.tkr * TKR,
        });
        break;
      case "renameProject": {
        const name = pick(projects(), o.index);
        if (!name || projects().includes(o.name)) break;
        for (const i of plan.investments) if (i.project === name) i.project = o.name;
        break;
      }
      case "removeProject": {
        const name = pick(projects(), o.index);
        plan.investments = plan.investments.filter((i) => i.project !== name);
        break;
      }
      case "ledger":
        ledger.set(CODES[o.committee], o.tkr * TKR);
        break;
      case "regenerate":
        regenerate();
        break;
    }
  }
  regenerate();
}

test("every figure, kommentar and åtgärd typed survives plan edits and regenerations, with and without a ledger", () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => run(ops)),
    { seed: 18_2025, numRuns: 150 },
  );
});

test("a hand-made sequence: the ledger fills the utfall, a newer ledger replaces it, a typed one stays", () => {
  expect(() =>
    run([
      { op: "ledger", committee: 0, tkr: 30_000 },
      { op: "regenerate" },
      { op: "ledger", committee: 0, tkr: 35_000 },
      { op: "regenerate" },
      { op: "type", sheet: 0, row: 0, outcome: 0, forecast: 1, text: 0 },
      { op: "ledger", committee: 0, tkr: 36_000 },
      { op: "regenerate" },
      { op: "removeProject", index: 0 },
      { op: "type", sheet: 0, row: 2, outcome: 5, forecast: 6, text: 1 },
    ]),
  ).not.toThrow();
});
