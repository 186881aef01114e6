/** Names of parts in an .xlsx package (Open Packaging Conventions): "xl/worksheets/sheet1.xml" and its neighbours. */

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels": where a part's relationships are. */
export function relsName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/". */
export function folder(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A part name's or URI's last segment: "xl/charts/chart1.xml" → "chart1.xml", a relationship type → its kind. */
export function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf("/") + 1);
}
