/**
 * The package rewritten into the shape ExcelJS reads, which is narrower than OOXML: ExcelJS finds the workbook, its
 * sheets, shared strings, styles and document properties only under their usual names (`xl/worksheets/sheet1.xml`,
 * `xl/sharedStrings.xml` …), and makes an object of every cell of a merged range. Here the relationships are followed
 * from `_rels/.rels` (part names compared without case, as OPC says), each part ExcelJS needs is renamed to the name
 * it expects with the relationships rewritten to match, and each merged range is clipped to the cells its sheet
 * uses. The result is a zip of stored parts (ExcelJS then inflates nothing). Node-free, like readBytes.ts.
 */
import { LIMITS, type Parts, overLimit } from "./packageParts";
import { storedZip } from "./zip";

interface Relationship {
  /** The whole element, to rewrite its target in place. */
  element: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Relationship types (their last path segment) → where ExcelJS looks for the part, by workbook relationship. */
const WORKBOOK_PARTS: Record<string, (index: number) => string> = {
  worksheet: (index) => `xl/worksheets/sheet${index}.xml`,
  sharedStrings: () => "xl/sharedStrings.xml",
  styles: () => "xl/styles.xml",
  theme: (index) => `xl/theme/theme${index}.xml`,
};
const PACKAGE_PARTS: Record<string, string> = {
  officeDocument: "xl/workbook.xml",
  "core-properties": "docProps/core.xml",
  "extended-properties": "docProps/app.xml",
};
const WORKBOOK = "xl/workbook.xml";

/**
 * The package as ExcelJS should load it, or null when it has no workbook part. Throws overLimit when the merged
 * ranges, clipped, still cover too many cells.
 */
export function normalizedPackage(parts: Parts, file: string): Uint8Array | null {
  const byLowerName = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
  const find = (path: string) => byLowerName.get(path.toLowerCase());
  const renames = new Map<string, string>(); // actual part name → the name ExcelJS expects
  const texts = new Map<string, string>(); // rewritten parts, by their new name

  const rootRels = relationships(parts, find("_rels/.rels"));
  let workbook = find(WORKBOOK);
  for (const rel of rootRels) {
    const canonical = PACKAGE_PARTS[lastSegment(rel.type)];
    const part = rel.external ? undefined : find(resolve("", rel.target));
    if (!canonical || !part) continue;
    if (canonical === WORKBOOK) workbook = part;
    renames.set(part, canonical);
  }
  if (!workbook || /\.bin$/i.test(workbook)) return null;
  renames.set(workbook, WORKBOOK);

  const workbookRelsName = find(relsName(workbook));
  const workbookRels = relationships(parts, workbookRelsName);
  const counts = new Map<string, number>();
  const sheets: { part: string; id: string }[] = [];
  for (const rel of workbookRels) {
    const kind = lastSegment(rel.type);
    const part = rel.external ? undefined : find(resolve(folder(workbook), rel.target));
    if (!WORKBOOK_PARTS[kind] || !part || renames.has(part)) continue;
    const index = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, index);
    renames.set(part, WORKBOOK_PARTS[kind](index));
    if (kind === "worksheet") sheets.push({ part, id: rel.id });
  }
  const replaced = new Set<string>(); // relationships parts rewritten into `texts`, by their old name
  const rewrite = (relsPart: string | undefined, rels: Relationship[], from: string, to: string, as: string) => {
    if (!relsPart) return;
    replaced.add(relsPart);
    texts.set(as, retarget(text(parts, relsPart), rels, { from, to }, find, renames));
  };
  rewrite(find("_rels/.rels"), rootRels, "", "", "_rels/.rels");
  rewrite(workbookRelsName, workbookRels, folder(workbook), "xl/", "xl/_rels/workbook.xml.rels");
  const names = sheetNamesById(text(parts, workbook));
  let mergedCells = 0;
  for (const { part, id } of sheets) {
    const sheetRels = find(relsName(part));
    const canonical = renames.get(part)!;
    rewrite(sheetRels, relationships(parts, sheetRels), folder(part), folder(canonical), relsName(canonical));
    const clipped = clipMerges(parts.get(part)!);
    if (clipped) {
      mergedCells += clipped.cells;
      if (mergedCells > LIMITS.mergedCells) throw overLimit(file, "mergedCells", names.get(id) ?? part);
      texts.set(canonical, clipped.xml);
    }
  }

  // Parts ExcelJS reads go under their new names; a part already there that the relationships do not name (and
  // ExcelJS would take for one of them) gives way. Everything else keeps its name.
  const out = new Map<string, Uint8Array>();
  const taken = new Set(renames.values());
  for (const [name, data] of parts) {
    if (renames.has(name) || taken.has(name) || replaced.has(name)) continue;
    out.set(name, data);
  }
  for (const [name, canonical] of renames) out.set(canonical, parts.get(name)!);
  const encoder = new TextEncoder();
  for (const [name, xml] of texts) out.set(name, encoder.encode(xml));
  return storedZip([...out].map(([name, data]) => ({ name, data })));
}

// ---------------------------------------------------------------------------------------------------------------
// Relationships

function text(parts: Parts, name: string | undefined): string {
  const data = name === undefined ? undefined : parts.get(name);
  return data ? new TextDecoder().decode(data) : "";
}

const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

function attribute(element: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(element);
  return match ? unescapeXml(match[1] ?? match[2]) : null;
}

function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()];
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function relationships(parts: Parts, name: string | undefined): Relationship[] {
  return [...text(parts, name).matchAll(RELATIONSHIP)].map(([element]) => ({
    element,
    id: attribute(element, "Id") ?? "",
    type: attribute(element, "Type") ?? "",
    target: attribute(element, "Target") ?? "",
    external: (attribute(element, "TargetMode") ?? "").toLowerCase() === "external",
  }));
}

/**
 * A relationships part with its internal targets pointing where the parts now are. The part it belongs to moves from
 * the folder `from` to `to`; a target that still names the right part is left as written, except that a part ExcelJS
 * reads is always named the one way ExcelJS expects (relative, no `..`).
 */
function retarget(
  xml: string,
  rels: Relationship[],
  move: { from: string; to: string },
  find: (path: string) => string | undefined,
  renames: Map<string, string>,
): string {
  let out = xml;
  for (const rel of rels) {
    if (rel.external) continue;
    const resolved = resolve(move.from, rel.target);
    const part = find(resolved);
    const renamed = part === undefined ? undefined : renames.get(part);
    const path = renamed ?? part ?? resolved;
    const target = path.startsWith(move.to) ? path.slice(move.to.length) : `/${path}`;
    // ExcelJS looks a renamed part up by its target as written, so that must be exact.
    if (renamed ? rel.target === target : resolve(move.to, rel.target) === path) continue;
    const element = rel.element.replace(/(\sTarget\s*=\s*)(["'])[^"']*\2/, `$1"${escapeXml(target)}"`);
    out = out.replace(rel.element, element);
  }
  return out;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function relsName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function folder(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf("/") + 1);
}

/** A relationship's target (a URI: percent-encoded, `/` from the package root, `..`) as a part name. */
function resolve(from: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all
  }
  const segments = path.startsWith("/") ? [] : from.split("/").filter(Boolean);
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** Sheet names by their relationship id (`r:id`, whatever the prefix). */
function sheetNamesById(workbookXml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [element] of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b(?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
    const id = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(element);
    if (id) names.set(unescapeXml(id[1] ?? id[2]), attribute(element, "name") ?? "");
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// Merged ranges

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b(?:[^>"']|"[^"]*"|'[^']*')*?\/>/g;

/**
 * The sheet with each merged range clipped to the rows and columns that hold cells, and the cells they still cover;
 * null when the sheet has no merged range. A range is the value of its top-left cell spread over the rows it covers,
 * and rows past the last one are not there to receive it. A range that shrinks to one cell is dropped.
 */
function clipMerges(data: Uint8Array): { xml: string; cells: number } | null {
  if (!includes(data, "mergeCell")) return null;
  const xml = new TextDecoder().decode(data);
  const used = usedExtent(xml);
  let cells = 0;
  const clipped = xml.replace(MERGE_CELL, (element) => {
    const range = parseRange(attribute(element, "ref") ?? "");
    if (!range) return element;
    const bottom = Math.min(range.bottom, Math.max(range.top, used.rows));
    const right = Math.min(range.right, Math.max(range.left, used.cols));
    if (bottom === range.top && right === range.left) return "";
    cells += (bottom - range.top + 1) * (right - range.left + 1);
    const ref = `${columnName(range.left)}${range.top}:${columnName(right)}${bottom}`;
    return element.replace(/(\sref\s*=\s*)(["'])[^"']*\2/, `$1"${ref}"`);
  });
  return { xml: clipped, cells };
}

function includes(data: Uint8Array, ascii: string): boolean {
  const first = ascii.charCodeAt(0);
  for (let i = data.indexOf(first); i >= 0; i = data.indexOf(first, i + 1)) {
    let j = 1;
    while (j < ascii.length && data[i + j] === ascii.charCodeAt(j)) j++;
    if (j === ascii.length) return true;
  }
  return false;
}

const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/**
 * The last row and column (1-based) with a cell that has content (not self-closing), as ExcelJS places them: by
 * their `r` attribute, or else after the row or cell before.
 */
function usedExtent(xml: string): { rows: number; cols: number } {
  const start = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const end = xml.search(/<\/(?:[\w.-]+:)?sheetData>/);
  let row = 0;
  let col = 0;
  let rows = 0;
  let cols = 0;
  for (const match of xml.slice(Math.max(start, 0), end < 0 ? xml.length : end).matchAll(ROW_OR_CELL)) {
    const [, tag, attributes, selfClosing] = match;
    const ref = attribute(attributes, "r");
    if (tag === "row") {
      row = ref && /^\d+$/.test(ref) ? Number(ref) : row + 1;
      col = 0;
      continue;
    }
    const cell = ref ? /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref) : null;
    col = cell ? columnNumber(cell[1]) : col + 1;
    if (cell) row = Number(cell[2]);
    if (selfClosing) continue;
    rows = Math.max(rows, row);
    cols = Math.max(cols, col);
  }
  return { rows, cols };
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!match) return null;
  const [a, b] = [columnNumber(match[1]), columnNumber(match[3] ?? match[1])];
  const [r1, r2] = [Number(match[2]), Number(match[4] ?? match[2])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

function columnName(n: number): string {
  let name = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}
