import { CellRef, CellValue, cellText, isErrorValue, refName } from "../sheet/grid";
import { directionOfWord, durationOfWord, isRamWord } from "./adjustmentLine";
import { oreToTkr, parseAmount } from "./amounts";
import { CommitteeDirectory, splitList, splitListParts } from "./committees";
import { Finding, RuleId, Severity, finding } from "./findings";
import { levelByName } from "./layouts/table";
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
  levelRank,
} from "./model";
import { FieldName, RawCell, RawPlan, RawRow } from "./raw";
import { cleanText, nearest, normalizeName, slug } from "./text";

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
  /** Id given in the sheet, as opposed to a derived key. */
  explicitId: boolean;
}

interface GoalLookup {
  /** Normalised name or id → goal id. */
  byKey: Map<string, string>;
  /** Names and ids as written, to find them inside a cell that lists several. */
  names: string[];
}

interface PendingAssignment {
  assignment: Assignment;
  row: RawRow;
  explicitId: boolean;
}

class Resolver {
  private readonly findings: Finding[] = [];
  private readonly sources = new Map<string, CellRef>();
  private directory = new CommitteeDirectory([]);
  /** Every goal's name, for suggesting the nearest one when a link misses. */
  private goalNames: string[] = [];
  /** Findings already made, so that a cell several rows share (a heading's year, an uppdrag's nämnd) gives one. */
  private readonly reported = new Set<string>();
  /** Cells holding an error value: already reported, so not reported again as missing. */
  private readonly errorCells = new Set<string>();

  constructor(
    private readonly raw: RawPlan,
    private readonly levels: GoalLevel[],
  ) {}

  run(mappedYears?: number[]): Resolved {
    const rows = this.raw.rows.map((row) => this.withoutErrorValues(row));
    const ofKind = (kind: RawRow["kind"]) => rows.filter((row) => row.kind === kind);
    this.directory = new CommitteeDirectory(this.readRegister(ofKind("committee")));
    const goals = this.readGoals(ofKind("goal"));
    const assignments = this.readAssignments(ofKind("assignment"), goals);
    const adjustments = this.readAdjustments(ofKind("adjustment"), assignments);
    const keyFigures = this.readKeyFigures(ofKind("keyFigure"), goals);
    const years = mappedYears?.length ? mappedYears : this.planYears(assignments, adjustments);
    this.checkYears(years, ofKind("assignment"), ofKind("adjustment"));
    const plan: Plan = {
      years,
      levels: this.levels,
      committees: this.directory.all(),
      goals,
      assignments,
      adjustments,
      keyFigures,
      sources: this.sources,
    };
    return { plan, findings: this.findings };
  }

  private report(severity: Severity, rule: RuleId, at: CellRef, params: Record<string, string | number> = {}): void {
    const found = finding(severity, rule, at, params);
    const key = JSON.stringify([found.severity, found.rule, found.sheet, found.cell, found.params]);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push(found);
  }

  /**
   * An error value (#REF!, #N/A …) is reported once, at its cell, and the field then counts as empty; its cell stays
   * the field's cell, so that the field is not reported missing on top of it.
   */
  private withoutErrorValues(row: RawRow): RawRow {
    const fields: RawRow["fields"] = {};
    const columns: RawRow["columns"] = { ...row.columns };
    for (const [name, cell] of Object.entries(row.fields) as [FieldName, RawCell | undefined][]) {
      if (!cell) continue;
      if (isErrorValue(cell.value)) {
        this.report("error", "error-value", cell.ref, { value: cell.value.error });
        this.errorCells.add(refKey(cell.ref));
        columns[name] = cell.ref;
      } else fields[name] = cell;
    }
    return { ...row, fields, columns };
  }

  /** The cell of a field in a row: its value's cell, else the empty cell in its column, else the row's first cell. */
  private at(row: RawRow, field: FieldName): CellRef {
    return row.fields[field]?.ref ?? row.columns?.[field] ?? row.ref;
  }

  /** Reports a field that has no value, at the cell to fill in; not when that cell holds an error value. */
  private missing(row: RawRow, field: FieldName, rule: RuleId = "required-field"): void {
    const at = this.at(row, field);
    if (this.errorCells.has(refKey(at))) return;
    this.report("error", rule, at, rule === "required-field" ? { field } : {});
  }

  private text(row: RawRow, field: FieldName): string {
    const value = row.fields[field]?.value ?? null;
    return value === null ? "" : cleanText(cellText(value));
  }

  private required(row: RawRow, field: FieldName): string | null {
    const text = this.text(row, field);
    if (!text) this.missing(row, field);
    return text || null;
  }

  private year(row: RawRow): number | null {
    const cell = row.fields.year;
    if (!cell) return null;
    const year = parseYear(cell.value);
    if (year === null) this.report("error", "year-invalid", cell.ref, { value: cellText(cell.value) });
    return year;
  }

  // --- Nämnder -------------------------------------------------------------------------------------------------

  private readRegister(rows: RawRow[]): Committee[] {
    const register: Committee[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const code = this.required(row, "id");
      if (!code) continue;
      if (seen.has(normalizeName(code))) {
        this.report("error", "duplicate-id", row.fields.id?.ref ?? row.ref, { id: code });
        continue;
      }
      seen.add(normalizeName(code));
      register.push({ code, name: this.text(row, "name") || null, kind: this.committeeKind(row) });
      this.sources.set(`committee:${code}`, row.ref);
    }
    return register;
  }

  private committeeKind(row: RawRow): CommitteeKind {
    const text = normalizeName(this.text(row, "kind"));
    if (!text || /^nämnd|^styrelse|^committee/.test(text)) return "namnd";
    if (/^bolag|^company|\bab$/.test(text)) return "bolag";
    this.report("error", "committee-kind-invalid", row.fields.kind?.ref ?? row.ref, { value: this.text(row, "kind") });
    return "namnd";
  }

  /** Codes of the nämnder a cell names, and how many names matched none (each reported at the cell). */
  private committees(cell: RawCell | undefined): { codes: string[]; unknown: number } {
    const codes: string[] = [];
    let unknown = 0;
    for (const part of cell ? splitList(cellText(cell.value), this.directory.knownNames()) : []) {
      const committee = this.directory.lookup(part);
      if (committee) {
        if (!codes.includes(committee.code)) codes.push(committee.code);
      } else if (cell) {
        unknown++;
        const suggestion = nearest(part, this.directory.knownNames()) ?? "";
        this.report("error", "unknown-committee", cell.ref, { name: part, suggestion });
      }
    }
    return { codes, unknown };
  }

  // --- Goals ---------------------------------------------------------------------------------------------------

  private readGoals(rows: RawRow[]): Goal[] {
    const pending: PendingGoal[] = [];
    const byId = new Map<string, PendingGoal>();
    for (const row of rows) {
      const name = this.required(row, "name");
      if (!name) continue;
      const level = this.goalLevel(row);
      if (!level) continue;
      const explicitId = this.text(row, "id");
      const id = explicitId || `mal:${level}:${slug(name)}`;
      const committee = this.committees(row.fields.committee).codes[0] ?? null;
      const existing = byId.get(normalizeName(id));
      if (existing) {
        // The same goal named again (a pasted document repeats its headings): one goal. An id given twice is not.
        if (explicitId) this.report("error", "duplicate-id", row.fields.id?.ref ?? row.ref, { id });
        else existing.goal.committee ??= committee;
        continue;
      }
      const target = this.text(row, "target") || null;
      const entry = {
        goal: { id, level, name, parentIds: [], committee, target },
        row,
        explicitId: Boolean(explicitId),
      };
      pending.push(entry);
      byId.set(normalizeName(id), entry);
      this.sources.set(id, row.fields.name?.ref ?? row.ref);
    }
    this.goalNames = pending.map((p) => p.goal.name);
    this.linkGoals(pending, byId);
    return pending.map((p) => p.goal);
  }

  private goalLevel(row: RawRow): string | null {
    const cell = row.fields.level;
    if (cell) {
      const level = levelByName(this.levels, cellText(cell.value));
      if (level) return level.id;
      const suggestion =
        nearest(
          cellText(cell.value),
          this.levels.map((l) => l.label),
        ) ?? "";
      this.report("error", "unknown-level", cell.ref, { value: cellText(cell.value), suggestion });
      return null;
    }
    if (row.levelHint) return row.levelHint;
    // A goal that names a nämnd is that nämnd's goal, whatever the sheet calls it.
    if (row.fields.committee) return "namndmal";
    this.missing(row, "level");
    return null;
  }

  /** Resolves parent names and ids, then checks levels and cycles. */
  private linkGoals(pending: PendingGoal[], byId: Map<string, PendingGoal>): void {
    const lookup = this.goalLookup(pending.map((p) => p.goal));
    for (const { goal, row } of pending) {
      const cell = row.fields.parent;
      if (!cell) continue;
      for (const parentId of this.goalLinks(cell, lookup)) {
        const parent = byId.get(normalizeName(parentId))?.goal;
        if (!parent || goal.parentIds.includes(parentId) || parentId === goal.id) {
          if (parentId === goal.id) this.report("error", "goal-cycle", cell.ref, { name: goal.name });
          continue;
        }
        if (levelRank(this.levels, parent.level) >= levelRank(this.levels, goal.level)) {
          this.report("error", "parent-level", cell.ref, {
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
          this.report("error", "goal-cycle", entry.row.fields.parent?.ref ?? entry.row.ref, { name: entry.goal.name });
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
    return { byKey, names: goals.flatMap((goal) => [goal.name, goal.id]) };
  }

  /**
   * Goal ids a cell links to; a name or id that matches no goal is a finding with the nearest name suggested. Parts
   * that match nothing and stand next to each other are one name cut at its "och", "&" or comma ("Näringsliv &
   * tilväxt"): each such run is reported once, whole. A ";" or a line break still separates two names.
   */
  private goalLinks(cell: RawCell, lookup: GoalLookup): string[] {
    const whole = lookup.byKey.get(normalizeName(cellText(cell.value)));
    if (whole) return [whole];
    const { text, parts } = splitListParts(cellText(cell.value), lookup.names);
    const segments: { at: number; end: number; id?: string }[] = [];
    for (const part of parts) {
      const id = lookup.byKey.get(normalizeName(part.name));
      const previous = segments[segments.length - 1];
      if (!id && previous && !previous.id && !text.slice(previous.end, part.at).includes(";")) previous.end = part.end;
      else segments.push({ at: part.at, end: part.end, id });
    }
    const ids: string[] = [];
    for (const segment of segments) {
      const name = text.slice(segment.at, segment.end);
      // A run may still be a goal as a whole: "Näringsliv & tillväxt" next to another goal in the cell.
      const id = segment.id ?? lookup.byKey.get(normalizeName(name));
      if (id) {
        if (!ids.includes(id)) ids.push(id);
      } else {
        this.report("error", "unknown-goal", cell.ref, { name, suggestion: nearest(name, this.goalNames) ?? "" });
      }
    }
    return ids;
  }

  // --- Uppdrag -------------------------------------------------------------------------------------------------

  private readAssignments(rows: RawRow[], goals: Goal[]): Assignment[] {
    const lookup = this.goalLookup(goals);
    const pending: PendingAssignment[] = [];
    const byId = new Map<string, PendingAssignment>();
    const byContent = new Map<string, PendingAssignment>();
    for (const row of rows) {
      const title = this.required(row, "name");
      if (!title) continue;
      const { codes: committees, unknown } = this.committees(row.fields.committee);
      if (committees.length === 0 && unknown === 0) {
        // At the nämnd column's cell; a layout without one (the pasted page) points at the uppdrag.
        const at = row.fields.committee || row.columns?.committee ? "committee" : "name";
        this.missing(row, at, "assignment-no-committee");
      }
      const year = this.year(row);
      const goalIds = row.fields.parent ? this.goalLinks(row.fields.parent, lookup) : [];
      const content = `${normalizeName(title)}|${[...committees].sort().join("+")}|${year ?? ""}`;
      const explicitId = this.text(row, "id");
      const id = explicitId || `uppdrag:${slug(title)}:${[...committees].sort().join("+")}:${year ?? ""}`;
      const same = byContent.get(content);
      if (same) {
        // One uppdrag listed under several goals is one uppdrag linked to each; under the same goals twice, a duplicate.
        // A row that gives an id of its own is another uppdrag with the same title, nämnder and year: a duplicate
        // too, but kept under its id, so that what refers to that id still finds it.
        const newGoals = goalIds.filter((g) => !same.assignment.goalIds.includes(g));
        const otherId = Boolean(explicitId) && normalizeName(explicitId) !== normalizeName(same.assignment.id);
        if (!otherId && newGoals.length > 0) {
          same.assignment.goalIds.push(...newGoals);
          same.assignment.clarification ??= this.text(row, "clarification") || null;
          continue;
        }
        this.report("error", "duplicate-assignment", row.fields.name?.ref ?? row.ref, {
          title,
          other: this.cellOf(same.row),
        });
        if (!otherId) continue;
      }
      if (byId.has(normalizeName(id))) {
        this.report("error", "duplicate-id", row.fields.id?.ref ?? row.ref, { id });
        continue;
      }
      const assignment: Assignment = {
        id,
        title,
        clarification: this.text(row, "clarification") || null,
        goalIds,
        committees,
        origin: this.origin(row),
        year,
      };
      const entry = { assignment, row, explicitId: Boolean(explicitId) };
      pending.push(entry);
      byId.set(normalizeName(id), entry);
      if (!same) byContent.set(content, entry);
      this.sources.set(id, row.fields.name?.ref ?? row.ref);
    }
    return pending.map((p) => p.assignment);
  }

  private cellOf(row: RawRow): string {
    const ref = row.fields.name?.ref ?? row.ref;
    return `${ref.sheet}!${refName(ref)}`;
  }

  private origin(row: RawRow): Origin {
    const cell = row.fields.origin;
    if (!cell) return row.originHint ?? "fullmaktige";
    const text = normalizeName(cellText(cell.value));
    if (/^(kf|kommunfullmäktige|fullmäktige|council)/.test(text)) return "fullmaktige";
    if (/^(nämnd|egen|eget|committee|styrelse)/.test(text)) return "namnd";
    this.report("error", "origin-invalid", cell.ref, { value: cellText(cell.value) });
    return row.originHint ?? "fullmaktige";
  }

  // --- Ramjusteringar ------------------------------------------------------------------------------------------

  private readAdjustments(rows: RawRow[], assignments: Assignment[]): Adjustment[] {
    const assignmentLookup = new Map<string, Assignment>();
    for (const a of assignments) assignmentLookup.set(normalizeName(a.title), a);
    for (const a of assignments) assignmentLookup.set(normalizeName(a.id), a);
    const adjustments: { adjustment: Adjustment; ref: CellRef; derived: boolean }[] = [];
    const ids = new Set<string>();
    for (const row of rows) {
      const committee = this.adjustmentCommittee(row);
      const amount = this.amount(row);
      const assignment = this.linkedAssignment(row, committee, assignmentLookup, assignments);
      const year = this.year(row);
      const direction = amount === null ? null : this.direction(row, amount);
      const duration = this.duration(row, year);
      if (committee === null || amount === null || direction === null || assignment === undefined) continue;
      const id = this.text(row, "id");
      if (id && ids.has(normalizeName(id))) {
        this.report("error", "duplicate-id", row.fields.id?.ref ?? row.ref, { id });
        continue;
      }
      if (id) ids.add(normalizeName(id));
      const amountOre = direction === "decrease" ? -Math.abs(amount.ore) : Math.abs(amount.ore);
      adjustments.push({
        adjustment: { id, committee, year, amountOre, direction, duration, assignmentId: assignment?.id ?? null },
        ref: row.fields.amount?.ref ?? row.ref,
        derived: !id,
      });
    }
    this.deriveAdjustmentKeys(
      adjustments.filter((a) => a.derived).map((a) => a.adjustment),
      ids,
    );
    for (const { adjustment, ref } of adjustments) this.sources.set(adjustment.id, ref);
    return adjustments.map((a) => a.adjustment);
  }

  /**
   * Keys for ramjusteringar without an id, that no reordering or inserting of rows changes: nämnd, year and uppdrag;
   * one tied to no uppdrag, or sharing its uppdrag, nämnd and year with another, is told apart by its amount. Rows
   * alike in all of that are interchangeable and are numbered.
   */
  private deriveAdjustmentKeys(adjustments: Adjustment[], taken: Set<string>): void {
    const base = (a: Adjustment) => `ram:${a.committee}:${a.year ?? ""}:${a.assignmentId ?? ""}`;
    const withAmount = (a: Adjustment) => `${base(a)}:${oreToTkr(a.amountOre)}`;
    const count = new Map<string, number>();
    for (const a of adjustments) count.set(base(a), (count.get(base(a)) ?? 0) + 1);
    for (const a of adjustments) {
      const key = a.assignmentId !== null && count.get(base(a)) === 1 ? base(a) : withAmount(a);
      let id = key;
      for (let n = 2; taken.has(normalizeName(id)); n++) id = `${key}:${n}`;
      taken.add(normalizeName(id));
      a.id = id;
    }
  }

  private adjustmentCommittee(row: RawRow): string | null {
    const cell = row.fields.committee;
    if (!cell || !this.text(row, "committee")) {
      this.missing(row, "committee");
      return null;
    }
    const { codes } = this.committees(cell);
    if (codes.length > 1) {
      this.report("error", "adjustment-committee-ambiguous", row.fields.amount?.ref ?? cell.ref, {
        committees: codes.join(", "),
      });
      return null;
    }
    return codes[0] ?? null;
  }

  private amount(row: RawRow): { ore: number; sign: "+" | "-" | null } | null {
    const cell = row.fields.amount;
    const parsed = cell ? parseAmount(cell.value, row.amountUnit) : null;
    if (!cell || !parsed) {
      this.missing(row, "amount");
      return null;
    }
    if (!parsed.ok) {
      const rule = parsed.problem === "ambiguous" ? "amount-ambiguous" : "amount-unparseable";
      this.report("error", rule, cell.ref, { value: parsed.text, problem: parsed.problem });
      return null;
    }
    const sign = parsed.ore < 0 ? "-" : parsed.sign;
    return { ore: parsed.ore, sign };
  }

  /** The word decides, else the sign; a word and a written sign that disagree is a finding, not a guess. */
  private direction(row: RawRow, amount: { ore: number; sign: "+" | "-" | null }): Direction | null {
    const signDirection: Direction | null = amount.sign === "-" ? "decrease" : amount.sign === "+" ? "increase" : null;
    const cell = row.fields.direction;
    const text = cell ? cellText(cell.value) : "";
    const wordDirection = text ? (directionOfWord(text) ?? ENGLISH_DIRECTIONS[normalizeName(text)] ?? null) : null;
    if (cell && text && wordDirection === null && !isRamWord(text) && !/^adjustment$/i.test(text)) {
      this.report("error", "direction-invalid", cell.ref, { value: text });
      return null;
    }
    if (wordDirection && signDirection && wordDirection !== signDirection) {
      this.report("error", "amount-sign", row.fields.amount?.ref ?? row.ref, {
        word: text,
        value: cellText(row.fields.amount?.value ?? null),
      });
      return null;
    }
    return wordDirection ?? signDirection ?? "increase";
  }

  /** Varaktig or tillfällig by its word; tied to a year and not called varaktig, tillfällig; else unspecified. */
  private duration(row: RawRow, year: number | null): Duration | null {
    const cell = row.fields.duration;
    const text = cell ? cellText(cell.value) : "";
    if (cell && text) {
      const duration = durationOfWord(text) ?? yesNoDuration(text);
      if (duration) return duration;
      this.report("error", "duration-invalid", cell.ref, { value: text });
      return null;
    }
    const directionWord = row.fields.direction ? durationOfWord(cellText(row.fields.direction.value)) : null;
    if (directionWord) return directionWord;
    if (year !== null) return "tillfallig";
    this.report("warning", "duration-unspecified", row.fields.amount?.ref ?? row.ref);
    return null;
  }

  /** undefined when a link was given but is broken (the row is dropped); null when there is no link. */
  private linkedAssignment(
    row: RawRow,
    committee: string | null,
    lookup: Map<string, Assignment>,
    all: Assignment[],
  ): Assignment | null | undefined {
    const cell = row.fields.assignment;
    const text = this.text(row, "assignment");
    if (!cell || !text) return null;
    const found = lookup.get(normalizeName(text));
    if (found && normalizeName(found.id) !== normalizeName(text)) {
      // A title may stand for several uppdrag (the same one each year, or for each nämnd): the one that the
      // ramjustering's year and nämnd point at.
      const year = row.fields.year ? parseYear(row.fields.year.value) : null;
      const sameTitle = all.filter((a) => normalizeName(a.title) === normalizeName(found.title));
      return (
        sameTitle.find((a) => a.year === year && committee !== null && a.committees.includes(committee)) ??
        sameTitle.find((a) => a.year === year) ??
        found
      );
    }
    if (found) return found;
    const suggestion =
      nearest(
        text,
        all.map((a) => a.title),
      ) ?? "";
    this.report("error", "adjustment-unknown-assignment", cell.ref, { name: text, suggestion });
    return undefined;
  }

  // --- Nyckeltal -----------------------------------------------------------------------------------------------

  private readKeyFigures(rows: RawRow[], goals: Goal[]): KeyFigure[] {
    const lookup = this.goalLookup(goals);
    const keyFigures: KeyFigure[] = [];
    const ids = new Set<string>();
    for (const row of rows) {
      const name = this.required(row, "name");
      if (!name) continue;
      let koladaId: string | null = this.text(row, "kolada").toUpperCase() || null;
      if (koladaId && !KOLADA_ID.test(koladaId)) {
        this.report("error", "kolada-id", row.fields.kolada?.ref ?? row.ref, { value: this.text(row, "kolada") });
        koladaId = null;
      }
      const goalIds = row.fields.parent ? this.goalLinks(row.fields.parent, lookup) : [];
      const id = this.text(row, "id") || `nyckeltal:${koladaId ?? slug(name)}`;
      if (ids.has(normalizeName(id))) {
        this.report("error", "duplicate-id", row.fields.id?.ref ?? row.fields.name?.ref ?? row.ref, { id });
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
      this.sources.set(id, row.fields.name?.ref ?? row.ref);
    }
    return keyFigures;
  }

  // --- Years ---------------------------------------------------------------------------------------------------

  /** Budget year and plan years: the settings, else a "2025–2027" title, else the years the plan uses. */
  private planYears(assignments: Assignment[], adjustments: Adjustment[]): number[] {
    const { budgetYear, planYears, title } = this.raw.settings;
    const fromSettings = [budgetYear, planYears].flatMap((cell) => (cell ? yearsIn(cellText(cell.value)) : []));
    if (fromSettings.length) return unique(fromSettings);
    const fromTitle = title ? yearRange(cellText(title.value)) : null;
    if (fromTitle) return fromTitle;
    const used = [...assignments, ...adjustments].map((x) => x.year).filter((y): y is number => y !== null);
    return unique(used).sort((a, b) => a - b);
  }

  private checkYears(years: number[], ...rowGroups: RawRow[][]): void {
    if (years.length === 0) return;
    for (const row of rowGroups.flat()) {
      const cell = row.fields.year;
      const year = cell ? parseYear(cell.value) : null;
      if (cell && year !== null && !years.includes(year)) {
        this.report("error", "year-outside-plan", cell.ref, { year, years: years.join(", ") });
      }
    }
  }
}

function refKey(ref: CellRef): string {
  return `${ref.sheet}!${refName(ref)}`;
}

function parseYear(value: CellValue): number | null {
  const text = typeof value === "number" ? String(value) : cellText(value);
  return /^(19|20|21)\d\d$/.test(text) ? Number(text) : null;
}

/** "2025–2027" → [2025, 2026, 2027]; null when the text holds no plausible range. */
function yearRange(text: string): number[] | null {
  const range = /\b(20\d\d)\s*[-–—]\s*(20\d\d)\b/.exec(text);
  const [from, to] = range ? [Number(range[1]), Number(range[2])] : [0, -1];
  return to >= from && to - from < 10 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : null;
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
