/**
 * Keys for what a plan gives no ID (resolve/): "<prefix>:<parts>", stable while rows move or are inserted. The code
 * names the kinds as row keys do (goal, assignment, adjustment, keyFigure: followup/model.ts); the prefixes are the
 * Swedish words these keys have always begun with, since the keys go out as they are: in --json (README), and in the
 * hidden row keys of every follow-up sheet sent out ("assignment|uppdrag:…"), which a later round must still match.
 * This table is the one place where the two meet.
 */
const PREFIXES = {
  goal: "mal",
  assignment: "uppdrag",
  adjustment: "ram",
  keyFigure: "nyckeltal",
} as const;

export type DerivedKind = keyof typeof PREFIXES;

/** The key of a `kind` with no ID of its own, from the parts that tell it apart: `mal:<level>:<name slug>` … */
export function derivedId(kind: DerivedKind, ...parts: (string | number)[]): string {
  return [PREFIXES[kind], ...parts].join(":");
}

/** Whether `id` reads as a key derived for a `kind` (by its prefix: an ID a plan gives that begins so reads alike). */
export function isDerivedId(kind: DerivedKind, id: string): boolean {
  return id.startsWith(`${PREFIXES[kind]}:`);
}
