import { fitCell } from "../../sheet/spec";
import { CarriedRow, carriedOrigin } from "./carried";
import { Answer, CARRIED_SECTION } from "./model";
import { Section } from "./sections";

/**
 * The section of uppdrag carried from earlier years: each answered like a plan uppdrag (status from the scale and a
 * comment), with the ID it had then, since when it is carried and, locked and greyed in G, what each earlier year's
 * end said of it.
 */
export function carriedSection(rows: CarriedRow[], answers: Map<string, Answer>, year: number): Section {
  return {
    id: "carried",
    title: CARRIED_SECTION,
    headers: ["Uppdrag", "ID i planen då", "", "Pågår sedan", "Status", "Tidigare år", "Kommentar / analys"],
    rows: rows.map((row) => {
      const origin = carriedOrigin(row.key);
      const years = year - row.since;
      return {
        key: row.key,
        cells: [
          row.title,
          origin ? `${origin.id} (${origin.year})` : null,
          null,
          `${row.since} (${years} år)`,
          null,
          row.history ? fitCell(row.history) : null,
          null,
        ],
        input: "assignmentScale",
        answer: answers.get(row.key),
        previous: row.history !== "",
      };
    }),
  };
}
