import { SheetSpec } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { Finding, finding } from "../findings";
import { listsSheet } from "../lists";
import { Committee, Plan } from "../model";
import { Period, Settings } from "../settings";
import { OwnSheetNames, stateSheet } from "../state";
import { economySection } from "./economySection";
import { ExpectedRow, InputKind, expectedRows } from "./expected";
import { FollowUpOccasion, footer, heading, instructions } from "./instructions";
import { DRIFT_KEY, withLedger } from "./ledger";
import { Answer, COL, ECONOMY_COL, EarlierAnswer, PlanRowKind, hasContent } from "./model";
import { SectionWriter, planSections, removedSection } from "./sections";
import { SheetLayout } from "./sheetLayout";
import { PreviousPeriod, previousLabel } from "./previousPeriod";
import { withPreviousLines } from "./previousLines";
import { amountFormat, inputFill } from "./sheetLook";
import { uniqueSheetName } from "./sheetNames";
import { KoladaOutcome } from "../kolada/match";
import { withKolada } from "../kolada/fill";
import { Carry, sinceOf } from "./carried";
import { carriedSection } from "./carriedSection";

/**
 * Plan + period → one follow-up sheet per nämnd, as SheetSpecs any host can write. Answers given before (a
 * regeneration) are carried over by row key; those whose row left the plan are kept under "Utgår ur planen".
 * The rows come from expected.ts, the words around them from instructions.ts, the sections from sections.ts.
 */

export interface FollowUpOptions extends FollowUpOccasion {
  /** Earlier answers by committee code, then by row key. */
  answers?: Map<string, Map<string, Answer>>;
  /** Answers given on rows the plan has moved, split or merged: by the committee that has the row now, then row key. */
  earlier?: Map<string, Map<string, EarlierAnswer[]>>;
  password?: string;
  /** Sheet names already in the workbook that the new sheets must not take. */
  takenNames?: string[];
  /** Each nämnd's utfall so far as the ledger has it, by committee code, in öre: the drift's Utfall hittills. */
  ledgerOutcomes?: ReadonlyMap<string, number>;
  /** The previous period's answers (previousPeriod.ts): shown, locked and greyed, beside or under the new input. */
  previous?: PreviousPeriod | null;
  /** Nyckeltal outcomes from a Kolada file, by Kolada ID: the Utfall of each nyckeltal with that ID. */
  koladaOutcomes?: ReadonlyMap<string, KoladaOutcome>;
  /** Uppdrag carried from earlier years, and the plan's uppdrag that go on with one (carried.ts). */
  carried?: Carry;
}

export interface FollowUpSheet {
  committee: Committee;
  spec: SheetSpec;
  /** Rows per section, for the pane's outline and the CLI's report. */
  counts: Record<PlanRowKind | "carried" | "investment" | "removed", number>;
  /** What writing the sheet found: a figure the nämnd typed that the ledger's differs from. */
  findings: Finding[];
}

/** Sheet names for the follow-up: the nämnd's code, then period and year ("VoN Delår 2025"). */
export function followUpSheetName(code: string, period: Period, year: number, taken: string[]): string {
  return uniqueSheetName(code, ` ${period.name} ${year}`, taken);
}

export function followUpSheets(plan: Plan, options: FollowUpOptions): FollowUpSheet[] {
  const taken = [...(options.takenNames ?? [])];
  const sheets: FollowUpSheet[] = [];
  for (const committee of plan.committees) {
    const expected = expectedRows(plan, committee.code, options.year);
    const answers = options.answers?.get(committee.code) ?? new Map<string, Answer>();
    // A drift row without a budget is on every nämnd's sheet, but no reason for a sheet of its own.
    const planned = expected.some(
      (row) => row.kind !== "measures" && (row.kind !== "economy" || row.amountOre !== null),
    );
    const carried = !!options.carried?.rows.get(committee.code)?.length;
    if (!planned && !carried && ![...answers.values()].some(hasContent) && !options.ledgerOutcomes?.has(committee.code))
      continue;
    const name = followUpSheetName(committee.code, options.period, options.year, taken);
    taken.push(name);
    sheets.push(followUpSheet(name, committee, expected, answers, options));
  }
  return sheets;
}

/** The sheets a follow-up adds besides the nämnd sheets: the dropdown lists and the state, under `names`. */
export function supportSheets(settings: Settings, names?: OwnSheetNames): SheetSpec[] {
  return [listsSheet(settings, names?.lists), stateSheet(settings, names)];
}

/** One nämnd's sheet: the heading, how to fill it in, the plan's sections, then the answers whose row left the plan. */
function followUpSheet(
  name: string,
  committee: Committee,
  planned: ExpectedRow[],
  typed: Map<string, Answer>,
  options: FollowUpOptions,
): FollowUpSheet {
  const kolada = withKolada(planned, typed, options.koladaOutcomes);
  const expected = kolada.expected;
  let answers = kolada.answers;
  const earlier = options.earlier?.get(committee.code) ?? new Map<string, EarlierAnswer[]>();
  const drift = expected.find((row) => row.key === DRIFT_KEY);
  const ledger = withLedger(answers.get(DRIFT_KEY), drift?.title ?? "", options.ledgerOutcomes?.get(committee.code));
  if (ledger.answer) answers = new Map(answers).set(DRIFT_KEY, ledger.answer);
  const before = options.previous;
  const shown = before && {
    label: previousLabel(before),
    answers: before.byCommittee.get(committee.code) ?? new Map(),
  };
  const lines = shown ? { ...shown, kind: before.kind } : undefined;
  const carry = options.carried;
  const carriedRows = carry?.rows.get(committee.code) ?? [];
  const continued = [...(carry?.continued.get(committee.code) ?? [])].filter(([, c]) => c.history);
  const history = new Map(continued.map(([key, c]) => [key, c.history]));
  const sections = planSections(expected, answers, earlier, options.period, shown ?? undefined, history).map((s) =>
    withPreviousLines(s, lines),
  );
  const carried = withPreviousLines(carriedSection(carriedRows, answers, options.year), lines);
  const threshold = options.settings.measuresThresholdPercent ?? 0;
  const economy = withPreviousLines(economySection(expected, answers, options.period, threshold), lines);
  const fill = inputFill(options.settings);
  const amounts = amountFormat(expected.flatMap((row) => (row.amountOre === null ? [] : [row.amountOre])));
  const layout = new SheetLayout();
  const since = carry && sinceOf(carry, committee.code);
  heading(layout, committee, options, {
    ...(ledger.ledgerOre === null ? {} : { ledgerOutcomeOre: ledger.ledgerOre }),
    ...(Object.keys(kolada.filled).length ? { koladaFilled: kolada.filled } : {}),
    ...(Object.keys(kolada.years).length ? { koladaYears: kolada.years } : {}),
    ...(since ? { since } : {}),
  });
  layout.startPages();
  const has = (input: InputKind) => expected.some((row) => row.input === input);
  instructions(layout, options, has, fill);
  const writer = new SectionWriter(layout, options, fill, amounts);
  // The carried uppdrag right after the plan's own.
  const [goals, assignments, ...rest] = sections;
  for (const section of [goals, assignments, carried, ...rest, economy]) if (section.rows.length) writer.write(section);
  const removed = removedSection(answers, [...expected, ...carriedRows]);
  if (removed.rows.length) writer.write(removed);
  const count = (i: number) => sections[i].rows.length;
  const findings: Finding[] = [];
  const driftRow = layout.rowOf(DRIFT_KEY);
  if (ledger.differs && driftRow !== null) {
    const { typed, ledgerOre } = ledger.differs;
    const at = { sheet: name, row: driftRow, col: ECONOMY_COL.outcome };
    findings.push(finding("warning", "followup-ledger-differs", at, { typed, ledger: oreToTkr(ledgerOre) }));
  }
  for (const { key, earlier, year } of carry?.near.get(committee.code) ?? []) {
    const row = layout.rowOf(key);
    if (row !== null)
      findings.push(
        finding("warning", "followup-carried-near", { sheet: name, row, col: COL.title }, { earlier, year }),
      );
  }
  for (const { key, typed, outcome } of kolada.differs) {
    const row = layout.rowOf(key);
    if (row === null) continue;
    const at = { sheet: name, row, col: COL.input };
    findings.push(
      finding("warning", "followup-kolada-differs", at, { typed, kolada: outcome.value, year: outcome.year }),
    );
  }
  return {
    committee,
    spec: layout.spec(name, footer(committee, options), options.password),
    counts: {
      goal: count(0),
      assignment: count(1),
      adjustment: count(2),
      keyFigure: count(3),
      carried: carried.rows.length,
      investment: economy.rows.filter((row) => row.key.startsWith("investment|")).length,
      removed: removed.rows.length,
    },
    findings,
  };
}
