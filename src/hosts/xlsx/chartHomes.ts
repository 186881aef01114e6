/**
 * Which worksheets a workbook's charts stand on: each worksheet's drawings followed to their charts, and every part
 * under xl/charts/ accounted for as such a chart or a part of one (Excel's chart styles and colours). A chart sheet,
 * or a chart part no worksheet shows, makes the answer null: the charts are then not only on worksheets. Node-free.
 */
import { type LocatedParts, relatedParts } from "./normalize";
import type { Parts } from "./packageParts";

/** The names of the worksheets holding every chart in the package, in workbook order; null as above. */
export function chartHomes(parts: Parts, located: LocatedParts, sheetNames: Map<string, string>): string[] | null {
  const names = [...parts.keys()];
  if (names.some((name) => name.toLowerCase().startsWith("xl/chartsheets/"))) return null;
  const accounted = new Set<string>();
  const homes: string[] = [];
  for (const { part, id } of located.sheets) {
    const charts = relatedParts(parts, located.find, part)
      .filter((rel) => rel.type === "drawing")
      .flatMap((drawing) => relatedParts(parts, located.find, drawing.part).filter((rel) => rel.type === "chart"));
    for (const chart of charts) {
      accounted.add(chart.part);
      for (const related of relatedParts(parts, located.find, chart.part)) accounted.add(related.part);
    }
    const name = sheetNames.get(id);
    if (charts.length > 0 && name !== undefined) homes.push(name);
  }
  const chartParts = names.filter((name) => /^xl\/charts\/(?!_rels\/)/i.test(name));
  return chartParts.every((name) => accounted.has(name)) ? homes : null;
}
