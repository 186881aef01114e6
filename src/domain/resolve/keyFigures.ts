import { Goal, KeyFigure } from "../model";
import { derivedId } from "../derivedIds";
import { RowList } from "../raw";
import { normalizeName, slug } from "../text";
import { ResolveState, RowReader } from "./context";
import { GoalReader } from "./goals";

const KOLADA_ID = /^[A-ZÅÄÖ]\d{5}$/;

/** The plan's nyckeltal: name, Kolada id, the goal each hangs on, målvärde and unit. */
export class KeyFigureReader extends RowReader {
  constructor(
    state: ResolveState,
    private readonly goals: GoalReader,
  ) {
    super(state);
  }

  read(rows: RowList, goals: Goal[]): KeyFigure[] {
    const lookup = this.goals.lookup(goals);
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
      const goalIds = this.goals.links(row, lookup);
      const id = this.text(row, "id") || derivedId("keyFigure", koladaId ?? slug(name));
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
}
