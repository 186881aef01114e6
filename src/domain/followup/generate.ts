import { SheetSpec } from "../../sheet/spec";
import { listsSheet } from "../lists";
import { Committee, Plan } from "../model";
import { Period, Settings } from "../settings";
import { OwnSheetNames, stateSheet } from "../state";
import { ExpectedRow, InputKind, expectedRows } from "./expected";
import { FollowUpOccasion, footer, heading, instructions } from "./instructions";
import { Answer, EarlierAnswer, FollowUpKind, hasContent } from "./model";
import { SectionWriter, planSections, removedSection } from "./sections";
import { SheetLayout } from "./sheetLayout";
import { amountFormat, inputFill } from "./sheetLook";
import { uniqueSheetName } from "./sheetNames";

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
}

export interface FollowUpSheet {
  committee: Committee;
  spec: SheetSpec;
  /** Rows per section, for the pane.s outline and the CLI's report. */
  counts: Record<FollowUpKind | "removed", number>;
}

/** Sheet names for the follow-up: the nämnd's code, then period and year ("VoN Delår 2025"). */
export function followUpSheetName(code: string, period: Period, year: number, taken: string[]): string {
  return uniqueSheetName(code, ` ${period.name} ${year}`, taken);
}

export function followUpSheets(plan: Plan, options: FollowUpOptions): FollowUpSheet[] {
  const taken = [...(options.takenNames ?? [])];
  const sheets: FollowUpSheet[] = [];
  for (const committee of plan.committees) {
    const expected = expectedRows(plan, committee.code);
    const answers = options.answers?.get(committee.code) ?? new Map<string, Answer>();
    if (!expected.length && ![...answers.values()].some(hasContent)) continue;
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
  expected: ExpectedRow[],
  answers: Map<string, Answer>,
  options: FollowUpOptions,
): FollowUpSheet {
  const earlier = options.earlier?.get(committee.code) ?? new Map<string, EarlierAnswer[]>();
  const sections = planSections(expected, answers, earlier, options.period);
  const fill = inputFill(options.settings);
  const amounts = amountFormat(expected.flatMap((row) => (row.amountOre === null ? [] : [row.amountOre])));
  const layout = new SheetLayout();
  heading(layout, committee, options);
  layout.startPages();
  const has = (input: InputKind) => expected.some((row) => row.input === input);
  instructions(layout, options, has, fill);
  const writer = new SectionWriter(layout, options, fill, amounts);
  for (const section of sections) if (section.rows.length) writer.write(section);
  const removed = removedSection(answers, expected);
  if (removed.rows.length) writer.write(removed);
  const count = (i: number) => sections[i].rows.length;
  return {
    committee,
    spec: layout.spec(name, footer(committee, options), options.password),
    counts: {
      goal: count(0),
      assignment: count(1),
      adjustment: count(2),
      keyFigure: count(3),
      removed: removed.rows.length,
    },
  };
}
