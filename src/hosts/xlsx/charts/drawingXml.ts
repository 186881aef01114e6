/**
 * The drawing part that places a sheet's charts (ECMA-376 part 1, §20.5: `xdr:wsDr`), each in a two-cell anchor
 * holding a graphic frame that points at its chart part by relationship, and the relationships parts around it.
 */
import type { ChartAnchor } from "../../../sheet/charts";
import { escapeXml } from "../xmlBytes";
import { CHART_NS, DRAWING_MAIN_NS, RELATIONSHIPS_NS } from "./chartXml";

const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const RELATIONSHIP_TYPE = {
  drawing: `${RELATIONSHIPS_NS}/drawing`,
  chart: `${RELATIONSHIPS_NS}/chart`,
} as const;
export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** One chart of a drawing: where it stands, its name (shown in Excel's selection pane) and its relationship. */
export interface PlacedChart {
  anchor: ChartAnchor;
  name: string;
  relationshipId: string;
}

export function drawingXml(charts: PlacedChart[]): string {
  const anchors = charts.map(({ anchor, name, relationshipId }, i) => {
    const corner = (tag: "from" | "to", { row, col }: { row: number; col: number }) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      // Moves with its cells but keeps its size when rows or columns around it are resized.
      `<xdr:twoCellAnchor editAs="oneCell">${corner("from", anchor.from)}${corner("to", anchor.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(name)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${CHART_NS}">` +
      `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${relationshipId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_MAIN_NS}">${anchors.join("")}</xdr:wsDr>`
  );
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationshipElement({ id, type, target }: Relationship): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

/** Relationships added to an existing relationships part (null: a new one), after those it has. */
export function withRelationships(existing: string | null, added: Relationship[]): string {
  const elements = added.map(relationshipElement).join("");
  if (existing === null) {
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${elements}</Relationships>`
    );
  }
  const close = existing.lastIndexOf("</Relationships>");
  if (close >= 0) return existing.slice(0, close) + elements + existing.slice(close);
  // `<Relationships .../>`: an empty part written as one element.
  return existing.replace(/<Relationships\b([^>]*?)\s*\/>/, `<Relationships$1>${elements}</Relationships>`);
}

/** An id not yet among the relationships of a part: "rId" and the next free number. */
export function freeRelationshipId(existing: string | null): string {
  const used = new Set([...(existing ?? "").matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}
