import { SheetSpec } from "../../sheet/spec";
import { Consolidation } from "./consolidate";
import { reportSheet } from "./reportSheet";

/**
 * The report's sheet of uppdrag that go on from earlier years: per nämnd, each uppdrag carried (or listed by this
 * year's plan again), since when and for how many years, and what the nämnd said of it now.
 */

export const CARRIED_SHEET = "Pågående uppdrag";

/** The sheet, or none when no uppdrag goes on from an earlier year. */
export function carriedSheet(consolidation: Consolidation, what: string): SheetSpec[] {
  const rows = consolidation.committees.flatMap((c) =>
    c.carried.map((r) => {
      const years = consolidation.year - r.since;
      return [
        { value: c.committee.code },
        { value: r.title, wrap: true },
        { value: r.planId ?? "Förs vidare", wrap: true },
        { value: r.since },
        { value: `${years} år` },
        { value: r.input, wrap: true },
        { value: r.comment, wrap: true },
      ];
    }),
  );
  if (!rows.length) return [];
  return [
    reportSheet(
      CARRIED_SHEET,
      `Pågående uppdrag från tidigare år, ${what}`,
      ["Nämnd", "Uppdrag", "I årets plan", "Pågår sedan", "Förts vidare", "Status", "Kommentar"],
      rows,
      [10, 46, 12, 10, 10, 14, 40],
      { filterRows: rows.length },
    ),
  ];
}
