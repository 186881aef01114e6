/**
 * The package rewritten into the shape ExcelJS reads, which is narrower than OOXML: ExcelJS finds the workbook, its
 * sheets, shared strings, styles and document properties only under their usual names (`xl/worksheets/sheet1.xml`,
 * `xl/sharedStrings.xml` …), and makes an object of every cell of a merged range. Here the relationships are followed
 * from `_rels/.rels` (part names compared without case, as OPC says), each part ExcelJS needs is renamed to the name
 * it expects with the relationships rewritten to match, elements in a sheet's cell data that ExcelJS cannot read
 * are taken out, and each merged range is clipped to the cells its sheet uses. The result is a zip of stored parts
 * (ExcelJS then inflates nothing). Only copies are loaded into ExcelJS (loadWorkbook.ts); the reader (readBytes.ts)
 * shares the first step, locateParts, and the depth check. Node-free.
 */
import { LIMITS, type Parts, isXml, overLimit } from "./packageParts";
import { folder, lastSegment, relsName } from "./partNames";
import { attribute, clipMerges, withoutStrayElements } from "./sheetXml";
import { escapeXml, nestedDeeperThan, unescapeXml } from "./xmlBytes";
import { storedZip } from "./zip";

export interface Relationship {
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
 * ranges, clipped, still cover too many cells, or a part other than a worksheet nests too deep.
 */
export function normalizedPackage(parts: Parts, file: string): Uint8Array | null {
  const located = locateParts(parts);
  if (!located) return null;
  const { find, renames, rootRels, workbook, workbookRelsName, workbookRels, sheets } = located;
  const rewritten = new Map<string, string | Uint8Array>(); // rewritten parts, by their new name
  const replaced = new Set<string>(); // relationships parts rewritten into `texts`, by their old name
  const rewrite = (relsPart: string | undefined, rels: Relationship[], from: string, to: string, as: string) => {
    if (!relsPart) return;
    replaced.add(relsPart);
    rewritten.set(as, retarget(text(parts, relsPart), rels, { from, to }, find, renames));
  };
  rewrite(find("_rels/.rels"), rootRels, "", "", "_rels/.rels");
  rewrite(workbookRelsName, workbookRels, folder(workbook), "xl/", "xl/_rels/workbook.xml.rels");
  const names = sheetNamesById(text(parts, workbook));
  let mergedCells = 0;
  for (const { part, id } of sheets) {
    const sheetRels = find(relsName(part));
    const canonical = renames.get(part)!;
    rewrite(sheetRels, relationships(parts, sheetRels), folder(part), folder(canonical), relsName(canonical));
    const original = parts.get(part)!;
    const readable = withoutStrayElements(original);
    const clipped = clipMerges(readable);
    if (clipped) {
      mergedCells += clipped.cells;
      if (mergedCells > LIMITS.mergedCells) throw overLimit(file, "mergedCells", names.get(id) ?? part);
    }
    if (clipped || readable !== original) rewritten.set(canonical, clipped?.xml ?? readable);
  }
  refuseDeepNesting(parts, sheets, file);

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
  for (const [name, data] of rewritten) out.set(name, typeof data === "string" ? encoder.encode(data) : data);
  return storedZip([...out].map(([name, data]) => ({ name, data })));
}

/** Where the package's parts are, found through its relationships (normalizedPackage's first step). */
export interface LocatedParts {
  /** The actual name of a part, looked up without case. */
  find: (path: string) => string | undefined;
  /** Actual part name → the name ExcelJS expects, for every part ExcelJS reads. */
  renames: Map<string, string>;
  rootRels: Relationship[];
  workbook: string;
  workbookRelsName: string | undefined;
  workbookRels: Relationship[];
  /** The worksheets (actual part names) with their relationship ids, in the relationships' order. */
  sheets: { part: string; id: string }[];
}

/** The package's parts found through its relationships; null when it has no workbook part. */
export function locateParts(parts: Parts): LocatedParts | null {
  const byLowerName = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
  const find = (path: string) => byLowerName.get(path.toLowerCase());
  const renames = new Map<string, string>(); // actual part name → the name ExcelJS expects

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
  return { find, renames, rootRels, workbook, workbookRelsName, workbookRels, sheets };
}

/**
 * Worksheets are read tag by tag, whatever their depth; any other XML part nested absurdly deep is refused
 * (overLimit "depth").
 */
export function refuseDeepNesting(parts: Parts, sheets: { part: string }[], file: string): void {
  const sheetParts = new Set(sheets.map((sheet) => sheet.part));
  for (const [name, data] of parts) {
    if (isXml(name) && !sheetParts.has(name) && nestedDeeperThan(data, LIMITS.depth)) {
      throw overLimit(file, "depth", name);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Relationships

/** The parts `part`'s internal relationships name, with each relationship's type (its last path segment). */
export function relatedParts(parts: Parts, find: LocatedParts["find"], part: string): { type: string; part: string }[] {
  return relationships(parts, find(relsName(part))).flatMap((rel) => {
    const target = rel.external ? undefined : find(resolve(folder(part), rel.target));
    return target === undefined ? [] : [{ type: lastSegment(rel.type), part: target }];
  });
}

function text(parts: Parts, name: string | undefined): string {
  const data = name === undefined ? undefined : parts.get(name);
  return data ? new TextDecoder().decode(data) : "";
}

const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

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
