import { Mapping } from "./mapping";
import { DEFAULT_LEVELS, GoalLevel } from "./model";

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
}

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
    { label: "Uppfyllt", done: true, color: GREEN },
    { label: "Delvis uppfyllt", done: false, color: YELLOW },
    { label: "Ej uppfyllt", done: false, color: RED },
    { label: "Kan inte bedömas", done: false, color: GREY },
  ],
  assignment: [
    { label: "Genomfört", done: true, color: GREEN },
    { label: "Påbörjat", done: false, color: YELLOW },
    { label: "Ej påbörjat", done: false, color: GREY },
    { label: "Försenat", done: false, color: RED },
    { label: "Avfört", done: true, color: GREY },
  ],
};

/** T1 and Delår are forecasts for the year; Helår is the outcome. */
export type PeriodKind = "prognos" | "utfall";

export interface Period {
  name: string;
  kind: PeriodKind;
}

export const DEFAULT_PERIODS: Period[] = [
  { name: "T1", kind: "prognos" },
  { name: "Delår", kind: "prognos" },
  { name: "Helår", kind: "utfall" },
];

export interface Settings {
  levels: GoalLevel[];
  scales: Scales;
  periods: Period[];
  /** How the plan's sheets map to fields, when detection needed help (the CLI's --mapping, the pane's Koppla). */
  mapping: Mapping;
}

export const DEFAULT_SETTINGS: Settings = {
  levels: DEFAULT_LEVELS,
  scales: DEFAULT_SCALES,
  periods: DEFAULT_PERIODS,
  mapping: {},
};

/** The period a user names, ignoring case ("delår" is Delår). */
export function findPeriod(settings: Settings, name: string): Period | null {
  const wanted = name.trim().toLocaleLowerCase("sv");
  return settings.periods.find((p) => p.name.toLocaleLowerCase("sv") === wanted) ?? null;
}
