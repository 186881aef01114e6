/**
 * Nothing lost without a finding (issue #16), a model-based property test with a fixed seed: random plan edits
 * (uppdrag renamed, moved to other nämnder, split in two, merged or deleted; nämnder given new codes, with or without
 * a new name; nämndmål and ramjusteringar deleted), answers typed, the returned sheets tampered with (marker or
 * metadata cleared or broken, sheet renamed, rows inserted, the sheet rewritten in format 1), and regenerations. After
 * every regeneration each answer typed stands on a row of the sheet of the nämnd that typed it (under its code now) —
 * or, misplaced, on some sheet, with a finding on the sheet it was typed in — or a finding names its row or its sheet.
 * An answer on an uppdrag split or merged (its ID built on as a plan numbers them: "U0a", "U0b"; "U1+U2") is shown,
 * locked, on each row that took its place, on the sheet of each nämnd that row is given, and a finding names it.
 *
 * The sheets go the way they go in the add-in and the CLI: SheetSpec → what a host reads back (Grid) → typed into and
 * tampered with → collectAnswers → followUpSheets.
 */
import fc from "fast-check";
import { readFollowUpSheet } from "../src/domain/followup/answers";
import { collectAnswers } from "../src/domain/followup/collect";
import { followUpSheets } from "../src/domain/followup/generate";
import {
  COL,
  PlanRowKind,
  INFO_KEY,
  META_ROW,
  SECTION_KEY,
  TOTAL_KEY,
  parseRowKey,
  rowKey,
} from "../src/domain/followup/model";
import { FileFinding } from "../src/domain/findings";
import { findingMessage } from "../src/i18n/findings";
import { Plan } from "../src/domain/model";
import { modelAdjustment, modelAssignment, modelGoal, modelPlan } from "./support/modelPlan";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { CellValue, Grid, cellText } from "../src/sheet/grid";
import { SheetSpec } from "../src/sheet/spec";
import { specToGrid } from "./hostile-support";

const PERIOD = DEFAULT_SETTINGS.periods[0];
const YEAR = 2025;
const FILE = "huvudfil.xlsx";

type Tamper =
  | "clearMarker"
  | "clearMeta"
  | "breakMeta"
  | "renameSheet"
  | "forget"
  | "insertRemovedTitle"
  | "insertText"
  | "insertEmpty"
  | "formatOne";

type Op =
  | { op: "renameAssignment"; index: number }
  | { op: "moveAssignment"; index: number; committees: number[] }
  | { op: "splitAssignment"; index: number; committees: number[] }
  | { op: "mergeAssignments"; index: number; other: number }
  | { op: "deleteAssignment"; index: number }
  | { op: "deleteGoal"; index: number }
  | { op: "deleteAdjustment"; index: number }
  | { op: "recode"; committee: number; rename: boolean }
  | { op: "type"; sheet: number; row: number; input: number; comment: boolean }
  | { op: "tamper"; sheet: number; tamper: Tamper; at: number }
  | { op: "regenerate" };

const index = fc.nat(1000);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant("renameAssignment" as const), index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("moveAssignment" as const),
      index,
      committees: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("splitAssignment" as const),
      index,
      committees: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("mergeAssignments" as const), index, other: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("deleteAssignment" as const), index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("deleteGoal" as const), index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("deleteAdjustment" as const), index }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("recode" as const), committee: fc.nat(2), rename: fc.boolean() }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("type" as const),
      sheet: index,
      row: index,
      input: index,
      comment: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("tamper" as const),
      sheet: index,
      tamper: fc.constantFrom<Tamper>(
        "clearMarker",
        "clearMeta",
        "breakMeta",
        "renameSheet",
        "forget",
        "insertRemovedTitle",
        "insertText",
        "insertEmpty",
        "formatOne",
      ),
      at: index,
    }),
  },
  { weight: 3, arbitrary: fc.constant({ op: "regenerate" as const }) },
);

/** Three nämnder, each with a nämndmål, two uppdrag (one shared) and a ramjustering; ids throughout. */
function startPlan(): Plan {
  const codes = ["KS", "TN", "SAN"];
  return modelPlan({
    years: [YEAR],
    committees: codes.map((code) => ({ code, name: `Nämnden ${code}`, kind: "committee" })),
    goals: [
      modelGoal({ id: "V1", level: "vision", name: "Vision" }),
      modelGoal({ id: "M1", level: "kommunmal", name: "Ett mål", parentIds: ["V1"] }),
      ...codes.map((code, i) =>
        modelGoal({ id: `NM${i}`, level: "namndmal", name: `Mål för ${code}`, parentIds: ["M1"], committee: code }),
      ),
    ],
    assignments: [
      ...codes.map((code, i) =>
        modelAssignment({
          id: `U${i}`,
          title: `Uppdrag till ${code}`,
          goalIds: [`NM${i}`],
          committees: [code],
          year: YEAR,
        }),
      ),
      modelAssignment({ id: "U9", title: "Uppdrag till alla", goalIds: ["M1"], committees: [...codes], year: YEAR }),
    ],
    adjustments: codes.map((code, i) =>
      modelAdjustment({ id: `R${i}`, committee: code, year: YEAR, amountOre: (i + 1) * 10_000_000 }),
    ),
  });
}

const INPUTS: Record<PlanRowKind, (string | number)[]> = {
  goal: DEFAULT_SETTINGS.scales.goal.map((v) => v.label),
  assignment: DEFAULT_SETTINGS.scales.assignment.map((v) => v.label),
  adjustment: [180, -25.5, 0],
  keyFigure: [42],
};

interface Typed {
  /** The nämnd that typed it, under its code now. */
  committee: string;
  key: string;
  input: string | number;
  comment: string | null;
}

/** The sheet's key in column A as this version reads it, or null. */
const keyIn = (grid: Grid, r: number): string | null => {
  const key = parseRowKey(cellText(grid.values[r]?.[COL.key] ?? null));
  return key && rowKey(key.kind, key.id);
};

function tamper(grid: Grid, how: Tamper, at: number, counter: number): void {
  const v = grid.values;
  const insertAt = 2 + (at % Math.max(1, v.length - 2));
  switch (how) {
    case "clearMarker":
      v[0][COL.key] = null;
      break;
    case "clearMeta":
      v[META_ROW][COL.key] = null;
      break;
    case "breakMeta":
      v[META_ROW][COL.key] = '{"committee":';
      break;
    case "renameSheet":
      grid.sheet = `Våra svar ${counter}`;
      break;
    case "forget":
      // Who it is, gone three ways: only its rows say.
      v[0][COL.key] = null;
      v[META_ROW][COL.key] = null;
      grid.sheet = `Blad${counter}`;
      break;
    case "insertRemovedTitle":
      v.splice(insertAt, 0, [null, "Utgår ur planen"]);
      break;
    case "insertText":
      v.splice(insertAt, 0, [null, "Egen rad", null, null, null, "Genomfört", null, "Vi lade till den."]);
      break;
    case "insertEmpty":
      v.splice(insertAt, 0, []);
      break;
    case "formatOne": {
      const meta = cellText(v[META_ROW][COL.key]);
      if (meta.startsWith("{") && meta.endsWith("}")) v[META_ROW][COL.key] = meta.replace(/"format":\d+/, '"format":1');
      let afterBand = false;
      v.forEach((row, r) => {
        const key = cellText(row[COL.key] ?? null);
        const header = afterBand && key === INFO_KEY;
        afterBand = key.startsWith(SECTION_KEY);
        if (afterBand || header || key === TOTAL_KEY) row[COL.key] = null;
        const parsed = parseRowKey(key);
        if (r > META_ROW && parsed) row[COL.key] = `${parsed.kind}|${parsed.id}`;
      });
      break;
    }
  }
}

/** Runs the sequence; throws at the first answer that is gone with no finding naming it. */
function run(ops: Op[]): void {
  const plan = startPlan();
  let counter = 0;
  let typed = new Map<string, Typed>(); // committee + key → the latest answer typed on that row
  /** Uppdrag ID split or merged → the IDs that took its place then. */
  const successors = new Map<string, string[]>();
  let specs: { committee: string; spec: SheetSpec }[] = [];
  let grids: Grid[] = [];
  /** For each grid: the nämnd it was generated for, under its code now. */
  let owners: string[] = [];

  const regenerate = () => {
    const collected = collectAnswers(plan, [{ source: FILE, grids }], PERIOD, YEAR, DEFAULT_SETTINGS);
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
    const before = { grids, owners };
    specs = sheets.map((s) => ({ committee: s.committee.code, spec: s.spec }));
    grids = specs.map((s) => specToGrid(s.spec));
    owners = specs.map((s) => s.committee);
    typed = check(before.grids, before.owners, collected.findings);
  };

  /** Each answer typed is found again, or named by a finding; those named are gone and no longer followed. */
  const check = (old: Grid[], oldOwners: string[], findings: FileFinding[]): Map<string, Typed> => {
    const kept = new Map<string, Typed>();
    const onSheet = (grid: Grid, answer: Typed) =>
      readFollowUpSheet(grid).rows.some(
        (r) => r.key === answer.key && same(r.input, answer.input) && same(r.comment, answer.comment),
      );
    for (const [id, answer] of typed) {
      const at = `${answer.committee} ${answer.key} ${JSON.stringify(answer.input)}`;
      const own = specs.findIndex((s) => s.committee === answer.committee);
      if (own >= 0 && onSheet(grids[own], answer)) {
        kept.set(id, answer);
        shownOnSuccessors(answer, old, oldOwners, findings);
        continue;
      }
      // Where it was typed: its sheet and row as returned.
      const g = old.findIndex(
        (grid, i) => oldOwners[i] === answer.committee && grid.values.some((_, r) => keyIn(grid, r) === answer.key),
      );
      const source = old[g];
      const row = source ? source.values.findIndex((_, r) => keyIn(source, r) === answer.key) + source.top : -1;
      const onItsSheet = findings.filter((f) => f.file === FILE && f.sheet === source?.sheet);
      const named = onItsSheet.some(
        (f) =>
          f.cell.replace(/^[A-Z]+/, "") === String(row + 1) ||
          ["followup-committee-unknown", "followup-committee-recoded", "followup-marker-missing"].includes(f.rule),
      );
      const elsewhere = grids.some((grid) => onSheet(grid, answer));
      if (elsewhere && named) continue; // misplaced, and the sheet it came from says why
      if (!elsewhere && named && onItsSheet.some((f) => f.severity === "error")) continue;
      throw new Error(
        `${at}: ${elsewhere ? "on another nämnd's sheet" : "gone"}; findings on its sheet: ` +
          JSON.stringify(onItsSheet.map((f) => `${f.rule} ${f.cell}`)),
      );
    }
    return kept;
  };

  /**
   * An answer on an uppdrag the plan split or merged stands, locked, in column G of each row that took its place, on
   * the sheet of each nämnd that row is given; said by a finding at the regeneration that found it on a live row.
   */
  const shownOnSuccessors = (answer: Typed, old: Grid[], oldOwners: string[], findings: FileFinding[]) => {
    const key = parseRowKey(answer.key)!;
    const ids = plan.assignments.map((a) => a.id);
    if (key.kind !== "assignment" || ids.includes(key.id)) return;
    const text = `${answer.committee} om ${key.id}: ${[answer.input, answer.comment].filter((p) => p !== null).join(" – ")}`;
    const shownOn = (successor: string, committee: string) => {
      const grid = grids[specs.findIndex((s) => s.committee === committee)];
      const row = grid?.values.find((_, r) => keyIn(grid, r) === rowKey("assignment", successor));
      return cellText(row?.[COL.extra] ?? null)
        .split("\n")
        .includes(text);
    };
    const expected = (successors.get(key.id) ?? []).filter((id) => ids.includes(id));
    for (const successor of expected) {
      for (const committee of plan.assignments.find((a) => a.id === successor)!.committees) {
        if (!shownOn(successor, committee))
          throw new Error(`${text}: not shown on ${successor} for ${committee}; successors ${expected.join(", ")}`);
      }
    }
    const live = old.some(
      (grid, i) =>
        oldOwners[i] === answer.committee &&
        readFollowUpSheet(grid).rows.some((r) => r.key === answer.key && !r.removed),
    );
    const said = findings.some(
      (f) => f.rule === "followup-answer-replaced" && f.params.id === key.id && f.params.from === answer.committee,
    );
    if (expected.length && live && !said) throw new Error(`${text}: shown on ${expected.join(", ")}, but not said`);
  };

  const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

  regenerate();
  for (const o of ops) {
    switch (o.op) {
      case "renameAssignment": {
        const a = pick(plan.assignments, o.index);
        if (a) a.title = `${a.title} (nytt namn ${counter++})`;
        break;
      }
      case "moveAssignment": {
        const a = pick(plan.assignments, o.index);
        if (a) a.committees = o.committees.map((i) => plan.committees[i].code);
        break;
      }
      case "splitAssignment": {
        const a = pick(plan.assignments, o.index);
        if (!a) break;
        // As a plan numbers the parts: "U0" → "U0a", "U0b"; "U0a" → "U0a.1", "U0a.2".
        const ids = /\d$/.test(a.id) ? [`${a.id}a`, `${a.id}b`] : [`${a.id}.1`, `${a.id}.2`];
        if (plan.assignments.some((x) => ids.includes(x.id))) break;
        const parts = [
          { ...a, id: ids[0], title: `${a.title} del 1` },
          { ...a, id: ids[1], title: `${a.title} del 2`, committees: o.committees.map((i) => plan.committees[i].code) },
        ];
        plan.assignments = plan.assignments.flatMap((x) => (x === a ? parts : [x]));
        successors.set(a.id, ids);
        break;
      }
      case "mergeAssignments": {
        const [a, b] = [pick(plan.assignments, o.index), pick(plan.assignments, o.other)];
        if (!a || !b || a === b || plan.assignments.some((x) => x.id === `${a.id}+${b.id}`)) break;
        const merged = {
          ...a,
          id: `${a.id}+${b.id}`,
          title: `${a.title} och ${b.title}`,
          goalIds: [...new Set([...a.goalIds, ...b.goalIds])],
          committees: [...new Set([...a.committees, ...b.committees])],
        };
        plan.assignments = plan.assignments.flatMap((x) => (x === a ? [merged] : x === b ? [] : [x]));
        successors.set(a.id, [merged.id]);
        successors.set(b.id, [merged.id]);
        break;
      }
      case "deleteAssignment": {
        const a = pick(plan.assignments, o.index);
        if (a) plan.assignments = plan.assignments.filter((x) => x !== a);
        break;
      }
      case "deleteGoal": {
        const g = pick(
          plan.goals.filter((x) => x.level === "namndmal"),
          o.index,
        );
        if (!g) break;
        plan.goals = plan.goals.filter((x) => x !== g);
        plan.assignments = plan.assignments.map((a) => ({ ...a, goalIds: a.goalIds.filter((id) => id !== g.id) }));
        break;
      }
      case "deleteAdjustment": {
        const r = pick(plan.adjustments, o.index);
        if (r) plan.adjustments = plan.adjustments.filter((x) => x !== r);
        break;
      }
      case "recode": {
        const committee = plan.committees[o.committee];
        const from = committee.code;
        const to = `${from.replace(/\d+$/, "")}${++counter}`;
        const swap = (code: string) => (code === from ? to : code);
        committee.code = to;
        if (o.rename) committee.name = `Nämnden ${to}`;
        plan.goals = plan.goals.map((g) => ({ ...g, committee: g.committee && swap(g.committee) }));
        plan.assignments = plan.assignments.map((a) => ({ ...a, committees: a.committees.map(swap) }));
        plan.adjustments = plan.adjustments.map((r) => ({ ...r, committee: swap(r.committee) }));
        typed = new Map(
          [...typed.values()].map((t) => [`${swap(t.committee)} ${t.key}`, { ...t, committee: swap(t.committee) }]),
        );
        owners = owners.map(swap);
        break;
      }
      case "type": {
        const i = specs.length ? o.sheet % specs.length : -1;
        if (i < 0) break;
        const editable = specs[i].spec.blocks[0].rows.filter((cells) => cells[COL.input]?.locked === false);
        const target = pick(editable, o.row);
        if (!target) break;
        const key = String(target[COL.key].value);
        const grid = grids[i];
        const r = grid.values.findIndex((_, row) => keyIn(grid, row) === key);
        if (r < 0) break;
        const kind = parseRowKey(key)!.kind as PlanRowKind; // only their rows take an input in F
        const input = INPUTS[kind][o.input % INPUTS[kind].length];
        const comment = o.comment ? `Kommentar ${counter++}` : null;
        const row = grid.values[r];
        while (row.length <= COL.comment) row.push(null);
        row[COL.input] = input as CellValue;
        row[COL.comment] = comment;
        typed.set(`${owners[i]} ${key}`, { committee: owners[i], key, input, comment });
        break;
      }
      case "tamper": {
        const grid = pick(grids, o.sheet);
        if (grid) tamper(grid, o.tamper, o.at, counter++);
        break;
      }
      case "regenerate":
        regenerate();
        break;
    }
  }
  regenerate();
}

const same = (read: CellValue, typed: string | number | null) =>
  (read === null || read === "" ? null : read) === (typed === null ? null : typed);

test("no answer is lost without a finding naming it, through plan edits, tampered returns and regenerations", () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => run(ops)),
    { seed: 16_16, numRuns: 300 },
  );
});

test("a hand-made sequence: answered, the nämnd recoded, its sheet forgotten and moved uppdrag, regenerated", () => {
  expect(() =>
    run([
      { op: "type", sheet: 0, row: 2, input: 0, comment: true },
      { op: "type", sheet: 1, row: 3, input: 1, comment: false },
      { op: "tamper", sheet: 0, tamper: "forget", at: 0 },
      { op: "recode", committee: 0, rename: true },
      { op: "moveAssignment", index: 0, committees: [1] },
      { op: "regenerate" },
      { op: "tamper", sheet: 1, tamper: "formatOne", at: 0 },
      { op: "tamper", sheet: 1, tamper: "insertRemovedTitle", at: 5 },
      { op: "recode", committee: 1, rename: false },
      { op: "regenerate" },
    ]),
  ).not.toThrow();
});
test("a merged uppdrag merged again (U1+U9, then U1+U9+U0): its answer is shown on the new row", () => {
  expect(() =>
    run([
      { op: "mergeAssignments", index: 1, other: 3 },
      { op: "regenerate" },
      { op: "mergeAssignments", index: 1, other: 0 },
      { op: "type", sheet: 0, row: 472, input: 0, comment: false },
    ]),
  ).not.toThrow();
});

test("a forgotten sheet whose rows fit two nämnder alike (a moved uppdrag) is the one the file has no sheet for", () => {
  // KS and TN answer U9; U1 moves from TN to KS; TN's sheet loses marker, metadata and name: its rows fit KS and TN alike.
  expect(() =>
    run([
      { op: "type", sheet: 0, row: 3, input: 0, comment: false },
      { op: "type", sheet: 1, row: 3, input: 1, comment: false },
      { op: "moveAssignment", index: 1, committees: [0] },
      { op: "tamper", sheet: 1, tamper: "forget", at: 0 },
    ]),
  ).not.toThrow();
});

test("a forgotten sheet whose rows fit two nämnder alike, alone in its file, is not guessed: an error names both", () => {
  const plan = startPlan();
  const [, tn] = followUpSheets(plan, {
    period: PERIOD,
    year: YEAR,
    due: null,
    generatedAt: "2025-04-01T00:00:00Z",
    planName: "plan.xlsx",
    settings: DEFAULT_SETTINGS,
  }).map((s) => specToGrid(s.spec));
  tamper(tn, "forget", 0, 1);
  // U1 goes from TN to KS: TN's old rows (V1, M1, NM1, U1, U9, R1) now fit KS and TN five each.
  plan.assignments = plan.assignments.map((a) => (a.id === "U1" ? { ...a, committees: ["KS"] } : a));
  const collected = collectAnswers(
    plan,
    [
      { source: FILE, grids: [] },
      { source: "svar.xlsx", grids: [tn] },
    ],
    PERIOD,
    YEAR,
    DEFAULT_SETTINGS,
  );
  expect(collected.sheets).toEqual([]);
  expect(collected.findings).toContainEqual(
    expect.objectContaining({
      file: "svar.xlsx",
      severity: "error",
      rule: "followup-committee-unknown",
      params: expect.objectContaining({ tied: "KS, TN" }),
    }),
  );
  const error = collected.findings.find((f) => f.rule === "followup-committee-unknown")!;
  expect(findingMessage(error, "sv")).toContain("dess rader passar lika bra på flera nämnder (KS, TN)");
  expect(findingMessage(error, "en")).toContain("its rows fit several committees equally well (KS, TN)");
});
