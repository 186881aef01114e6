import { Grid, valueAt } from "../sheet/grid";
import { SheetSpec } from "../sheet/spec";
import { KOLADA_MUNICIPALITY } from "./kolada/read";
import { mappingProblems } from "./mapping";
import { GoalLevel } from "./model";
import { OWN_SHEET_MARKER } from "./ownSheets";
import {
  ASSIGNMENT_PROGRESS,
  DEFAULT_SETTINGS,
  OVERALL_RULES,
  Period,
  ScaleValue,
  Scales,
  Settings,
  periodKindOfWord,
  periodKindWord,
} from "./settings";

export const STATE_SHEET = "Måltavlan";
export const STATE_MARKER = `${OWN_SHEET_MARKER} state`;

/**
 * The names Måltavlan's lists and state sheets have in a workbook: their own, unless a sheet of the user's had one
 * first (src/domain/ownSheetNames.ts). Recorded in the state, so that later runs take the same sheets.
 */
export interface OwnSheetNames {
  lists: string;
  state: string;
}

/**
 * Måltavlan's state, very hidden: the settings both hosts read (JSON, split to stay under Excel's cell limit), and
 * the names of its own sheets in this workbook.
 */
export function stateSheet(settings: Settings, names?: OwnSheetNames): SheetSpec {
  const periods = settings.periods.map((p) => ({ name: p.name, kind: periodKindWord(p.kind) }));
  const json = JSON.stringify({ format: STATE_FORMAT, ...settings, periods, ...(names ? { sheets: names } : {}) });
  const chunks = json.match(/[\s\S]{1,30000}/g) ?? [];
  return {
    name: names?.state ?? STATE_SHEET,
    visibility: "veryHidden",
    blocks: [{ top: 0, left: 0, rows: [[{ value: STATE_MARKER }], ...chunks.map((c) => [{ value: c }])] }],
  };
}

/** Bumped when the state's shape changes in a way older readers cannot take. */
const STATE_FORMAT = 1;

/**
 * Måltavlan's settings as kept in the workbook's very hidden state sheet (written with every follow-up), so the
 * CLI and the add-in read the same levels, scales and periods. Missing or unreadable parts fall back to defaults.
 */
export function readSettings(grids: Grid[]): Settings {
  const state = readState(grids);
  if (!state) return DEFAULT_SETTINGS; // none, or damaged: that must not stop the plan from being read
  return {
    levels: validLevels(state.levels) ?? DEFAULT_SETTINGS.levels,
    scales: validScales(state.scales) ?? DEFAULT_SETTINGS.scales,
    periods: validPeriods(state.periods) ?? DEFAULT_SETTINGS.periods,
    mapping: state.mapping !== undefined && mappingProblems(state.mapping).length === 0 ? state.mapping : {},
    ...(validThreshold(state.measuresThresholdPercent)
      ? { measuresThresholdPercent: state.measuresThresholdPercent }
      : {}),
    ...(isOneOf(OVERALL_RULES, state.overallRule) ? { overallRule: state.overallRule } : {}),
    ...(typeof state.koladaMunicipality === "string" && KOLADA_MUNICIPALITY.test(state.koladaMunicipality)
      ? { koladaMunicipality: state.koladaMunicipality }
      : {}),
  };
}

function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return (allowed as readonly unknown[]).includes(value);
}

/** The names the state records for Måltavlan's own sheets; what it does not record (older states) is undefined. */
export function readOwnSheetNames(grids: Grid[]): Partial<OwnSheetNames> {
  const sheets = readState(grids)?.sheets;
  return {
    lists: typeof sheets?.lists === "string" ? sheets.lists : undefined,
    state: typeof sheets?.state === "string" ? sheets.state : undefined,
  };
}

type SavedState = Partial<Settings> & { sheets?: { lists?: unknown; state?: unknown } };

/** The state as saved, parsed; null when there is none or it cannot be read. */
function readState(grids: Grid[]): SavedState | null {
  // The marker in A1 means the grid starts at A1; the JSON follows in A2, A3, … exactly as written (not trimmed:
  // a chunk may end in a space).
  const grid = grids.find((g) => valueAt(g, 0, 0) === STATE_MARKER);
  if (!grid) return null;
  const json = grid.values
    .slice(1)
    .map((row) => (typeof row[0] === "string" ? row[0] : ""))
    .join("");
  try {
    const state: unknown = JSON.parse(json);
    return typeof state === "object" && state !== null ? (state as SavedState) : null;
  } catch {
    return null;
  }
}

function validThreshold(percent: unknown): percent is number {
  return typeof percent === "number" && Number.isFinite(percent) && percent >= 0 && percent <= 100;
}

function validLevels(levels: unknown): GoalLevel[] | null {
  const ok =
    Array.isArray(levels) &&
    levels.length > 0 &&
    levels.every((l) => typeof l?.id === "string" && typeof l?.label === "string" && Array.isArray(l?.names));
  return ok ? (levels as GoalLevel[]) : null;
}

function validScales(scales: unknown): Scales | null {
  const validScale = (scale: unknown) =>
    Array.isArray(scale) &&
    scale.length > 0 &&
    scale.every((v) => typeof v?.label === "string" && typeof v?.done === "boolean");
  const s = scales as Partial<Scales> | undefined;
  if (!s || !validScale(s.goal) || !validScale(s.assignment)) return null;
  return { goal: s.goal!.map(validValue), assignment: s.assignment!.map(validValue) };
}

/**
 * A scale value as the follow-up sheets can use it: a colour that is not "RRGGBB" (hand-edited state) becomes none,
 * and a definition, vote flag or progress that is not one is left out (its default applies), rather than breaking
 * the legend or the report.
 */
function validValue(value: ScaleValue): ScaleValue {
  const color = typeof value.color === "string" && /^[0-9a-f]{6}$/i.test(value.color) ? value.color : "FFFFFF";
  const { definition, votes, progress } = value;
  return {
    label: value.label,
    done: value.done,
    color,
    ...(typeof definition === "string" && definition.trim() !== "" ? { definition } : {}),
    ...(typeof votes === "boolean" ? { votes } : {}),
    ...(isOneOf(ASSIGNMENT_PROGRESS, progress) ? { progress } : {}),
  };
}

function validPeriods(periods: unknown): Period[] | null {
  if (!Array.isArray(periods) || periods.length === 0) return null;
  const read = periods.map((p) => ({ name: p?.name, kind: periodKindOfWord(p?.kind) }));
  return read.every((p): p is Period => typeof p.name === "string" && p.kind !== null) ? read : null;
}
