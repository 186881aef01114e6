import { normalizeName } from "./text";

/** The plan as the core understands it, after reading and resolving. Ids are sheet ids or stable derived keys. */

/** A nämnd (or styrelse) of the kommun, or one of its bolag. */
export type CommitteeKind = "committee" | "company";
/** Who gave an uppdrag: fullmäktige (the council) or the nämnd itself. */
export type Origin = "council" | "committee";
export type Direction = "increase" | "decrease";
/** A ramjustering that stays in the frame (varaktig) or holds for its year only (tillfällig). */
export type Duration = "permanent" | "temporary";

export interface GoalLevel {
  id: string;
  label: string;
  labelEn: string;
  /** Names met in real documents, lower case; matched against Nivå cells and sheet names. */
  names: string[];
}

export interface Committee {
  code: string;
  name: string | null;
  kind: CommitteeKind;
}

export interface Goal {
  id: string;
  level: string;
  name: string;
  parentIds: string[];
  committee: string | null;
  target: string | null;
}

export interface Assignment {
  id: string;
  title: string;
  clarification: string | null;
  /** Read-only: uppdrag whose cells read alike share these lists. */
  goalIds: readonly string[];
  committees: readonly string[];
  origin: Origin;
  year: number | null;
}

export interface Adjustment {
  id: string;
  committee: string;
  year: number | null;
  /** Signed, exact, in öre: a decrease is negative. */
  amountOre: number;
  direction: Direction;
  duration: Duration | null;
  assignmentId: string | null;
  /** What the change is for, as the plan words it ("Färdtjänst, fler äldre"); null when it says nothing more. */
  description: string | null;
  /** A price and wage index line ("Pris- och löneuppräkning"): compensation for costs, not a change of its own. */
  isIndex: boolean;
}

export interface KeyFigure {
  id: string;
  name: string;
  koladaId: string | null;
  goalId: string | null;
  target: string | null;
  unit: string | null;
}

/**
 * A nämnd's budget for one year as the plan gives it: its frame (kommunbidrag, nettokostnadsram, budgetram, "Ram
 * <år>") or a tilläggsbudget KF decided during the year. The year's budget of a nämnd is the sum of its frame and
 * its tilläggsbudgetar.
 */
export interface Budget {
  id: string;
  committee: string;
  year: number;
  /** Exact, in öre: the nämnd's net cost, so a frame is positive; a tilläggsbudget may be negative. */
  amountOre: number;
  kind: BudgetKind;
  /** What a tilläggsbudget is for, as the plan words it; null for a frame or when it says nothing more. */
  description: string | null;
}

export type BudgetKind = "frame" | "supplementary";

/** An investment budget line: a nämnd's project and what the plan gives it for one year. */
export interface Investment {
  id: string;
  committee: string;
  project: string;
  year: number;
  /** Exact, in öre. */
  amountOre: number;
}

export interface Plan {
  years: number[];
  levels: GoalLevel[];
  committees: Committee[];
  goals: Goal[];
  assignments: Assignment[];
  adjustments: Adjustment[];
  keyFigures: KeyFigure[];
  budgets: Budget[];
  investments: Investment[];
}

export const DEFAULT_LEVELS: GoalLevel[] = [
  { id: "vision", label: "Vision", labelEn: "Vision", names: ["vision", "visionen"] },
  {
    id: "omrade",
    label: "Strategiskt område",
    labelEn: "Strategic area",
    names: [
      "strategiskt område",
      "strategiska områden",
      "målområde",
      "målområden",
      "strategisk inriktning",
      "strategiska inriktningar",
      "inriktning",
      "inriktningar",
      "perspektiv",
      "fokusområde",
      "fokusområden",
      "utvecklingsområde",
      "utvecklingsområden",
      "strategiskt utvecklingsområde",
      "strategiska utvecklingsområden",
      "förbättringsområde",
      "förbättringsområden",
      "hållbarhetsdimension",
      "område",
      "områden",
      "strategic area",
    ],
  },
  {
    id: "kommunmal",
    label: "Kommunövergripande mål",
    labelEn: "Municipal goal",
    names: [
      "kommunövergripande mål",
      "kommunmål",
      "kommunmålen",
      "övergripande mål",
      "kf-mål",
      "kf mål",
      "kommunfullmäktigemål",
      "kommunfullmäktiges mål",
      "fullmäktigemål",
      "långsiktigt mål",
      "långsiktiga mål",
      "inriktningsmål",
      "fokusmål",
      "prioriterat mål",
      "prioriterade mål",
      "finansiellt mål",
      "finansiella mål",
      "municipal goal",
    ],
  },
  {
    id: "namndmal",
    label: "Nämndmål",
    labelEn: "Committee goal",
    names: [
      "nämndmål",
      "nämndens mål",
      "nämndplanens mål",
      "nämndsmål",
      "nämndmålen",
      "nämndsmålen",
      "delmål",
      "delmålen",
      "effektmål",
      "förvaltningsmål",
      "verksamhetsområdesmål",
      "resultatmål",
      "verksamhetsmål",
      "strategiskt mål",
      "strategiska mål",
      "ägardirektiv",
      "committee goal",
    ],
  },
];

export function levelRank(levels: GoalLevel[], levelId: string): number {
  return levels.findIndex((level) => level.id === levelId);
}

/** A level word as written, ignoring years, spacing and case. */
function levelWord(text: string): string {
  return normalizeName(text)
    .replace(/\b\d{4}\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A level whose names include the text ("Nämndmål", "Strategiska områden"), ignoring years and case. */
export function levelByName(levels: GoalLevel[], text: string): GoalLevel | null {
  const normal = levelWord(text);
  return (
    levels.find(
      (level) => level.id === normal || normalizeName(level.label) === normal || level.names.includes(normal),
    ) ?? null
  );
}

/**
 * Level words that fix no level of their own: a "delmål" (part of a goal) or an "effektmål" stands one level below the
 * goal it hangs under, whichever level that is. Their level in DEFAULT_LEVELS is the one they take with no parent.
 */
const RELATIVE_LEVEL_WORDS = ["delmål", "delmålen", "effektmål"];

export function isRelativeLevelWord(text: string): boolean {
  return RELATIVE_LEVEL_WORDS.includes(levelWord(text));
}

/** The level one below the given one; null when it is the lowest (or unknown). */
export function levelBelow(levels: GoalLevel[], levelId: string): GoalLevel | null {
  const rank = levelRank(levels, levelId);
  return rank >= 0 ? (levels[rank + 1] ?? null) : null;
}
