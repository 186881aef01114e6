import { GoalLevel, Goal, isRelativeLevelWord, levelByName, levelRank } from "../model";
import { derivedId } from "../derivedIds";
import { splitListParts } from "../committees";
import { RawRow, RowList } from "../raw";
import { LevelRow, relativeLevels } from "../relativeLevels";
import { nearest, normalizeName, regExpAlternatives, slug } from "../text";
import { GOAL_REFERENCE_WORDS } from "../vocabulary";
import { CommitteeReader } from "./committees";
import { ResolveState, RowReader } from "./context";

/** A goal while its parents are still names: links are resolved once every goal is known. */
interface PendingGoal {
  goal: Goal;
  row: RawRow;
}

export interface GoalLookup {
  /** Normalised name or id → goal id. */
  byKey: Map<string, string>;
  /** Names and ids as written, to find them inside a cell that lists several. */
  names: string[];
  /** Link cells already read, by their text: the same few goals are linked from thousands of rows. */
  cells: Map<string, GoalLinks>;
}

/** What a link cell names: the goals found, and each name that matched none with the nearest one suggested. */
interface GoalLinks {
  ids: string[];
  misses: { name: string; suggestion: string }[];
}

/**
 * The plan's goals: their levels, ids and numbers, their parents (by name, id, number or outline), and the links other
 * rows (uppdrag, nyckeltal) make to them.
 */
export class GoalReader extends RowReader {
  /** Every goal's name, for suggesting the nearest one when a link misses. */
  private goalNames: string[] = [];
  /** The number a goal's name was written with ("Mål 3: …" → "3"), by goal id: how links may refer to it. */
  private readonly goalNumbers = new Map<string, string>();
  /** A goal name's leading reference: a goal word or level name with a number, or an outline number. */
  private readonly referencePattern: RegExp;

  constructor(
    state: ResolveState,
    private readonly levels: GoalLevel[],
    private readonly committees: CommitteeReader,
  ) {
    super(state);
    const words = regExpAlternatives([...GOAL_REFERENCE_WORDS, ...levels.flatMap((l) => [l.label, ...l.names])]);
    this.referencePattern = new RegExp(
      String.raw`^(?:(?:${words})\s+(\d+(?:\.\d+)*)\s*[:.–—-]\s*|(\d+(?:\.\d+)+\.?|\d+[.)])\s+)(\S.*)$`,
      "iu",
    );
  }

  read(rows: RowList): Goal[] {
    const pending: PendingGoal[] = [];
    const byId = new Map<string, PendingGoal>();
    const relative = relativeLevels(this.levelRows(rows), this.levels);
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const written = this.required(row, "name");
      if (!written) continue;
      // "Mål 3: God hälsa", "1.2 Fler jobb": the number is how the plan refers to the goal, not part of its name.
      const reference = this.referencePattern.exec(written);
      const name = reference ? reference[3] : written;
      const level = relative.get(i) ?? this.goalLevel(row);
      if (!level) continue;
      const explicitId = this.text(row, "id");
      const id = explicitId || derivedId("goal", level, slug(name));
      const committee = this.committees.cell(row).codes[0] ?? null;
      const existing = byId.get(normalizeName(id));
      if (existing) {
        // The same goal named again (a pasted document repeats its headings): one goal. An id given twice is not.
        if (explicitId) this.report("error", "duplicate-id", this.at(row, "id"), { id });
        else existing.goal.committee ??= committee;
        continue;
      }
      const target = this.text(row, "target") || null;
      const entry = { goal: { id, level, name, parentIds: [], committee, target }, row: rows.at(i) };
      const number = reference ? (reference[1] ?? reference[2]).replace(/[.)]$/, "") : null;
      if (number) this.goalNumbers.set(id, number);
      pending.push(entry);
      byId.set(normalizeName(id), entry);
    }
    this.goalNames = pending.map((p) => p.goal.name);
    this.linkGoals(pending, byId);
    return pending.map((p) => p.goal);
  }

  /**
   * What each goal row says about its level, read without reporting (goalLevel reports); none when no row's level word
   * is relative.
   */
  private levelRows(rows: RowList): LevelRow[] {
    const result: LevelRow[] = [];
    // Most plans write no relative level word: then nothing more is read.
    let relative = false;
    for (let i = 0; i < rows.length && !relative; i++)
      relative = isRelativeLevelWord(this.written(rows.current(i), "level"));
    if (!relative) return result;
    for (let i = 0; i < rows.length; i++) {
      const row = rows.current(i);
      const written = this.text(row, "name");
      const reference = this.referencePattern.exec(written);
      const word = this.written(row, "level");
      const level = word ? (levelByName(this.levels, word)?.id ?? null) : (row.levelHint ?? null);
      result.push({
        name: reference ? reference[3] : written,
        id: this.text(row, "id"),
        level,
        relative: word !== "" && level !== null && isRelativeLevelWord(word),
        parent: this.text(row, "parent"),
      });
    }
    return result;
  }

  private goalLevel(row: RawRow): string | null {
    const text = this.written(row, "level");
    if (text) {
      const level = levelByName(this.levels, text);
      if (level) return level.id;
      const suggestion =
        nearest(
          text,
          this.levels.map((l) => l.label),
        ) ?? "";
      this.report("error", "unknown-level", this.at(row, "level"), { value: text, suggestion });
      return null;
    }
    if (row.levelHint) return row.levelHint;
    // A goal that names a nämnd is that nämnd's goal, whatever the sheet calls it.
    if (this.present(row, "committee")) return "namndmal";
    this.missing(row, "level");
    return null;
  }

  /** Resolves parent names and ids, then checks levels and cycles. */
  private linkGoals(pending: PendingGoal[], byId: Map<string, PendingGoal>): void {
    const lookup = this.lookup(pending.map((p) => p.goal));
    for (const { goal, row } of pending) {
      // Without a parent cell, an outline number ("1.2.3") says which goal ("1.2") is the parent.
      const written = this.present(row, "parent");
      const parentIds = written ? this.links(row, lookup) : outlineParent(goal.id, byId);
      const at = this.at(row, written ? "parent" : "id");
      for (const parentId of parentIds) {
        const parent = byId.get(normalizeName(parentId))?.goal;
        if (!parent || goal.parentIds.includes(parentId) || parentId === goal.id) {
          if (parentId === goal.id) this.report("error", "goal-cycle", at, { name: goal.name });
          continue;
        }
        if (levelRank(this.levels, parent.level) >= levelRank(this.levels, goal.level)) {
          this.report("error", "parent-level", at, {
            name: goal.name,
            parent: parent.name,
            level: this.levelLabel(goal.level),
            parentLevel: this.levelLabel(parent.level),
          });
          continue;
        }
        goal.parentIds.push(parentId);
      }
    }
    // Levels strictly rise along every kept link, so a cycle can only come from a level mismatch, already reported;
    // this walk guards the invariant all the same, because later steps walk up the chain.
    this.breakCycles(pending);
  }

  private breakCycles(pending: PendingGoal[]): void {
    const byId = new Map(pending.map((p) => [p.goal.id, p]));
    const state = new Map<string, "visiting" | "done">();
    const visit = (entry: PendingGoal): void => {
      state.set(entry.goal.id, "visiting");
      for (const parentId of [...entry.goal.parentIds]) {
        const parent = byId.get(parentId);
        if (!parent) continue;
        if (state.get(parentId) === "visiting") {
          entry.goal.parentIds = entry.goal.parentIds.filter((id) => id !== parentId);
          this.report("error", "goal-cycle", this.at(entry.row, "parent"), { name: entry.goal.name });
        } else if (!state.has(parentId)) visit(parent);
      }
      state.set(entry.goal.id, "done");
    };
    for (const entry of pending) if (!state.has(entry.goal.id)) visit(entry);
  }

  private levelLabel(levelId: string): string {
    return this.levels.find((level) => level.id === levelId)?.label ?? levelId;
  }

  /** Goals by id and by name, for links written either way. */
  lookup(goals: Goal[]): GoalLookup {
    const byKey = new Map<string, string>();
    for (const goal of goals) byKey.set(normalizeName(goal.name), goal.id);
    for (const goal of goals) byKey.set(normalizeName(goal.id), goal.id);
    const names = goals.flatMap((goal) => [goal.name, goal.id]);
    const alias = (key: string, id: string) => {
      const normalized = normalizeName(key);
      if (byKey.has(normalized)) return;
      byKey.set(normalized, id);
      names.push(key);
    };
    // References as plans write them: "Mål 3" or "Inriktningsmål 3" for the goal numbered 3 (by its id or by the
    // number before its name), and a level's name for the one goal at that level.
    const perLevel = new Map<string, { count: number; last: Goal }>();
    for (const goal of goals) {
      perLevel.set(goal.level, { count: (perLevel.get(goal.level)?.count ?? 0) + 1, last: goal });
      const number = this.goalNumbers.get(goal.id) ?? (/^\d+(?:\.\d+)*$/.test(goal.id) ? goal.id : null);
      if (number === null) continue;
      // An outline number written before the name ("1.2 Fler jobb") is the goal's number as a link writes it.
      if (this.goalNumbers.has(goal.id)) alias(number, goal.id);
      for (const word of [...GOAL_REFERENCE_WORDS, ...this.levelWords(goal.level)]) alias(`${word} ${number}`, goal.id);
    }
    for (const [level, { count, last }] of perLevel) {
      if (count === 1) for (const word of this.levelWords(level)) alias(word, last.id);
    }
    return { byKey, names, cells: new Map() };
  }

  /** A level's label and the names it is met by, lower case. */
  private levelWords(levelId: string): string[] {
    const level = this.levels.find((l) => l.id === levelId);
    return level ? [level.label.toLowerCase(), ...level.names] : [];
  }

  /**
   * Goal ids a cell links to; each name or id that matches no goal is a finding, with the nearest name suggested. The
   * list is shared by every cell with the same text: not to be changed.
   */
  links(row: RawRow, lookup: GoalLookup): readonly string[] {
    const cell = this.written(row, "parent");
    if (!cell) return [];
    let links = lookup.cells.get(cell);
    if (!links) {
      links = this.readGoalLinks(cell, lookup);
      lookup.cells.set(cell, links);
    }
    for (const miss of links.misses) this.report("error", "unknown-goal", this.at(row, "parent"), miss);
    return links.ids;
  }

  /**
   * Parts that match nothing and stand next to each other are one name cut at its "och", "&" or comma ("Näringsliv &
   * tilväxt"): each such run is one miss, whole. A ";" or a line break still separates two names.
   */
  private readGoalLinks(cell: string, lookup: GoalLookup): GoalLinks {
    const whole = lookup.byKey.get(normalizeName(cell));
    if (whole) return { ids: [whole], misses: [] };
    const { text, parts } = splitListParts(cell, lookup.names);
    const segments: { at: number; end: number; id?: string }[] = [];
    for (const part of parts) {
      const id = lookup.byKey.get(normalizeName(part.name));
      const previous = segments[segments.length - 1];
      if (!id && previous && !previous.id && !text.slice(previous.end, part.at).includes(";")) previous.end = part.end;
      else segments.push({ at: part.at, end: part.end, id });
    }
    const links: GoalLinks = { ids: [], misses: [] };
    for (const segment of segments) {
      const name = text.slice(segment.at, segment.end);
      // A run may still be a goal as a whole: "Näringsliv & tillväxt" next to another goal in the cell.
      const id = segment.id ?? lookup.byKey.get(normalizeName(name));
      if (id) {
        if (!links.ids.includes(id)) links.ids.push(id);
      } else {
        links.misses.push({ name, suggestion: nearest(name, this.goalNames) ?? "" });
      }
    }
    return links;
  }
}

/** The goal an outline number hangs under ("1.2.3" under "1.2", "1.1" under "1" or "1."), when the plan has it. */
function outlineParent(id: string, byId: Map<string, PendingGoal>): string[] {
  const outline = /^(\d+(?:\.\d+)*)\.\d+\.?$/.exec(id);
  const parent = outline ? byId.get(normalizeName(outline[1])) : undefined;
  return parent ? [parent.goal.id] : [];
}
