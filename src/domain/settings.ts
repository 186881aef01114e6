import { Mapping } from "./mapping";
import { DEFAULT_LEVELS, GoalLevel } from "./model";
import { normalizeName } from "./text";

/**
 * What a kommun edits once and Måltavlan keeps in the workbook's state sheet: the goal levels, the assessment
 * scales, the follow-up periods and the mapping. Defaults from domain.md.
 */

export interface ScaleValue {
  label: string;
  /** Done or fulfilled: no comment is required. */
  done: boolean;
  /** Fill shown for this value, "RRGGBB". */
  color: string;
  /** What the value means, for the legend on each follow-up sheet (Swedish, as the kommun writes it). */
  definition?: string;
  /**
   * A goal's assessment: whether it takes part in the overall assessment of a goal above the nämnder. "Kan inte
   * bedömas" says nothing of how it went: shown and counted, but no vote. Absent: see valueVotes.
   */
  votes?: boolean;
  /** An uppdrag's status: what it says of the uppdrag's progress, for the report's count per goal. Absent: see progressOf. */
  progress?: AssignmentProgress;
}

/**
 * How far an uppdrag has come. Avfört (dropped by a decision) is a category of its own: counted as done it would
 * overstate what was carried out, and counted as not started it would look like work still waiting.
 */
export const ASSIGNMENT_PROGRESS = ["done", "underWay", "late", "notStarted", "dropped"] as const;
export type AssignmentProgress = (typeof ASSIGNMENT_PROGRESS)[number];

/**
 * How the nämnder's assessments of a goal above them make one overall assessment (src/domain/followup/goalRules.ts):
 * the most common (a tie goes to the weaker), the weakest, or the scale's strongest value only when every nämnd gave
 * it (otherwise the most common below it).
 */
export const OVERALL_RULES = ["mostCommon", "weakest", "allFulfilled"] as const;
export type OverallRule = (typeof OVERALL_RULES)[number];
export const DEFAULT_OVERALL_RULE: OverallRule = "mostCommon";

export interface Scales {
  goal: ScaleValue[];
  assignment: ScaleValue[];
}

const GREEN = "C6EFCE";
const YELLOW = "FFEB9C";
const RED = "FFC7CE";
const GREY = "D9D9D9";

export const DEFAULT_SCALES: Scales = {
  goal: [
    {
      label: "Uppfyllt",
      done: true,
      color: GREEN,
      definition: "Målet är nått, eller bedöms bli nått vid årets slut.",
    },
    {
      label: "Delvis uppfyllt",
      done: false,
      color: YELLOW,
      definition: "Målet är en bit på väg men nås inte helt: en del av målvärdet eller av det som ingår i målet.",
    },
    {
      label: "Ej uppfyllt",
      done: false,
      color: RED,
      definition: "Målet nås inte, eller utvecklingen går åt fel håll.",
    },
    {
      label: "Kan inte bedömas",
      done: false,
      color: GREY,
      votes: false,
      definition: "Underlag saknas ännu, t.ex. nyckeltal som publiceras först efter året. Skriv varför i kommentaren.",
    },
  ],
  assignment: [
    { label: "Genomfört", done: true, color: GREEN, progress: "done", definition: "Uppdraget är slutfört." },
    {
      label: "Påbörjat",
      done: false,
      color: YELLOW,
      progress: "underWay",
      definition: "Arbetet pågår och uppdraget bedöms bli klart i tid.",
    },
    {
      label: "Ej påbörjat",
      done: false,
      color: GREY,
      progress: "notStarted",
      definition: "Arbetet med uppdraget har inte börjat.",
    },
    {
      label: "Försenat",
      done: false,
      color: RED,
      progress: "late",
      definition: "Uppdraget blir inte klart i tid. Skriv i kommentaren varför och när det blir klart.",
    },
    {
      label: "Avfört",
      done: true,
      color: GREY,
      progress: "dropped",
      definition: "Uppdraget ska inte genomföras längre, efter ett beslut. Skriv vilket i kommentaren.",
    },
  ],
};

/** The built-in scale's value of the same label (ignoring case), whose defaults a kommun's value takes. */
function builtIn(scale: ScaleValue[], label: string): ScaleValue | undefined {
  const wanted = label.trim().toLocaleLowerCase("sv");
  return scale.find((v) => v.label.toLocaleLowerCase("sv") === wanted);
}

/**
 * Whether a goal's assessment votes: as the kommun set it; otherwise as the built-in value of the same label (so a
 * state saved before the setting existed keeps "Kan inte bedömas" out of the vote); otherwise it votes.
 */
export function valueVotes(value: ScaleValue): boolean {
  return value.votes ?? builtIn(DEFAULT_SCALES.goal, value.label)?.votes ?? true;
}

/**
 * An uppdrag status's progress: as the kommun set it; otherwise as the built-in value of the same label; otherwise
 * from `done` (a status that is not done is under way).
 */
export function progressOf(value: ScaleValue): AssignmentProgress {
  return (
    value.progress ?? builtIn(DEFAULT_SCALES.assignment, value.label)?.progress ?? (value.done ? "done" : "underWay")
  );
}

/** T1 and Delår are forecasts for the year (prognos); Helår is the outcome (utfall). */
export type PeriodKind = "forecast" | "outcome";

/**
 * The words a period's kind has always been written with where it leaves the code: the state sheet (which a kommun
 * may have edited), each follow-up sheet's metadata and consolidate --json (docs/schemas/consolidate-output.schema.json).
 */
const PERIOD_KIND_WORDS = { forecast: "prognos", outcome: "utfall" } as const satisfies Record<PeriodKind, string>;

export type PeriodKindWord = (typeof PERIOD_KIND_WORDS)[PeriodKind];

export function periodKindWord(kind: PeriodKind): PeriodKindWord {
  return PERIOD_KIND_WORDS[kind];
}

/** The kind a word written outside names; null for anything else. */
export function periodKindOfWord(word: unknown): PeriodKind | null {
  const kinds = Object.keys(PERIOD_KIND_WORDS) as PeriodKind[];
  return kinds.find((kind) => PERIOD_KIND_WORDS[kind] === word) ?? null;
}

export interface Period {
  name: string;
  kind: PeriodKind;
}

export const DEFAULT_PERIODS: Period[] = [
  { name: "T1", kind: "forecast" },
  { name: "Delår", kind: "forecast" },
  { name: "Helår", kind: "outcome" },
];

export interface Settings {
  levels: GoalLevel[];
  scales: Scales;
  periods: Period[];
  /** How the plan's sheets map to fields, when detection needed help (the CLI's --mapping, the pane's Koppla). */
  mapping: Mapping;
  /**
   * Åtgärder are required in the Ekonomi section when the avvikelse is a deficit deeper than this share of the
   * budget, in percent; absent or 0: any deficit. A share rather than tkr, so one rule fits a nämnd of 5 mnkr and one
   * of 900 mnkr.
   */
  measuresThresholdPercent?: number;
  /** How the report's Måluppfyllelse makes one assessment of a goal above the nämnder; absent: DEFAULT_OVERALL_RULE. */
  overallRule?: OverallRule;
  /**
   * The kommun's Kolada municipality ID ("2380"), whose values a Kolada file's nyckeltal are taken from; absent: the
   * file's only kommun.
   */
  koladaMunicipality?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  levels: DEFAULT_LEVELS,
  scales: DEFAULT_SCALES,
  periods: DEFAULT_PERIODS,
  mapping: {},
};

/** The Inställningar sheet a kommun writes by hand: the plan's facts (budget year, plan years) and the ledger's tables. */
export function isSettingsSheet(name: string): boolean {
  return /^(inställningar|settings)$/.test(normalizeName(name));
}

/** The period a user names, ignoring case ("delår" is Delår). */
export function findPeriod(settings: Settings, name: string): Period | null {
  const wanted = name.trim().toLocaleLowerCase("sv");
  return settings.periods.find((p) => p.name.toLocaleLowerCase("sv") === wanted) ?? null;
}
