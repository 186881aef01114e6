import { Origin } from "../model";

/**
 * The headings of a published budget page (MRP style), as a line of their own: "Mål: X", "Uppdrag från fullmäktige
 * 2024", "Nämndernas egna uppdrag", "Fullmäktiges uppdrag för det kommunövergripande målet X:", "Nyckeltal …", and the
 * lines that close a section. Read in a pasted page (pasted.ts) and between the rows of a table (table.ts).
 */

/** "Mål: X", "Kommunövergripande mål: X". A long or sentence-like name is prose that happens to start so. */
const GOAL_HEADING = /^(?:(?:kommun)?övergripande\s+)?mål\s*:\s*(\S.*)$/iu;

const YEAR_SUFFIX = String.raw`(?:\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d{2}))?\s*:?`;
const FULLMAKTIGE_HEADING = new RegExp(
  String.raw`^(?:uppdrag\s+(?:från|av)\s+(?:kommun)?fullmäktige|(?:kommun)?fullmäktiges\s+(?:särskilda\s+)?uppdrag)${YEAR_SUFFIX}$`,
  "iu",
);
const NAMND_HEADING = new RegExp(
  String.raw`^(?:(?:nämndernas|nämndens)\s+(?:egna\s+)?uppdrag|egna\s+uppdrag|uppdrag\s+från\s+nämnden)${YEAR_SUFFIX}$`,
  "iu",
);

/** "Fullmäktiges uppdrag för det kommunövergripande målet Näringsliv och tillväxt:" names the goal. */
const INTRO_LINE =
  /^((?:kommun)?fullmäktiges|nämndernas|nämndens)\s+(?:egna\s+)?uppdrag\s+för\s+(?:det\s+)?(?:(?:kommun)?övergripande\s+)?målet\s+(.+?)\s*:?$/iu;

const KEY_FIGURES_HEADING = /^nyckeltal\b/iu;
/** Lines that close a section and carry nothing: "Så här gör vi …", "För att nå målet …", "Sidan uppdaterad …". */
const BOUNDARY_LINE = /^(?:så här gör vi\b|för att nå målet\b|sidan uppdaterad\b)/iu;
export const TABLE_HEADER_UPPDRAG = /^uppdrag$/iu;
export const TABLE_HEADER_CLARIFICATION = /^förtydligande(?:\s+av\s+uppdrag(?:et)?)?$/iu;

export type Heading =
  | { kind: "goal"; name: string }
  | { kind: "assignments"; origin: Origin; year: number | null }
  | { kind: "intro"; origin: Origin; goalName: string }
  | { kind: "keyFigures" }
  | { kind: "boundary" }
  | { kind: "tableHeader" };

/** What a line says when it is a heading of the budget document; also read inside tables (layouts/table.ts). */
export function readHeading(line: string): Heading | null {
  const goal = GOAL_HEADING.exec(line);
  if (goal && goal[1].length <= 120 && !/[.!?]$/u.test(goal[1])) return { kind: "goal", name: goal[1].trim() };
  const fullmaktige = FULLMAKTIGE_HEADING.exec(line);
  if (fullmaktige)
    return { kind: "assignments", origin: "council", year: fullmaktige[1] ? Number(fullmaktige[1]) : null };
  const namnd = NAMND_HEADING.exec(line);
  if (namnd) return { kind: "assignments", origin: "committee", year: namnd[1] ? Number(namnd[1]) : null };
  const intro = INTRO_LINE.exec(line);
  if (intro) {
    const origin: Origin = /fullmäktige/iu.test(intro[1]) ? "council" : "committee";
    return { kind: "intro", origin, goalName: intro[2] };
  }
  if (KEY_FIGURES_HEADING.test(line)) return { kind: "keyFigures" };
  if (line.length <= 80 && BOUNDARY_LINE.test(line)) return { kind: "boundary" };
  if (TABLE_HEADER_UPPDRAG.test(line) || TABLE_HEADER_CLARIFICATION.test(line)) return { kind: "tableHeader" };
  return null;
}

export function isDocumentHeading(line: string): boolean {
  const heading = readHeading(line);
  return heading !== null && (heading.kind === "goal" || heading.kind === "assignments" || heading.kind === "intro");
}
