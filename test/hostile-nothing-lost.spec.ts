/**
 * Nothing lost (issue #6), a model-based property test: random sequences of plan edits (uppdrag, mål and
 * ramjusteringar added, removed, renamed, moved to another nämnd, brought back), answers typed into the follow-up
 * sheets in between, and regenerations. After every regeneration, every answer ever typed (the latest on its row)
 * stands in its row — or, when its row left the nämnd's part of the plan, under "Utgår ur planen" — exactly as typed.
 *
 * The sheets go the way they go in the add-in and the CLI: SheetSpec → what a host reads back (Grid) → typed into →
 * collectAnswers → followUpSheets.
 */
import fc from "fast-check";
import { collectAnswers } from "../src/domain/followup/collect";
import { readFollowUpSheet } from "../src/domain/followup/answers";
import { followUpSheets } from "../src/domain/followup/generate";
import { COL, PlanRowKind } from "../src/domain/followup/model";
import { Adjustment, Assignment, DEFAULT_LEVELS, Goal, KeyFigure, Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { CellValue, Grid, cellText } from "../src/sheet/grid";
import { SheetSpec } from "../src/sheet/spec";
import { FORMULA_LIKE_TEXTS, ODD_UNICODE, specToGrid } from "./hostile-support";

const COMMITTEES = ["KS", "TN", "SAN"] as const;
const PERIOD = DEFAULT_SETTINGS.periods[0];
const YEAR = 2025;

type Op =
  | { op: "addAssignment"; title: string; committees: string[]; goal: number; withId: boolean }
  | { op: "removeAssignment"; index: number }
  | { op: "renameAssignment"; index: number; title: string }
  | { op: "moveAssignment"; index: number; committees: string[] }
  | { op: "restoreAssignment"; index: number }
  | { op: "addGoal"; name: string; committee: string | null; parent: number }
  | { op: "removeGoal"; index: number }
  | { op: "renameGoal"; index: number; name: string }
  | { op: "addAdjustment"; committee: string; tkr: number; assignment: number }
  | { op: "removeAdjustment"; index: number }
  | { op: "changeAmount"; index: number; tkr: number }
  | { op: "type"; sheet: number; row: number; input: number; comment: string | null }
  | { op: "regenerate" };

const title = fc.oneof(
  fc.constantFrom("Ta fram en plan", "Se över taxorna", "Inför e-tjänster", "Stärk företagsklimatet"),
  fc.constantFrom(...FORMULA_LIKE_TEXTS),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ""),
);
const committees = fc.subarray([...COMMITTEES], { minLength: 1 });
const index = fc.nat(1000);

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("addAssignment" as const),
      title,
      committees,
      goal: index,
      withId: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("removeAssignment" as const), index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("renameAssignment" as const), index, title }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("moveAssignment" as const), index, committees }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("restoreAssignment" as const), index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("addGoal" as const),
      name: title,
      committee: fc.option(fc.constantFrom(...COMMITTEES)),
      parent: index,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("removeGoal" as const), index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("renameGoal" as const), index, name: title }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("addAdjustment" as const),
      committee: fc.constantFrom(...COMMITTEES),
      tkr: fc.integer({ min: -5000, max: 5000 }),
      assignment: index,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("removeAdjustment" as const), index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("changeAmount" as const),
      index,
      tkr: fc.integer({ min: -5000, max: 5000 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("type" as const),
      sheet: index,
      row: index,
      input: index,
      comment: fc.option(
        fc.oneof(fc.constantFrom(...FORMULA_LIKE_TEXTS, ...ODD_UNICODE), fc.string({ minLength: 1 })),
        {
          freq: 3,
        },
      ),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ op: "regenerate" as const }) },
);

/** The plan the sequences start from: a vision, two KF goals, a nämndmål each, an uppdrag each, a ramjustering. */
function startPlan(): Plan {
  const goals: Goal[] = [
    { id: "V1", level: "vision", name: "Kommunen växer", parentIds: [], committee: null, target: null },
    { id: "M1", level: "kommunmal", name: "Näringsliv och tillväxt", parentIds: ["V1"], committee: null, target: null },
    { id: "M2", level: "kommunmal", name: "Klimat och miljö", parentIds: ["V1"], committee: null, target: null },
    ...COMMITTEES.map((code, i): Goal => ({
      id: `NM${i + 1}`,
      level: "namndmal",
      name: `${code}s mål`,
      parentIds: [i % 2 ? "M2" : "M1"],
      committee: code,
      target: null,
    })),
  ];
  const assignments: Assignment[] = COMMITTEES.map((code, i) => ({
    id: `U${i + 1}`,
    title: `Uppdrag till ${code}`,
    clarification: null,
    goalIds: [i % 2 ? "M2" : "M1"],
    committees: [code],
    origin: "council",
    year: YEAR,
  }));
  const adjustments: Adjustment[] = [
    {
      id: "R1",
      committee: "KS",
      year: YEAR,
      amountOre: 25_000_000,
      direction: "increase",
      duration: "temporary",
      assignmentId: "U1",
      description: null,
      isIndex: false,
    },
  ];
  const keyFigures: KeyFigure[] = [
    { id: "N1", name: "Antal företag", koladaId: "N00001", goalId: "M1", target: "500", unit: "antal" },
  ];
  return {
    years: [YEAR, YEAR + 1],
    levels: DEFAULT_LEVELS,
    committees: COMMITTEES.map((code) => ({ code, name: null, kind: "committee" })),
    goals,
    assignments,
    adjustments,
    keyFigures,
    budgets: [],
    investments: [],
  };
}

interface Typed {
  committee: string;
  key: string;
  input: string | number;
  comment: string | null;
}

const INPUTS: Record<PlanRowKind, (string | number)[]> = {
  goal: DEFAULT_SETTINGS.scales.goal.map((v) => v.label),
  assignment: DEFAULT_SETTINGS.scales.assignment.map((v) => v.label),
  adjustment: [180, 0, -250.5, 1200, "300"],
  keyFigure: [42, "..", "–", ...FORMULA_LIKE_TEXTS],
};

/** What a host hands back for a typed value: text as written but trimmed, numbers as numbers. */
const asRead = (value: string | number | null) =>
  value === null || typeof value === "number" ? value : cellText(value) || null;

/** Runs the sequence; throws at the first answer that is not where it belongs. */
function run(ops: Op[]): void {
  const plan = startPlan();
  const removedAssignments: Assignment[] = [];
  let counter = 100;
  const typed = new Map<string, Typed>(); // committee + key → the latest answer typed on that row
  let specs: { committee: string; spec: SheetSpec }[] = [];
  let grids: Grid[] = [];

  const regenerate = () => {
    const collected = collectAnswers(plan, [{ source: "huvudfil.xlsx", grids }], PERIOD, YEAR, DEFAULT_SETTINGS);
    const sheets = followUpSheets(plan, {
      period: PERIOD,
      year: YEAR,
      due: null,
      generatedAt: `2025-04-${String((counter++ % 28) + 1).padStart(2, "0")}T00:00:00Z`,
      planName: "plan.xlsx",
      settings: DEFAULT_SETTINGS,
      answers: collected.byCommittee,
      earlier: collected.earlier,
    });
    specs = sheets.map((s) => ({ committee: s.committee.code, spec: s.spec }));
    grids = specs.map((s) => specToGrid(s.spec));
    check();
  };

  /** Every answer typed is on its row (in the plan) or under "Utgår ur planen" (not in the nämnd's part any more). */
  const check = () => {
    for (const answer of typed.values()) {
      const at = `${answer.committee} ${answer.key}`;
      const index = specs.findIndex((s) => s.committee === answer.committee);
      if (index < 0) throw new Error(`${at}: the nämnd has no sheet, and its answer is gone`);
      const rows = readFollowUpSheet(grids[index]).rows.filter((r) => r.key === answer.key);
      if (rows.length !== 1) throw new Error(`${at}: ${rows.length} rows with the key`);
      const [row] = rows;
      const got = { input: asRead(row.input as string | number | null), comment: asRead(row.comment as string | null) };
      const want = { input: asRead(answer.input), comment: asRead(answer.comment) };
      if (got.input !== want.input || got.comment !== want.comment)
        throw new Error(`${at}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
      const inPlan = rowsOf(answer.committee).has(answer.key);
      if (row.removed === inPlan)
        throw new Error(
          `${at}: ${row.removed ? "under Utgår ur planen but still in the plan" : "in the plan's rows but not in the plan"}`,
        );
    }
  };

  /** The keys the plan gives a nämnd's sheet now. */
  const rowsOf = (code: string): Set<string> => {
    const spec = specs.find((s) => s.committee === code)?.spec;
    const keys = new Set<string>();
    const grid = spec ? specToGrid(spec) : null;
    for (const row of grid ? readFollowUpSheet(grid).rows : []) if (!row.removed) keys.add(row.key);
    return keys;
  };

  const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
  const goalIds = () => plan.goals.map((g) => g.id);

  regenerate();
  for (const o of ops) {
    switch (o.op) {
      case "addAssignment": {
        const id = o.withId ? `U${counter++}` : `uppdrag:${o.title}:${o.committees.join(",")}:${YEAR}`;
        if (plan.assignments.some((a) => a.id === id)) break;
        const goal = pick(goalIds(), o.goal);
        plan.assignments.push({
          id,
          title: o.title,
          clarification: null,
          goalIds: goal ? [goal] : [],
          committees: o.committees,
          origin: "council",
          year: YEAR,
        });
        break;
      }
      case "removeAssignment": {
        const a = pick(plan.assignments, o.index);
        if (!a) break;
        plan.assignments = plan.assignments.filter((x) => x !== a);
        plan.adjustments = plan.adjustments.map((r) => (r.assignmentId === a.id ? { ...r, assignmentId: null } : r));
        removedAssignments.push(a);
        break;
      }
      case "renameAssignment": {
        const a = pick(plan.assignments, o.index);
        if (!a) break;
        // With an ID the row keeps its key; without, the key follows the title (README): a new row.
        const id = a.id.startsWith("uppdrag:") ? `uppdrag:${o.title}:${a.committees.join(",")}:${YEAR}` : a.id;
        if (id !== a.id && plan.assignments.some((x) => x.id === id)) break;
        Object.assign(a, { id, title: o.title });
        break;
      }
      case "moveAssignment": {
        const a = pick(plan.assignments, o.index);
        if (a) a.committees = o.committees;
        break;
      }
      case "restoreAssignment": {
        const a = pick(removedAssignments, o.index);
        if (!a || plan.assignments.some((x) => x.id === a.id)) break;
        plan.assignments.push(a);
        break;
      }
      case "addGoal": {
        const parent = pick(
          plan.goals.filter((g) => g.level !== "namndmal"),
          o.parent,
        );
        plan.goals.push({
          id: `G${counter++}`,
          level: o.committee ? "namndmal" : "kommunmal",
          name: o.name,
          parentIds: parent ? [parent.id] : [],
          committee: o.committee,
          target: null,
        });
        break;
      }
      case "removeGoal": {
        const g = pick(plan.goals, o.index);
        if (!g) break;
        plan.goals = plan.goals
          .filter((x) => x !== g)
          .map((x) => ({ ...x, parentIds: x.parentIds.filter((p) => p !== g.id) }));
        plan.assignments = plan.assignments.map((a) => ({ ...a, goalIds: a.goalIds.filter((id) => id !== g.id) }));
        plan.keyFigures = plan.keyFigures.map((k) => (k.goalId === g.id ? { ...k, goalId: null } : k));
        break;
      }
      case "renameGoal": {
        const g = pick(plan.goals, o.index);
        if (g) g.name = o.name;
        break;
      }
      case "addAdjustment": {
        const a = pick(
          plan.assignments.filter((x) => x.committees.includes(o.committee)),
          o.assignment,
        );
        plan.adjustments.push({
          id: `R${counter++}`,
          committee: o.committee,
          year: YEAR,
          amountOre: o.tkr * 100_000,
          direction: o.tkr < 0 ? "decrease" : "increase",
          duration: "temporary",
          assignmentId: a?.id ?? null,
          description: null,
          isIndex: false,
        });
        break;
      }
      case "removeAdjustment": {
        const r = pick(plan.adjustments, o.index);
        if (r) plan.adjustments = plan.adjustments.filter((x) => x !== r);
        break;
      }
      case "changeAmount": {
        const r = pick(plan.adjustments, o.index);
        if (r) r.amountOre = o.tkr * 100_000;
        break;
      }
      case "type": {
        // Into a yellow cell of the sheet as it was last generated (the plan may have changed since).
        const i = specs.length ? o.sheet % specs.length : -1;
        if (i < 0) break;
        const { committee, spec } = specs[i];
        const editable = spec.blocks[0].rows
          .map((cells, r) => ({ r, cells }))
          .filter(({ cells }) => cells[COL.input]?.locked === false);
        const target = pick(editable, o.row);
        if (!target) break;
        const key = String(target.cells[COL.key].value);
        const kind = key.slice(0, key.indexOf("|")) as PlanRowKind;
        const input = INPUTS[kind][o.input % INPUTS[kind].length];
        const row = grids[i].values[target.r];
        while (row.length <= COL.comment) row.push(null);
        row[COL.input] = input as CellValue;
        row[COL.comment] = o.comment;
        typed.set(`${committee} ${key}`, { committee, key, input, comment: o.comment });
        break;
      }
      case "regenerate":
        regenerate();
        break;
    }
  }
  regenerate();
}

test("every answer ever typed is in its row or under Utgår ur planen, through any plan edits and regenerations", () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => run(ops)),
    { seed: 6_2024, numRuns: 200 },
  );
});

test("a hand-made sequence: an uppdrag answered, moved to another nämnd, renamed without an ID, brought back", () => {
  expect(() =>
    run([
      { op: "type", sheet: 0, row: 3, input: 0, comment: '=HYPERLINK("http://x","y")' }, // KS's uppdrag U1
      { op: "regenerate" },
      { op: "moveAssignment", index: 0, committees: ["TN"] },
      { op: "regenerate" },
      { op: "removeAssignment", index: 0 },
      { op: "regenerate" },
      { op: "restoreAssignment", index: 0 },
      { op: "moveAssignment", index: 2, committees: ["KS", "SAN"] },
      { op: "regenerate" },
    ]),
  ).not.toThrow();
});
