import { CellRef, CellValue, cellText, isErrorValue, isFilled, refName } from "../sheet/grid";
import { directionOfWord, durationOfWord, isRamWord } from "./adjustmentLine";
import { AmountConvention, ORE_PER_UNIT, amountConvention, oreToTkr, parseAmount } from "./amounts";
import { CommitteeDirectory, splitList, splitListParts } from "./committees";
import { Finding, RuleId, Severity, finding } from "./findings";
import {
  Adjustment,
  Assignment,
  Committee,
  CommitteeKind,
  DEFAULT_LEVELS,
  Direction,
  Duration,
  Goal,
  GoalLevel,
  KeyFigure,
  Origin,
  Plan,
  isRelativeLevelWord,
  levelByName,
  levelRank,
} from "./model";
import { NameIndex } from "./nameIndex";
import { LevelRow, relativeLevels } from "./relativeLevels";
import { FieldName, RawPlan, RawRow, RowList, TableRow, fieldNames, fieldRef, fieldValue } from "./raw";
import { cleanParagraphs, cleanText, nearest, normalizeName, regExpAlternatives, slug } from "./text";
import { ALL_COMMITTEES, GOAL_REFERENCE_WORDS, INDEX_LINE } from "./vocabulary";

/**
 * Turns raw rows from any layout into one Plan: resolves names and ids, parses amounts and words, derives stable keys,
 * and reports every problem at its cell. Whatever cannot be resolved is left out of the plan and becomes a finding,
 * so the plan never holds a guess.
 */

export interface ResolveOptions {
  levels?: GoalLevel[];
  /** Years given by a mapping; they win over the workbook's settings. */
  years?: number[];
}

export interface Resolved {
  plan: Plan;
  findings: Finding[];
}

const KOLADA_ID = /^[A-ZÅÄÖ]\d{5}$/;

export function resolvePlan(raw: RawPlan, options: ResolveOptions = {}): Resolved {
  return new Resolver(raw, options.levels ?? DEFAULT_LEVELS).run(options.years);
}

/** A goal while its parents are still names: links are resolved once every goal is known. */
interface PendingGoal {
  goal: Goal;
  row: RawRow;
}

interface GoalLookup {
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

/** The uppdrag read, and their indexes by normalised id and title, for the ramjusteringar that link to them. */
interface AssignmentsRead {
  all: Assignment[];
  byId: NameIndex<Assignment>;
  /** The index in `all` of the uppdrag with that title, or the indexes of the few that share it. */
  byTitle: NameIndex<number | number[]>;
}

class Resolver {
  private readonly findings: Finding[] = [];
  /** Cells naming every nämnd ("Samtliga nämnder") in a plan without a register of them. */
  private readonly everyCommitteeCells: CellRef[] = [];
  private directory = new CommitteeDirectory([]);
  /** Nämnd cells already resolved, by their text. */
  private readonly committeeCells = new Map<string, CommitteeCell>();
  /** Origin cells already read, by their text. */
  private readonly origins = new Map<string, Origin | null>();
  /** Every goal's name, for suggesting the nearest one when a link misses. */
  private goalNames: string[] = [];
  /** Findings already made, so that a cell several rows share (a heading's year, an uppdrag's nämnd) gives one. */
  private readonly reported = new Set<string>();
  /** Cells holding an error value: already reported, so not reported again as missing. */
  private readonly errorCells = new Set<string>();
  /** The number a goal's name was written with ("Mål 3: …" → "3"), by goal id: how links may refer to it. */
  private readonly goalNumbers = new Map<string, string>();
  /** A goal name's leading reference: a goal word or level name with a number, or an outline number. */
  private readonly referencePattern: RegExp;

  constructor(
    private readonly raw: RawPlan,
    private readonly levels: GoalLevel[],
  ) {
    const words = regExpAlternatives([...GOAL_REFERENCE_WORDS, ...levels.flatMap((l) => [l.label, ...l.names])]);
    this.referencePattern = new RegExp(
      String.raw`^(?:(?:${words})\s+(\d+(?:\.\d+)*)\s*[:.–—-]\s*|(\d+(?:\.\d+)+\.?|\d+[.)])\s+)(\S.*)$`,
      "iu",
    );
  }

  run(mappedYears?: number[]): Resolved {
    const { rows } = this.raw;
    this.directory = new CommitteeDirectory(this.readRegister(rows.committee));
    const goals = this.readGoals(rows.goal);
    const assignments = this.readAssignments(rows.assignment, goals);
    const adjustments = this.readAdjustments(rows.adjustment, assignments);
    const keyFigures = this.readKeyFigures(rows.keyFigure, goals);
    const years = mappedYears?.length ? mappedYears : this.planYears(assignments.all, adjustments);
    this.checkYears(years, rows.assignment, rows.adjustment);
    // "Samtliga nämnder" where the plan has no register: one warning for the plan, at the first such cell.
    const [first] = this.everyCommitteeCells;
    if (first) this.report("warning", "all-committees-no-register", first, { rows: this.everyCommitteeCells.length });
    const plan: Plan = {
      years,
      levels: this.levels,
      committees: this.directory.all(),
      goals,
      assignments: assignments.all,
      adjustments,
      keyFigures,
    };
    return { plan, findings: this.findings };
  }

  /**
   * The row at `position`, its error values reported first; valid until the next row is read (RowList.current).
   * Loops over rows are indexed: they run once per call over every row, mostly before V8 optimises them, and for…of
   * would then make an iterator result per row.
   */
  private rowAt(rows: RowList, position: number): RawRow {
    const row = rows.current(position);
    this.reportErrorValues(row);
    return row;
  }

  private report(severity: Severity, rule: RuleId, at: CellRef, params: Record<string, string | number> = {}): void {
    const found = finding(severity, rule, at, params);
    const key = JSON.stringify([found.severity, found.rule, found.sheet, found.cell, found.params]);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push(found);
  }

  /**
   * An error value (#REF!, #N/A …) is reported once, at its cell, and the field then counts as empty; its cell is
   * remembered, so that the field is not reported missing on top of it.
   */
  private reportErrorValues(row: RawRow): void {
    // A table row holding no error value (nearly all of them) needs no look at its fields.
    if (row instanceof TableRow && !(row.columns.holdsErrors && row.values.some(isErrorValue))) return;
    for (const field of fieldNames(row)) {
      const value = fieldValue(row, field);
      if (!isErrorValue(value)) continue;
      const at = this.at(row, field);
      this.report("error", "error-value", at, { value: value.error });
      this.errorCells.add(refKey(at));
    }
  }

  /** A field's value; an error value counts as empty (it is reported at its cell). */
  private value(row: RawRow, field: FieldName): CellValue {
    const value = fieldValue(row, field);
    return isErrorValue(value) ? null : value;
  }

  /** Whether the row gives the field a value (not empty, not blank, not an error value). */
  private present(row: RawRow, field: FieldName): boolean {
    return isFilled(this.value(row, field));
  }

  /** The cell of a field in a row: its value's cell, else the empty cell in its column, else the row's first cell. */
  private at(row: RawRow, field: FieldName): CellRef {
    return fieldRef(row, field) ?? row.ref;
  }

  /** Reports a field that has no value, at the cell to fill in; not when that cell holds an error value. */
  private missing(row: RawRow, field: FieldName, rule: RuleId = "required-field"): void {
    const at = this.at(row, field);
    if (this.errorCells.has(refKey(at))) return;
    // A table without a column for the field is told so: there is no cell to fill in.
    const params = rule === "required-field" ? { field, ...(fieldRef(row, field) ? {} : { column: "none" }) } : {};
    this.report("error", rule, at, params);
  }

  /** A field's text as written, trimmed; "" when the cell is empty, blank or holds an error value. */
  private written(row: RawRow, field: FieldName): string {
    return cellText(this.value(row, field));
  }

  private text(row: RawRow, field: FieldName): string {
    return cleanText(this.written(row, field));
  }

  /** A förtydligande keeps its paragraphs: each line cleaned, blank lines dropped. */
  private clarification(row: RawRow): string | null {
    const value = this.value(row, "clarification");
    return value === null ? null : cleanParagraphs(cellText(value)) || null;
  }

  private required(row: RawRow, field: FieldName): string | null {
    const text = this.text(row, field);
    if (!text) this.missing(row, field);
    return text || null;
  }

  private year(row: RawRow): number | null {
    const value = this.value(row, "year");
    if (!isFilled(value)) return null;
    const year = parseYear(value);
    if (year === null) this.report("error", "year-invalid", this.at(row, "year"), { value: cellText(value) });
    return year;
  }

  // --- Nämnder -------------------------------------------------------------------------------------------------

  private readRegister(rows: RowList): Committee[] {
    const register: Committee[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      // A register of names only (no abbreviation column, or a row without one): the name is the nämnd's key. An
      // abbreviation is never invented.
      const code = this.text(row, "id") || this.text(row, "name");
      if (!code) {
        this.missing(row, "id");
        continue;
      }
      if (seen.has(normalizeName(code))) {
        this.report("error", "duplicate-id", this.at(row, "id"), { id: code });
        continue;
      }
      seen.add(normalizeName(code));
      register.push({ code, name: this.text(row, "name") || null, kind: this.committeeKind(row) });
    }
    return register;
  }

  private committeeKind(row: RawRow): CommitteeKind {
    const text = normalizeName(this.text(row, "kind"));
    if (!text || /^nämnd|^styrelse|^committee/.test(text)) return "namnd";
    if (/^bolag|^company|\bab$/.test(text)) return "bolag";
    this.report("error", "committee-kind-invalid", this.at(row, "kind"), { value: this.text(row, "kind") });
    return "namnd";
  }

  /**
   * Codes of the nämnder a cell names, and the names that matched none (each reported at the cell). The same text
   * ("KS", "TN, VoN") fills thousands of cells, so each distinct text is split and looked up once; what it gives is
   * shared by those cells and must not be changed.
   */
  private committees(row: RawRow): CommitteeCell {
    const text = this.written(row, "committee");
    if (!text) return NO_COMMITTEES;
    let resolved = this.committeeCells.get(text);
    if (!resolved) {
      const codes: string[] = [];
      const unknown: string[] = [];
      let everyCommittee = false;
      const whole = ALL_COMMITTEES.test(text.trim()) ? [text] : splitList(text, this.directory.knownNames());
      for (const part of whole) {
        // "Samtliga nämnder" is every nämnd of the register; without one the plan does not say which they are, which
        // is one finding for the plan (run), not an unknown nämnd on every line.
        if (ALL_COMMITTEES.test(part.trim())) {
          everyCommittee = true;
          for (const { code, kind } of this.directory.hasRegister ? this.directory.all() : [])
            if (kind === "namnd" && !codes.includes(code)) codes.push(code);
          continue;
        }
        const committee = this.directory.lookup(part);
        if (!committee) unknown.push(part);
        else if (!codes.includes(committee.code)) codes.push(committee.code);
      }
      resolved = { codes, unknown, everyCommittee };
      this.committeeCells.set(text, resolved);
    }
    if (resolved.everyCommittee && !this.directory.hasRegister)
      this.everyCommitteeCells.push(this.at(row, "committee"));
    for (const name of resolved.unknown) {
      const suggestion = nearest(name, this.directory.knownNames()) ?? "";
      this.report("error", "unknown-committee", this.at(row, "committee"), { name, suggestion });
    }
    return resolved;
  }

  // --- Goals ---------------------------------------------------------------------------------------------------

  private readGoals(rows: RowList): Goal[] {
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
      const id = explicitId || `mal:${level}:${slug(name)}`;
      const committee = this.committees(row).codes[0] ?? null;
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

  /** What each goal row says about its level, read without reporting (goalLevel reports). */
  private levelRows(rows: RowList): LevelRow[] {
    const result: LevelRow[] = [];
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
    const lookup = this.goalLookup(pending.map((p) => p.goal));
    for (const { goal, row } of pending) {
      // Without a parent cell, an outline number ("1.2.3") says which goal ("1.2") is the parent.
      const written = this.present(row, "parent");
      const parentIds = written ? this.goalLinks(row, lookup) : outlineParent(goal.id, byId);
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
  private goalLookup(goals: Goal[]): GoalLookup {
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
  private goalLinks(row: RawRow, lookup: GoalLookup): readonly string[] {
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

  // --- Uppdrag -------------------------------------------------------------------------------------------------

  private readAssignments(rows: RowList, goals: Goal[]): AssignmentsRead {
    const lookup = this.goalLookup(goals);
    const all: Assignment[] = [];
    /** The row each uppdrag was read from (its position in `rows`), by its index in `all`. */
    const rowOf: number[] = [];
    const byId = new NameIndex<Assignment>((assignment) => assignment.id, rows.length);
    // Uppdrag that share a title are told apart by nämnder and year, rather than by a key of all three (a new long
    // string per row).
    const byTitle = new NameIndex<number | number[]>((entry) => all[indexes(entry)[0]].title, rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const title = this.required(row, "name");
      if (!title) continue;
      const { codes: committees, unknown, everyCommittee } = this.committees(row);
      if (committees.length === 0 && unknown.length === 0 && !everyCommittee) {
        // At the nämnd column's cell; a layout without one (the pasted page) points at the uppdrag.
        const at = fieldRef(row, "committee") ? "committee" : "name";
        this.missing(row, at, "assignment-no-committee");
      }
      const year = this.year(row);
      const goalIds = this.goalLinks(row, lookup);
      const explicitId = this.text(row, "id");
      const id = explicitId || `uppdrag:${slug(title)}:${committeeKey(committees)}:${year ?? ""}`;
      const sameTitle = byTitle.get(title);
      const sameIndex =
        sameTitle === undefined
          ? undefined
          : indexes(sameTitle).find(
              (i) => all[i].year === year && committeeKey(all[i].committees) === committeeKey(committees),
            );
      const same = sameIndex === undefined ? undefined : all[sameIndex];
      if (same) {
        // One uppdrag listed under several goals is one uppdrag linked to each; under the same goals twice, a duplicate.
        // A row that gives an id of its own is another uppdrag with the same title, nämnder and year: a duplicate
        // too, but kept under its id, so that what refers to that id still finds it.
        const newGoals = goalIds.filter((g) => !same.goalIds.includes(g));
        const otherId = Boolean(explicitId) && normalizeName(explicitId) !== normalizeName(same.id);
        if (!otherId && newGoals.length > 0) {
          same.goalIds = [...same.goalIds, ...newGoals];
          same.clarification ??= this.clarification(row);
          continue;
        }
        this.report("error", "duplicate-assignment", this.at(row, "name"), {
          title,
          other: this.cellOf(rows.at(rowOf[sameIndex as number])),
        });
        if (!otherId) continue;
      }
      if (byId.has(id)) {
        this.report("error", "duplicate-id", this.at(row, "id"), { id });
        continue;
      }
      const assignment: Assignment = {
        id,
        title,
        clarification: this.clarification(row),
        goalIds,
        committees,
        origin: this.origin(row),
        year,
      };
      const index = all.push(assignment) - 1;
      rowOf.push(i);
      byId.set(id, assignment);
      if (same) continue;
      if (sameTitle === undefined) byTitle.set(title, index);
      else if (typeof sameTitle === "number") byTitle.set(title, [sameTitle, index]);
      else sameTitle.push(index);
    }
    return { all, byId, byTitle };
  }

  private cellOf(row: RawRow): string {
    const ref = this.at(row, "name");
    return `${ref.sheet}!${refName(ref)}`;
  }

  private origin(row: RawRow): Origin {
    const written = this.written(row, "origin");
    if (!written) return row.originHint ?? "fullmaktige";
    let origin = this.origins.get(written);
    if (origin === undefined) {
      origin = originOfWord(written);
      this.origins.set(written, origin);
    }
    if (origin) return origin;
    this.report("error", "origin-invalid", this.at(row, "origin"), { value: written });
    return row.originHint ?? "fullmaktige";
  }

  // --- Ramjusteringar ------------------------------------------------------------------------------------------

  private readAdjustments(rows: RowList, assignments: AssignmentsRead): Adjustment[] {
    const adjustments: Adjustment[] = [];
    /** Those without an id of their own, keyed once all are read. */
    const derived: Adjustment[] = [];
    const ids = new NameIndex<string>((id) => id, rows.length);
    const conventions = this.amountConventions(rows);
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const committee = this.adjustmentCommittee(row);
      const amount = this.amount(row, conventions.get(this.amountColumn(row)) ?? null);
      const assignment = this.linkedAssignment(row, committee, assignments);
      const year = this.year(row);
      const direction = amount === null ? null : this.direction(row, amount);
      const duration = this.duration(row, year);
      if (committee === null || amount === null || direction === null || assignment === undefined) continue;
      const id = this.text(row, "id");
      if (id && ids.has(id)) {
        this.report("error", "duplicate-id", this.at(row, "id"), { id });
        continue;
      }
      if (id) ids.set(id, id);
      const amountOre = direction === "decrease" ? -Math.abs(amount.ore) : Math.abs(amount.ore);
      // A comment beside a ramjustering says what it is for, where no column names it ("Effektiviseringskrav").
      const description = this.text(row, "name") || this.text(row, "comment") || null;
      const adjustment: Adjustment = {
        id,
        committee,
        year,
        amountOre,
        direction,
        duration,
        assignmentId: assignment?.id ?? null,
        description,
        isIndex: description !== null && INDEX_LINE.test(description),
      };
      adjustments.push(adjustment);
      if (!id) derived.push(adjustment);
    }
    this.deriveAdjustmentKeys(derived, ids);
    return adjustments;
  }

  /**
   * Keys for ramjusteringar without an id, that no reordering or inserting of rows changes: nämnd, year and uppdrag;
   * one tied to no uppdrag, or sharing its uppdrag, nämnd and year with another, is told apart by its amount. Rows
   * alike in all of that are interchangeable and are numbered.
   */
  private deriveAdjustmentKeys(adjustments: Adjustment[], taken: NameIndex<string>): void {
    const base = (a: Adjustment) => `ram:${a.committee}:${a.year ?? ""}:${a.assignmentId ?? ""}`;
    const withAmount = (a: Adjustment) => `${base(a)}:${oreToTkr(a.amountOre)}`;
    const count = new Map<string, number>();
    for (const a of adjustments) count.set(base(a), (count.get(base(a)) ?? 0) + 1);
    for (const a of adjustments) {
      const key = a.assignmentId !== null && count.get(base(a)) === 1 ? base(a) : withAmount(a);
      let id = key;
      for (let n = 2; taken.has(id); n++) id = `${key}:${n}`;
      taken.set(id, id);
      a.id = id;
    }
  }

  private adjustmentCommittee(row: RawRow): string | null {
    const { codes, unknown, everyCommittee } = this.committees(row);
    if (codes.length === 0 && unknown.length === 0 && !everyCommittee) {
      this.missing(row, "committee");
      return null;
    }
    if (codes.length > 1) {
      this.report(
        "error",
        "adjustment-committee-ambiguous",
        this.at(row, this.present(row, "amount") ? "amount" : "committee"),
        {
          committees: codes.join(", "),
        },
      );
      return null;
    }
    return codes[0] ?? null;
  }

  /** The amount read, with its sign as written (a negative number cell was typed with its minus). */
  /** Where a row's amount stands: the convention of its column ("Budget 2025" on one sheet) reads it. */
  private amountColumn(row: RawRow): string {
    const at = this.at(row, "amount");
    return `${at.sheet}|${at.col}`;
  }

  /** Per amount column, how its texts write amounts (amounts.ts `amountConvention`). */
  private amountConventions(rows: RowList): Map<string, AmountConvention> {
    const texts = new Map<string, string[]>();
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const value = this.value(row, "amount");
      if (typeof value !== "string") continue;
      const column = this.amountColumn(row);
      const list = texts.get(column);
      if (list) list.push(value);
      else texts.set(column, [value]);
    }
    return new Map([...texts].map(([column, list]) => [column, amountConvention(list)]));
  }

  private amount(row: RawRow, convention: AmountConvention): { ore: number; sign: "+" | "-" | null } | null {
    const parsed = parseAmount(this.value(row, "amount"), row.amountUnit, convention);
    if (!parsed) {
      this.missing(row, "amount");
      return null;
    }
    if (!parsed.ok) {
      const rule = parsed.problem === "ambiguous" ? "amount-ambiguous" : "amount-unparseable";
      // The two readings the evidence left open, in the amount's unit, for the message to name.
      const readings = parsed.readings && {
        first: parsed.readings.first / ORE_PER_UNIT[parsed.readings.unit],
        second: parsed.readings.second / ORE_PER_UNIT[parsed.readings.unit],
        unit: parsed.readings.unit,
      };
      this.report("error", rule, this.at(row, "amount"), { value: parsed.text, problem: parsed.problem, ...readings });
      return null;
    }
    return parsed;
  }

  /** The word decides, else the sign; a word and a written sign that disagree is a finding, not a guess. */
  private direction(row: RawRow, amount: { ore: number; sign: "+" | "-" | null }): Direction | null {
    const signDirection: Direction | null = amount.sign === "-" ? "decrease" : amount.sign === "+" ? "increase" : null;
    const text = this.written(row, "direction");
    const wordDirection = text ? (directionOfWord(text) ?? ENGLISH_DIRECTIONS[normalizeName(text)] ?? null) : null;
    if (text && wordDirection === null && !isRamWord(text) && !/^adjustment$/i.test(text)) {
      this.report("error", "direction-invalid", this.at(row, "direction"), { value: text });
      return null;
    }
    if (wordDirection && signDirection && wordDirection !== signDirection) {
      this.report("error", "amount-sign", this.at(row, "amount"), {
        word: text,
        value: cellText(this.value(row, "amount")),
      });
      return null;
    }
    return wordDirection ?? signDirection ?? "increase";
  }

  /** Varaktig or tillfällig by its word; tied to a year and not called varaktig, tillfällig; else unspecified. */
  private duration(row: RawRow, year: number | null): Duration | null {
    const text = this.written(row, "duration");
    if (text) {
      const duration = durationOfWord(text) ?? yesNoDuration(text);
      if (duration) return duration;
      this.report("error", "duration-invalid", this.at(row, "duration"), { value: text });
      return null;
    }
    const directionWord = durationOfWord(this.written(row, "direction"));
    if (directionWord) return directionWord;
    if (year !== null) return "tillfallig";
    this.report("warning", "duration-unspecified", this.at(row, "amount"));
    return null;
  }

  /** undefined when a link was given but is broken (the row is dropped); null when there is no link. */
  private linkedAssignment(
    row: RawRow,
    committee: string | null,
    assignments: AssignmentsRead,
  ): Assignment | null | undefined {
    const text = this.text(row, "assignment");
    if (!text) return null;
    const byId = assignments.byId.get(text);
    if (byId) return byId;
    const sameTitle = indexes(assignments.byTitle.get(text)).map((i) => assignments.all[i]);
    if (sameTitle.length) {
      // A title may stand for several uppdrag (the same one each year, or for each nämnd): the one that the
      // ramjustering's year and nämnd point at.
      const year = parseYear(this.value(row, "year"));
      return (
        sameTitle.find((a) => a.year === year && committee !== null && a.committees.includes(committee)) ??
        sameTitle.find((a) => a.year === year) ??
        sameTitle[sameTitle.length - 1]
      );
    }
    const suggestion =
      nearest(
        text,
        assignments.all.map((a) => a.title),
      ) ?? "";
    this.report("error", "adjustment-unknown-assignment", this.at(row, "assignment"), { name: text, suggestion });
    return undefined;
  }

  // --- Nyckeltal -----------------------------------------------------------------------------------------------

  private readKeyFigures(rows: RowList, goals: Goal[]): KeyFigure[] {
    const lookup = this.goalLookup(goals);
    const keyFigures: KeyFigure[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const name = this.required(row, "name");
      if (!name) continue;
      let koladaId: string | null = this.text(row, "kolada").toUpperCase() || null;
      if (koladaId && !KOLADA_ID.test(koladaId)) {
        this.report("error", "kolada-id", this.at(row, "kolada"), { value: this.text(row, "kolada") });
        koladaId = null;
      }
      const goalIds = this.goalLinks(row, lookup);
      const id = this.text(row, "id") || `nyckeltal:${koladaId ?? slug(name)}`;
      if (ids.has(normalizeName(id))) {
        this.report("error", "duplicate-id", this.present(row, "id") ? this.at(row, "id") : this.at(row, "name"), {
          id,
        });
        continue;
      }
      ids.add(normalizeName(id));
      keyFigures.push({
        id,
        name,
        koladaId,
        goalId: goalIds[0] ?? null,
        target: this.text(row, "target") || null,
        unit: this.text(row, "unit") || null,
      });
    }
    return keyFigures;
  }

  // --- Years ---------------------------------------------------------------------------------------------------

  /** Budget year and plan years: the settings, else a "2025–2027" title, else the years the plan uses. */
  private planYears(assignments: Assignment[], adjustments: Adjustment[]): number[] {
    const { budgetYear, planYears, title } = this.raw.settings;
    const fromSettings = [budgetYear, planYears].flatMap((cell) => (cell ? yearsIn(cellText(cell.value)) : []));
    if (fromSettings.length) return unique(fromSettings);
    const fromTitle = title ? titleYears(cellText(title.value)) : null;
    if (fromTitle) return fromTitle;
    const used = [...assignments, ...adjustments].map((x) => x.year).filter((y): y is number => y !== null);
    return unique(used).sort((a, b) => a - b);
  }

  private checkYears(years: number[], ...rowGroups: RowList[]): void {
    if (years.length === 0) return;
    for (const rows of rowGroups) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows.current(i);
        const year = parseYear(this.value(row, "year"));
        if (year !== null && !years.includes(year)) {
          this.report("error", "year-outside-plan", this.at(row, "year"), { year, years: years.join(", ") });
        }
      }
    }
  }
}

/** "Fullmäktige", "KF", "Nämnd", "Eget" …: where an uppdrag comes from; null for a word that names neither. */
function originOfWord(written: string): Origin | null {
  const text = normalizeName(written);
  if (/^(kf|kommunfullmäktige|fullmäktige|council)/.test(text)) return "fullmaktige";
  if (/^(nämnd|egen|eget|committee|styrelse)/.test(text)) return "namnd";
  return null;
}

/** The goal an outline number hangs under ("1.2.3" under "1.2", "1.1" under "1" or "1."), when the plan has it. */
function outlineParent(id: string, byId: Map<string, PendingGoal>): string[] {
  const outline = /^(\d+(?:\.\d+)*)\.\d+\.?$/.exec(id);
  const parent = outline ? byId.get(normalizeName(outline[1])) : undefined;
  return parent ? [parent.goal.id] : [];
}

/** An index map's entry as a list. */
function indexes(entry: number | number[] | undefined): number[] {
  return entry === undefined ? [] : typeof entry === "number" ? [entry] : entry;
}

/** Nämnder sorted and joined: with the title and year, what makes two rows one uppdrag. */
function committeeKey(codes: readonly string[]): string {
  return codes.length > 1 ? [...codes].sort().join("+") : (codes[0] ?? "");
}

/** A nämnd cell as read: the codes it names, and the names that matched none. */
interface CommitteeCell {
  readonly codes: readonly string[];
  readonly unknown: readonly string[];
  /** The cell says "Samtliga nämnder". */
  readonly everyCommittee: boolean;
}

const NO_COMMITTEES: CommitteeCell = { codes: [], unknown: [], everyCommittee: false };

function refKey(ref: CellRef): string {
  return `${ref.sheet}!${refName(ref)}`;
}

function parseYear(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1900 && value < 2200 ? value : null;
  const text = cellText(value);
  return /^(19|20|21)\d\d$/.test(text) ? Number(text) : null;
}

/** "2025–2027" → [2025, 2026, 2027]; null when the text holds no plausible range. */
function yearRange(text: string): number[] | null {
  const range = /\b(20\d\d)\s*[-–—]\s*(20\d\d)\b/.exec(text);
  const [from, to] = range ? [Number(range[1]), Number(range[2])] : [0, -1];
  return to >= from && to - from < 10 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : null;
}

/**
 * The years a title names: its range, widened by a year written beside it that adjoins it ("Budget 2024, plan
 * 2025–2027" → 2024–2027); null without a range.
 */
function titleYears(text: string): number[] | null {
  const range = yearRange(text);
  if (!range) return null;
  const named = (text.match(/\b20\d\d\b/g) ?? []).map(Number);
  const from = named.includes(range[0] - 1) ? range[0] - 1 : range[0];
  const to = named.includes(range[range.length - 1] + 1) ? range[range.length - 1] + 1 : range[range.length - 1];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function yearsIn(text: string): number[] {
  return yearRange(text) ?? (text.match(/\b20\d\d\b/g) ?? []).map(Number);
}

function unique(years: number[]): number[] {
  return [...new Set(years)];
}

/** Varaktighet as Ja/Nej ("Varaktig (Ja/Nej)"), or in English: "Permanent", "Lasting", "Temporary", "One-off". */
function yesNoDuration(text: string): Duration | null {
  const normal = normalizeName(text);
  if (/^(ja|yes|x|lasting)$/.test(normal)) return "varaktig";
  if (/^(nej|no|temporary|one-off|one off|one-time)$/.test(normal)) return "tillfallig";
  return null;
}

/** Typ in a workbook kept in English (the headers may be English too); Swedish words are read by adjustmentLine. */
const ENGLISH_DIRECTIONS: Record<string, Direction> = {
  increase: "increase",
  addition: "increase",
  decrease: "decrease",
  reduction: "decrease",
  saving: "decrease",
  savings: "decrease",
};
