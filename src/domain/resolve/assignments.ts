import { refName } from "../../sheet/grid";
import { Assignment, Goal, Origin } from "../model";
import { derivedId } from "../derivedIds";
import { NameIndex } from "../nameIndex";
import { RawRow, RowList, fieldRef } from "../raw";
import { normalizeName, slug } from "../text";
import { CommitteeReader } from "./committees";
import { ResolveState, RowReader } from "./context";
import { GoalReader } from "./goals";

/** The uppdrag read, and their indexes by normalised id and title, for the ramjusteringar that link to them. */
export interface AssignmentsRead {
  all: Assignment[];
  byId: NameIndex<Assignment>;
  /** The index in `all` of the uppdrag with that title, or the indexes of the few that share it. */
  byTitle: NameIndex<number | number[]>;
}

/**
 * The plan's uppdrag: their nämnder, goals, year and origin; one uppdrag listed under several goals is one, linked to
 * each, and a true duplicate is a finding.
 */
export class AssignmentReader extends RowReader {
  /** Origin cells already read, by their text. */
  private readonly origins = new Map<string, Origin | null>();

  constructor(
    state: ResolveState,
    private readonly committees: CommitteeReader,
    private readonly goals: GoalReader,
  ) {
    super(state);
  }

  read(rows: RowList, goals: Goal[]): AssignmentsRead {
    const lookup = this.goals.lookup(goals);
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
      const { codes: committees, unknown, everyCommittee } = this.committees.cell(row);
      if (committees.length === 0 && unknown.length === 0 && !everyCommittee) {
        // At the nämnd column's cell; a layout without one (the pasted page) points at the uppdrag.
        const at = fieldRef(row, "committee") ? "committee" : "name";
        this.missing(row, at, "assignment-no-committee");
      }
      const year = this.year(row);
      const goalIds = this.goals.links(row, lookup);
      const explicitId = this.text(row, "id");
      const id = explicitId || derivedId("assignment", slug(title), committeeKey(committees), year ?? "");
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
    if (!written) return row.originHint ?? "council";
    let origin = this.origins.get(written);
    if (origin === undefined) {
      origin = originOfWord(written);
      this.origins.set(written, origin);
    }
    if (origin) return origin;
    this.report("error", "origin-invalid", this.at(row, "origin"), { value: written });
    return row.originHint ?? "council";
  }
}

/** "Fullmäktige", "KF", "Nämnd", "Eget" …: where an uppdrag comes from; null for a word that names neither. */
function originOfWord(written: string): Origin | null {
  const text = normalizeName(written);
  if (/^(kf|kommunfullmäktige|fullmäktige|council)/.test(text)) return "council";
  if (/^(nämnd|egen|eget|committee|styrelse)/.test(text)) return "committee";
  return null;
}

/** An index map's entry as a list. */
export function indexes(entry: number | number[] | undefined): number[] {
  return entry === undefined ? [] : typeof entry === "number" ? [entry] : entry;
}

/** Nämnder sorted and joined: with the title and year, what makes two rows one uppdrag. */
function committeeKey(codes: readonly string[]): string {
  return codes.length > 1 ? [...codes].sort().join("+") : (codes[0] ?? "");
}
