/**
 * Charts added to a workbook ExcelJS has just written (ExcelJS writes no charts): per sheet with charts, a drawing
 * part with one anchor per chart, a chart part per chart, the relationships from sheet to drawing to charts, the
 * content types, and the sheet's `<drawing r:id>` element. Only for packages ExcelJS wrote, whose parts are where
 * ExcelJS puts them; a sheet that already has a drawing (a picture) is not one Måltavlan writes and is refused.
 * Node-free (JSZip), so the task pane's file worker can write the same files as the CLI.
 */
import JSZip from "jszip";
import type { ChartSpec } from "../../../sheet/charts";
import { lastSegment, relsName } from "../partNames";
import { unescapeXml } from "../xmlBytes";
import { RELATIONSHIPS_NS, chartXml } from "./chartXml";
import { CONTENT_TYPE, RELATIONSHIP_TYPE, drawingXml, freeRelationshipId, withRelationships } from "./drawingXml";

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
}

/** The package with the charts added; the bytes unchanged when there are none. */
export async function withCharts(xlsx: Uint8Array, sheets: SheetCharts[]): Promise<Uint8Array> {
  const wanted = sheets.filter((s) => s.charts.length > 0);
  if (wanted.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? null;
  // No entries for folders: ExcelJS writes none either.
  const write = (name: string, xml: string) => zip.file(name, xml, { createFolders: false });
  const parts = sheetParts((await read("xl/workbook.xml")) ?? "", (await read("xl/_rels/workbook.xml.rels")) ?? "");
  let contentTypes = (await read("[Content_Types].xml")) ?? "";
  let drawingNumber = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNumber = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);

  for (const { sheet, charts } of wanted) {
    const sheetPart = parts.get(sheet);
    if (!sheetPart) throw new Error(`No sheet "${sheet}" to put charts on`);
    const sheetXml = (await read(sheetPart))!;
    if (/<(?:\w+:)?drawing\b/.test(sheetXml)) throw new Error(`The sheet "${sheet}" already has a drawing`);

    const drawing = `xl/drawings/drawing${drawingNumber++}.xml`;
    const placed = charts.map((chart, i) => {
      const part = `xl/charts/chart${chartNumber++}.xml`;
      write(part, chartXml(chart));
      contentTypes = withOverride(contentTypes, part, CONTENT_TYPE.chart);
      return { anchor: chart.anchor, name: chart.title, relationshipId: `rId${i + 1}`, part };
    });
    write(drawing, drawingXml(placed));
    write(
      relsName(drawing),
      withRelationships(
        null,
        placed.map(({ relationshipId, part }) => ({
          id: relationshipId,
          type: RELATIONSHIP_TYPE.chart,
          target: `../charts/${lastSegment(part)}`,
        })),
      ),
    );
    contentTypes = withOverride(contentTypes, drawing, CONTENT_TYPE.drawing);

    const sheetRels = await read(relsName(sheetPart));
    const id = freeRelationshipId(sheetRels);
    write(
      relsName(sheetPart),
      withRelationships(sheetRels, [
        { id, type: RELATIONSHIP_TYPE.drawing, target: `../drawings/${lastSegment(drawing)}` },
      ]),
    );
    write(sheetPart, withDrawingElement(sheetXml, id));
  }
  write("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Worksheet part names by sheet name, through the workbook's relationships. */
function sheetParts(workbookXml: string, workbookRels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [element] of workbookRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(element, "Id");
    const target = attribute(element, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const [element] of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(element, "name");
    const id = /\sr:id="([^"]*)"/.exec(element)?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== null && part) parts.set(name, part);
  }
  return parts;
}

function attribute(element: string, name: string): string | null {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value === undefined ? null : unescapeXml(value);
}

/** One past the highest number among the entries named by `pattern`, so that no part is overwritten. */
function nextNumber(zip: JSZip, pattern: RegExp): number {
  const numbers = Object.keys(zip.files).map((name) => Number(pattern.exec(name)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

function withOverride(contentTypes: string, part: string, type: string): string {
  const override = `<Override PartName="/${part}" ContentType="${type}"/>`;
  return contentTypes.replace("</Types>", `${override}</Types>`);
}

/**
 * The sheet with `<drawing r:id>` where CT_Worksheet's sequence puts it: after the page setup, header/footer and
 * breaks, before any legacy drawing, picture, table parts or extension list.
 */
function withDrawingElement(sheetXml: string, id: string): string {
  const element = `<drawing r:id="${id}"/>`;
  const after = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/;
  const at = after.exec(sheetXml)?.index ?? sheetXml.lastIndexOf("</worksheet>");
  const xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // The r: prefix must be declared on the root; ExcelJS declares it, but say so rather than assume.
  return /<worksheet\b[^>]*\sxmlns:r="/.test(xml)
    ? xml
    : xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${RELATIONSHIPS_NS}"`);
}
