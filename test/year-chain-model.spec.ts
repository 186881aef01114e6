/**
 * The year as a chain (issue #20), a model-based test with a fixed seed: random sequences of answers typed on the
 * nämnder's sheets, plan edits between periods (uppdrag renamed, moved, removed or added, ramjusteringar removed) and
 * the step to the next period (T1 → Delår → Helår → next year's T1). Each step goes the way both hosts go
 * (src/domain/jobs.ts): the period is consolidated from the sheets as returned, and the next one is generated with
 * the earlier period's sheets, or its report, as `previous`; each report gets the one before as `previous` and so
 * keeps the history of every period (history.ts). After every step:
 * - the consolidation holds exactly what was typed in that period, on the row and nämnd it was typed on, and nothing
 *   of an earlier period (no answer lost, misplaced or carried in as new);
 * - the new sheets show, on each row the nämnd still has, what it typed there the period before, and nothing else:
 *   a row nobody answered reads as it does without `previous`, and every input of the new period is empty;
 * - the report's history holds every period consolidated so far exactly as it was consolidated then;
 * - at the turn of a year (from Helår's sheets or its report alike), a goal shows the Helår answer given on it (the
 *   plan keeps its goals' IDs and titles); an uppdrag not done goes on: on the new plan's uppdrag of the same title,
 *   with its lines "Helår <year>: …" in G, else as a row under "Pågående uppdrag från tidigare år", its lines growing
 *   year by year; a done one shows nothing; ramjusteringar and the drift show nothing of the year before; and every
 *   period of the year keeps the carried rows.
 */
import fc from "fast-check";
import { readFollowUpSheet } from "../src/domain/followup/answers";
import { COL, ECONOMY_COL, INFO_KEY, PlanRowKind, parseRowKey } from "../src/domain/followup/model";
import { AnswerPeriod, readAnswerPeriods } from "../src/domain/followup/answerPeriods";
import { AnswerSource } from "../src/domain/followup/collect";
import { Consolidation } from "../src/domain/followup/consolidate";
import { DRIFT_KEY } from "../src/domain/followup/ledger";
import { FollowUpRequest, prepareFollowUp, prepareReport } from "../src/domain/jobs";
import { Plan } from "../src/domain/model";
import { modelAdjustment, modelAssignment, modelGoal, modelPlan } from "./support/modelPlan";
import { PlanRead, readPlanWithSettings } from "../src/domain/planRead";
import { DEFAULT_SETTINGS, progressOf } from "../src/domain/settings";
import { normalizeName } from "../src/domain/text";
import { findingMessage } from "../src/i18n/findings";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { CellValue, Grid, cellText } from "../src/sheet/grid";
import { specToGrid } from "./hostile-support";

const TKR = 100_000; // öre
const FIRST_YEAR = 2025;
const CODES = ["KS", "TN", "SAN"];
const PERIODS = DEFAULT_SETTINGS.periods; // T1, Delår, Helår

type Op =
  | { op: "type"; sheet: number; row: number; input: number; comment: boolean }
  | { op: "renameAssignment"; index: number }
  | { op: "moveAssignment"; index: number; committee: number }
  | { op: "removeAssignment"; index: number }
  | { op: "addAssignment"; committee: number }
  | { op: "removeAdjustment"; index: number }
  /** The next period; `fromReport`: the earlier period's answers are taken from its report's history. */
  | { op: "next"; fromReport: boolean };

const index = fc.nat(1000);
const committee = fc.nat(CODES.length - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant("type" as const),
      sheet: index,
      row: index,
      input: index,
      comment: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("renameAssignment" as const), index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("moveAssignment" as const), index, committee }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("removeAssignment" as const), index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("addAssignment" as const), committee }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("removeAdjustment" as const), index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("next" as const), fromReport: fc.boolean() }) },
);

/** Per nämnd a nämndmål, an uppdrag, a ramjustering and a budget; one uppdrag shared by all three. */
function yearPlan(year: number): Plan {
  return modelPlan({
    years: [year],
    committees: CODES.map((code) => ({ code, name: `Nämnden ${code}`, kind: "committee" })),
    goals: [
      modelGoal({ id: "M1", level: "kommunmal", name: "Ett gott liv" }),
      ...CODES.map((code) =>
        modelGoal({ id: `NM-${code}`, level: "namndmal", name: `Mål för ${code}`, parentIds: ["M1"], committee: code }),
      ),
    ],
    assignments: [
      ...CODES.map((code, i) => assignment(`U${i}`, `Uppdrag till ${code}`, [code], year)),
      assignment("U9", "Uppdrag till alla", [...CODES], year),
    ],
    adjustments: CODES.map((code, i) =>
      modelAdjustment({ id: `R${i}`, committee: code, year, amountOre: (i + 1) * 100 * TKR }),
    ),
    budgets: CODES.map((code, i) => ({
      id: `B${i}`,
      committee: code,
      year,
      amountOre: (i + 1) * 10_000 * TKR,
      kind: "frame" as const,
      description: null,
    })),
  });
}

function assignment(id: string, title: string, committees: string[], year: number): Plan["assignments"][number] {
  return modelAssignment({ id, title, goalIds: ["M1"], committees, year });
}

const INPUTS: Record<PlanRowKind | "economy", (string | number)[]> = {
  goal: DEFAULT_SETTINGS.scales.goal.map((v) => v.label),
  assignment: DEFAULT_SETTINGS.scales.assignment.map((v) => v.label),
  adjustment: [180, -25.5, 0],
  keyFigure: [42],
  economy: [12_000, 9_999.5],
};
type Answerable = keyof typeof INPUTS;

interface Typed {
  input: string | number;
  comment: string | null;
}
/** Committee code → row key → what was typed last on it this period. */
type Answers = Map<string, Map<string, Typed>>;

/** The plan as a host reads it, with the default settings (nothing else in the workbook). */
const read = (plan: Plan): PlanRead => ({ ...readPlanWithSettings([]), plan });

/** What a consolidation accepted, as typed: tkr for amounts, and only rows with something given. */
function accepted(result: Consolidation): Answers {
  const answers: Answers = new Map();
  for (const c of result.committees) {
    const given = new Map<string, Typed>();
    for (const row of c.rows) {
      if (row.input === null && row.comment === null) continue;
      const input = row.kind === "adjustment" && row.input !== null ? row.input / TKR : row.input;
      given.set(`${row.kind}|${row.id}`, { input: input ?? "", comment: row.comment });
    }
    for (const e of c.economy) {
      // What the period asks for: the prognos helår, or at Helår the utfall.
      const figure = result.period.kind === "forecast" ? e.forecastOre : e.outcomeOre;
      if (e.kind !== "economy" || (figure === null && e.comment === null)) continue;
      given.set(`economy|${e.id}`, { input: figure === null ? "" : figure / TKR, comment: e.comment });
    }
    if (given.size) answers.set(c.committee.code, given);
  }
  return answers;
}

/** A period as the history keeps it, as typed: the Ekonomi section's figure the one its period asks for. */
function historyAnswers(period: AnswerPeriod): Answers {
  const answers: Answers = new Map();
  for (const [code, rows] of period.byCommittee) {
    const given = new Map<string, Typed>();
    for (const [key, answer] of rows) {
      if (answer.kind === "measures") continue; // this test types no åtgärder
      const figure =
        answer.kind !== "economy" ? answer.input : period.kind === "forecast" ? answer.input : answer.outcome;
      if ((figure ?? null) === null && answer.comment === null) continue;
      given.set(key, { input: figure ?? "", comment: answer.comment });
    }
    answers.set(code, given);
  }
  return answers;
}

/** An uppdrag that goes on from an earlier year, as the model expects it: its title and its years' lines. */
interface GoingOn {
  title: string;
  history: string;
}

/** Whether an uppdrag with this status is finished: done, or dropped, by the scale. */
const finished = (input: string | number | undefined): boolean =>
  DEFAULT_SETTINGS.scales.assignment.some((v) => v.label === input && (v.done || progressOf(v) === "dropped"));

/** The answers as sorted text, to compare whole periods. */
const plain = (answers: Answers): string =>
  JSON.stringify(
    [...answers]
      .map(([code, rows]) => [code, [...rows].sort(([a], [b]) => a.localeCompare(b))] as const)
      .filter(([, rows]) => rows.length)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

class Chain {
  year = FIRST_YEAR;
  period = 0;
  plan = yearPlan(FIRST_YEAR);
  /** This period's sheets as the nämnder have them, and whose each is. */
  grids: Grid[] = [];
  owners: string[] = [];
  typed: Answers = new Map();
  /** By committee code: the uppdrag carried into this year, under their own section, in the order they go on. */
  carried = new Map<string, GoingOn[]>();
  /** By committee code, then plan row key: the years' lines a plan uppdrag going on with an earlier one shows. */
  continued = new Map<string, Map<string, string>>();
  /** Each period consolidated so far, and what its consolidation held (as plain text). */
  readonly done: { label: string; result: string }[] = [];
  /** The latest report's history sheet, as a host reads it back. */
  private history: Grid | null = null;
  private counter = 0;

  constructor() {
    this.generate(null);
  }

  get label(): string {
    return `${PERIODS[this.period].name} ${this.year}`;
  }

  private request(): FollowUpRequest {
    return {
      period: PERIODS[this.period],
      year: this.year,
      due: null,
      generatedAt: `${this.year}-0${this.period + 3}-01T00:00:00Z`,
      planName: "plan.xlsx",
      intoPlanWorkbook: false,
    };
  }

  /** The period's sheets, with the earlier period's answers from `previous`; checks what they show of them. */
  private generate(
    before: { typed: Answers; label: string; yearTurn: boolean } | null,
    previous?: AnswerSource[],
  ): void {
    const request = this.request();
    const write = prepareFollowUp([], read(this.plan), { ...request, previous });
    const bare = prepareFollowUp([], read(this.plan), request);
    this.grids = write.sheets.map((s) => specToGrid(s.spec));
    this.owners = write.sheets.map((s) => s.committee.code);
    this.typed = new Map();
    if (before)
      this.checkShown(
        before,
        bare.sheets.map((s) => specToGrid(s.spec)),
      );
  }

  /** Every row the nämnd still has shows what it typed there before; nothing else differs; nothing is prefilled. */
  private checkShown(before: { typed: Answers; label: string; yearTurn: boolean }, bare: Grid[]): void {
    this.grids.forEach((grid, i) => {
      const code = this.owners[i];
      const typedThen = before.typed.get(code) ?? new Map<string, Typed>();
      const sheet = readFollowUpSheet(grid);
      for (const row of sheet.rows) {
        const at = `${this.label} ${code} ${row.key}`;
        if (cellText(row.input ?? null) !== "" || cellText(row.comment ?? null) !== "")
          throw new Error(`${at}: prefilled with ${JSON.stringify([row.input, row.comment])}`);
      }
      const keyed = (g: Grid) =>
        new Map(
          g.values.flatMap((cells, r) =>
            parseRowKey(cellText(cells[COL.key] ?? null)) ? [[cellText(cells[COL.key]), r]] : [],
          ),
        );
      const rows = keyed(grid);
      const bareGrid = bare[i];
      const bareRows = keyed(bareGrid);
      for (const [key, r] of rows) {
        const at = `${this.label} ${code} ${key}`;
        const kind = parseRowKey(key)!.kind;
        const then = typedThen.get(key);
        const extra = cellText(grid.values[r][COL.extra] ?? null);
        const under = grid.values[r + 1];
        const line = cellText(under?.[COL.key] ?? null) === INFO_KEY ? cellText(under?.[COL.title] ?? null) : "";
        const shownLine = line.startsWith(`Svar ${before.label}: `) ? line : "";
        if (kind === "assignment" && before.yearTurn) {
          // The Helår answer goes on through the carry alone: the lines of the uppdrag it continues, or nothing.
          const want = this.continued.get(code)?.get(key) ?? "";
          if (extra !== want) throw new Error(`${at}: G shows ${JSON.stringify(extra)}, want ${JSON.stringify(want)}`);
        } else if (kind === "goal" || kind === "assignment") {
          const want = then ? [then.input, then.comment ?? ""].filter((p) => p !== "").join(" – ") : null;
          const bareExtra = cellText(bareGrid.values[bareRows.get(key)!][COL.extra] ?? null);
          const got = then ? extra.split("\n")[0] : extra;
          if (got !== (want ?? bareExtra)) throw new Error(`${at}: G shows ${JSON.stringify(extra)}, want ${want}`);
        } else if (kind === "carried") {
          if (shownLine) throw new Error(`${at}: a line of an answer nobody gave: ${shownLine}`);
        } else if (then && !before.yearTurn) {
          if (!shownLine || (then.comment && !shownLine.endsWith(` – ${then.comment}`)))
            throw new Error(`${at}: the line under shows ${JSON.stringify(line)} for ${JSON.stringify(then)}`);
        } else if (shownLine) {
          throw new Error(`${at}: a line of an answer nobody gave: ${shownLine}`);
        }
      }
      // The carried rows: exactly the uppdrag the model carries, in order, each with its years' lines in G.
      const carried = [...rows]
        .filter(([key]) => parseRowKey(key)!.kind === "carried")
        .map(([, r]) => ({
          title: cellText(grid.values[r][COL.title] ?? null),
          history: cellText(grid.values[r][COL.extra] ?? null),
        }));
      const want = JSON.stringify(this.carried.get(code) ?? []);
      if (JSON.stringify(carried) !== want)
        throw new Error(`${this.label} ${code}: carried ${JSON.stringify(carried)}, want ${want}`);
      for (const key of typedThen.keys()) {
        const stillHers = rows.has(key);
        const planned = this.plannedFor(code).has(key);
        if (planned !== stillHers)
          throw new Error(`${this.label} ${code} ${key}: planned ${planned}, on the sheet ${stillHers}`);
      }
    });
  }

  /** The row keys the plan asks `code` about: every nämnd here has a budget, so a drift row. */
  private plannedFor(code: string): Set<string> {
    const p = this.plan;
    return new Set([
      DRIFT_KEY,
      ...p.goals.filter((g) => g.committee === code).map((g) => `goal|${g.id}`),
      ...p.assignments.filter((a) => a.committees.includes(code)).map((a) => `assignment|${a.id}`),
      ...p.adjustments.filter((a) => a.committee === code && a.year === this.year).map((a) => `adjustment|${a.id}`),
    ]);
  }

  type(o: Extract<Op, { op: "type" }>): void {
    const i = o.sheet % this.grids.length;
    const grid = this.grids[i];
    const rows = grid.values.flatMap((cells, r) => {
      const key = parseRowKey(cellText(cells[COL.key] ?? null));
      return key && key.kind in INPUTS && this.answerable(this.owners[i], `${key.kind}|${key.id}`) ? [{ r, key }] : [];
    });
    const target = rows[o.row % Math.max(1, rows.length)];
    if (!target) return;
    const kind = target.key.kind as Answerable;
    const input = INPUTS[kind][o.input % INPUTS[kind].length];
    const comment = o.comment ? `Kommentar ${++this.counter}` : null;
    const cells = grid.values[target.r];
    while (cells.length <= COL.comment) cells.push(null);
    // The Ekonomi section takes its prognos in E (at Helår the utfall in D); every other row its input in F.
    const prognos = PERIODS[this.period].kind === "forecast";
    cells[kind !== "economy" ? COL.input : prognos ? ECONOMY_COL.forecast : ECONOMY_COL.outcome] = input as CellValue;
    cells[COL.comment] = comment;
    const code = this.owners[i];
    const mine = this.typed.get(code) ?? new Map<string, Typed>();
    mine.set(`${target.key.kind}|${target.key.id}`, { input, comment });
    this.typed.set(code, mine);
  }

  /** The nämnd's own rows: a goal of the level above is shown for context, not answered. */
  private answerable(code: string, key: string): boolean {
    return this.plannedFor(code).has(key);
  }

  private edit(o: Exclude<Op, { op: "type" | "next" }>): void {
    const p = this.plan;
    const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
    switch (o.op) {
      case "renameAssignment": {
        const a = pick(p.assignments, o.index);
        if (a) a.title = `${a.title} (nytt namn ${++this.counter})`;
        break;
      }
      case "moveAssignment": {
        const a = pick(p.assignments, o.index);
        if (a) a.committees = [CODES[o.committee]];
        break;
      }
      case "removeAssignment": {
        const a = pick(p.assignments, o.index);
        p.assignments = p.assignments.filter((x) => x !== a);
        break;
      }
      case "addAssignment":
        p.assignments.push(
          assignment(`N${++this.counter}`, `Nytt uppdrag ${this.counter}`, [CODES[o.committee]], this.year),
        );
        break;
      case "removeAdjustment": {
        const r = pick(p.adjustments, o.index);
        p.adjustments = p.adjustments.filter((x) => x !== r);
        break;
      }
    }
  }

  /**
   * Consolidates this period and checks it; then the plan is revised as KF decided since (`edits`), and the next
   * period is generated with this one beside.
   */
  next(edits: Exclude<Op, { op: "type" | "next" }>[], fromReport = false): void {
    const inputs = [{ file: `${this.label}.xlsx`, grids: this.grids, modified: null, master: false }];
    const wanted = { period: PERIODS[this.period], year: this.year };
    const previousReport = this.history ? [{ source: "förra-rapporten.xlsx", grids: [this.history] }] : undefined;
    const report = prepareReport(read(this.plan), {
      inputs,
      wanted,
      describe: (f) => findingMessage(f),
      goalWords: GOAL_REPORT_WORDS.sv,
      previous: previousReport,
    });
    const result = accepted(report.consolidation);
    const want = plain(this.typed);
    if (plain(result) !== want) throw new Error(`${this.label}: consolidated ${plain(result)}, typed ${want}`);
    this.done.push({ label: this.label, result: want });
    // The history sheet is the report's last; read back as a host would, it must hold every period as it was.
    this.history = specToGrid(report.report.sheets[report.report.sheets.length - 1]);
    const kept = readAnswerPeriods(this.plan, [{ source: "rapport.xlsx", grids: [this.history] }], DEFAULT_SETTINGS);
    for (const { label, result: then } of this.done) {
      const period = kept.periods.find((p) => `${p.period} ${p.year}` === label);
      const now = plain(period ? historyAnswers(period) : new Map()); // a period nobody answered has no rows
      if (now !== then) throw new Error(`${label} after ${this.label}: the history holds ${now}, consolidated ${then}`);
    }

    const yearTurn = this.period === PERIODS.length - 1;
    const before = { typed: this.typed, label: this.label, yearTurn };
    const sheets = [{ source: "förra.xlsx", grids: this.grids }];
    const open = yearTurn ? this.goingOn() : null;
    this.period = (this.period + 1) % PERIODS.length;
    if (this.period === 0) this.newYear();
    edits.forEach((edit) => this.edit(edit));
    if (open) this.carryOn(open);
    if (yearTurn) turns[fromReport ? "fromReport" : "fromSheets"]++;
    this.generate(before, fromReport ? [{ source: "rapport.xlsx", grids: [this.history] }] : sheets);
  }

  /**
   * What Helår leaves unfinished, by nämnd: its uppdrag in the plan's order, then those carried into the year, each
   * with the line its Helår answer (or none) adds to what it showed before.
   */
  private goingOn(): Map<string, GoingOn[]> {
    const open = new Map<string, GoingOn[]>();
    for (const code of CODES) {
      const typed = this.typed.get(code);
      const planned = this.plan.assignments
        .filter((a) => a.committees.includes(code))
        .map((a) => ({ title: a.title, history: "", answer: typed?.get(`assignment|${a.id}`) }));
      const carried = (this.carried.get(code) ?? []).map((c) => ({ ...c, answer: undefined }));
      const list = [...planned, ...carried]
        .filter(({ answer }) => !finished(answer?.input))
        .map(({ title, history, answer }) => {
          const said = answer ? [answer.input, answer.comment ?? ""].filter((p) => p !== "").join(" – ") : "";
          const line = `${this.label}: ${said || "ej besvarat"}`;
          return { title, history: [history, line].filter((h) => h).join("\n") };
        });
      open.set(code, list);
    }
    return open;
  }

  /** The new year's plan takes each unfinished uppdrag on a row of the same title; the others are carried. */
  private carryOn(open: Map<string, GoingOn[]>): void {
    this.carried = new Map();
    this.continued = new Map();
    for (const [code, list] of open) {
      const planned = this.plan.assignments.filter((a) => a.committees.includes(code));
      const carried: GoingOn[] = [];
      const continued = new Map<string, string>();
      for (const item of list) {
        const same = planned.find((a) => normalizeName(a.title) === normalizeName(item.title));
        if (!same) carried.push(item);
        else {
          const key = `assignment|${same.id}`;
          continued.set(key, [continued.get(key) ?? "", item.history].filter((h) => h).join("\n"));
        }
      }
      this.carried.set(code, carried);
      this.continued.set(code, continued);
    }
  }

  /** The next year's plan: the same nämnder and goals, the uppdrag and ramjusteringar of that year. */
  private newYear(): void {
    this.year++;
    const next = yearPlan(this.year);
    this.plan = { ...next, assignments: this.plan.assignments.map((a) => ({ ...a, year: this.year })) };
  }
}

/** How many year turns were generated from Helår's report, and from its sheets: the test sees both. */
const turns = { fromReport: 0, fromSheets: 0 };

function run(ops: Op[]): void {
  const chain = new Chain();
  const pending: Exclude<Op, { op: "type" | "next" }>[] = [];
  for (const o of ops) {
    if (o.op === "type") chain.type(o);
    else if (o.op === "next") chain.next(pending.splice(0), o.fromReport);
    else pending.push(o);
  }
  chain.next([]);
}

test("no answer is lost, misplaced or overwritten across T1 → Delår → Helår and into the next year", () => {
  fc.assert(
    // Long sequences: most reach the next year, many the one after.
    fc.property(fc.array(op, { minLength: 1, maxLength: 60, size: "max" }), (ops) => run(ops)),
    { seed: 20_20, numRuns: 60 },
  );
  expect(turns.fromReport).toBeGreaterThan(0);
  expect(turns.fromSheets).toBeGreaterThan(0);
});
