import { KoladaCollector } from "./collector";
import { KOLADA_GENDERS, KoladaGender, KoladaProblemKind } from "./model";

/**
 * Kolada's JSON answer to /v2 or /v3 data/kpi/<ids>/municipality/<id>/year/<years>, read by a scanner over the text:
 * `{"count", "values": [{"kpi", "municipality", "period", "values": [{"gender", "count", "status", "value"}]}],
 * "next_page" | "next_url"?}`. Every kommun's entry is scanned, but only the wanted kommun's values are made into
 * objects: JSON.parse of a 50 MB file of every kommun would build millions of objects to throw away.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Thrown inside the scanner only, where the text stops being JSON; caught by readKoladaJson. */
class Broken {
  constructor(readonly at: number) {}
}

class Scanner {
  pos = 0;
  constructor(readonly s: string) {}

  ws(): number {
    const s = this.s;
    let c = s.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = s.charCodeAt(++this.pos);
    return c;
  }

  expect(code: number): void {
    if (this.ws() !== code) throw new Broken(this.pos);
    this.pos++;
  }

  /** After a member or element: true at a comma (more follow), false at `close`. */
  more(close: number): boolean {
    const c = this.ws();
    this.pos++;
    if (c === COMMA) return true;
    if (c === close) return false;
    throw new Broken(this.pos - 1);
  }

  /** Whether the container opened by `open` is empty (and then steps past its close). */
  empty(close: number): boolean {
    if (this.ws() !== close) return false;
    this.pos++;
    return true;
  }

  string(): string {
    if (this.ws() !== QUOTE) throw new Broken(this.pos);
    const start = ++this.pos;
    const s = this.s;
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        this.pos = i + 1;
        return s.slice(start, i);
      }
      if (c === BACKSLASH) return this.escaped(start);
    }
    throw new Broken(s.length);
  }

  /** A string with escapes: rare in Kolada's answers, so JSON.parse decodes it. */
  private escaped(start: number): string {
    const end = this.skipString(start);
    this.pos = end;
    try {
      return JSON.parse(this.s.slice(start - 1, end)) as string;
    } catch {
      throw new Broken(start);
    }
  }

  /** From just inside a string to just past its closing quote. */
  private skipString(from: number): number {
    const s = this.s;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return i + 1;
    }
    throw new Broken(s.length);
  }

  /** A scalar: a number, a string, true, false or null, as JavaScript has it. */
  scalar(): string | number | boolean | null {
    const c = this.ws();
    if (c === QUOTE) return this.string();
    const start = this.pos;
    const s = this.s;
    let i = start;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 0x20) break;
    }
    const token = s.slice(start, i);
    this.pos = i;
    if (token === "null") return null;
    if (token === "true") return true;
    if (token === "false") return false;
    if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(token)) throw new Broken(start);
    return Number(token);
  }

  /** Steps over any value; `objects` counts the objects directly inside an array (a skipped kommun's values). */
  skip(): number {
    const c = this.ws();
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      this.scalar();
      return 0;
    }
    const s = this.s;
    let depth = 0;
    let objects = 0;
    for (let i = this.pos; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d === QUOTE) i = this.skipString(i + 1) - 1;
      else if (d === OPEN_BRACE || d === OPEN_BRACKET) {
        if (d === OPEN_BRACE && depth === 1 && c === OPEN_BRACKET) objects++;
        depth++;
      } else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        if (--depth === 0) {
          this.pos = i + 1;
          return objects;
        }
      }
    }
    throw new Broken(s.length);
  }

  /** The members of an object, each handed to `member` with the scanner at its value. */
  members(member: (key: string) => void): void {
    this.expect(OPEN_BRACE);
    if (this.empty(CLOSE_BRACE)) return;
    do {
      const key = this.string();
      this.expect(COLON);
      member(key);
    } while (this.more(CLOSE_BRACE));
  }

  elements(element: () => void): void {
    this.expect(OPEN_BRACKET);
    if (this.empty(CLOSE_BRACKET)) return;
    do element();
    while (this.more(CLOSE_BRACKET));
  }
}

/**
 * The line (1-based) of a position in the text: counted only for a problem, never per value, and on from the last
 * one asked for, so that many problems cost one pass.
 */
export class Lines {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  at(pos: number): number {
    if (pos < this.pos) [this.pos, this.line] = [0, 1];
    for (let i = this.text.indexOf("\n", this.pos); i !== -1 && i < pos; i = this.text.indexOf("\n", i + 1)) {
      this.line++;
      this.pos = i + 1;
    }
    return this.line;
  }
}

interface GenderValue {
  gender: unknown;
  value: unknown;
}

/** One file's JSON into the collector. Never throws: where the text stops being JSON is a problem at its line. */
export function readKoladaJson(text: string, file: string, into: KoladaCollector): void {
  const scan = new Scanner(text);
  const lines = new Lines(text);
  into.format("json");
  let entries = 0;
  let total: number | null = null;
  let next: string | null = null;
  let hasValues = false;
  const entry = () => {
    const at = scan.ws();
    const start = scan.pos;
    entries++;
    if (at !== OPEN_BRACE) {
      scan.skip();
      into.problem(file, lines.at(start), "entry-invalid", text.slice(start, scan.pos));
      return;
    }
    readEntry(scan, into, () => ({ file, line: lines.at(start), start }));
  };
  try {
    // The entries alone, as a user may save them from a tool that shows Kolada's "values".
    if (scan.ws() === OPEN_BRACKET) {
      hasValues = true;
      scan.elements(entry);
    } else
      scan.members((key) => {
        if (key === "values") {
          hasValues = true;
          scan.elements(entry);
        } else if (key === "count" || key === "total_count") {
          const count = scan.scalar();
          if (typeof count === "number") total = Math.max(total ?? 0, count);
        } else if (key === "next_page" || key === "next_url" || key === "next") {
          const link = scan.scalar();
          if (typeof link === "string" && link.trim()) next = link;
        } else scan.skip();
      });
    scan.ws();
    if (scan.pos < text.length) throw new Broken(scan.pos);
  } catch (e) {
    if (!(e instanceof Broken)) throw e;
    into.problem(file, lines.at(e.at), "json-broken", text.slice(e.at, e.at + 40));
    return;
  }
  if (!hasValues) into.problem(file, 1, "empty", text.slice(0, 40));
  else if (next !== null || (total !== null && total > entries)) into.page({ file, entries, total, next });
}

interface Entry {
  kpi: unknown;
  municipality: unknown;
  period: unknown;
  values: GenderValue[];
  /** The values of another kommun, counted and stepped over; -1 when read. */
  skipped: number;
}

/** Where an entry stands, worked out only when something in it is wrong. */
type Place = () => { file: string; line: number; start: number };

/** One entry: a nyckeltal's values for one kommun and year, per gender. */
function readEntry(scan: Scanner, into: KoladaCollector, place: Place): void {
  const e: Entry = { kpi: null, municipality: null, period: null, values: [], skipped: -1 };
  scan.members((key) => {
    if (key === "kpi") e.kpi = scan.scalar();
    else if (key === "municipality") e.municipality = scan.scalar();
    else if (key === "period") e.period = scan.scalar();
    else if (key === "values") {
      // Kolada writes the kommun before its values: another kommun's are only counted.
      if (typeof e.municipality === "string" && !into.keeps(e.municipality)) e.skipped = scan.skip();
      else e.values = genderValues(scan);
    } else scan.skip();
  });
  const problem = (kind: KoladaProblemKind, text: string) => {
    const { file, line } = place();
    into.problem(file, line, kind, text);
  };
  const { kpi, municipality, period } = e;
  if (typeof kpi !== "string" || !kpi || typeof municipality !== "string" || !municipality) {
    const { start } = place();
    return problem("entry-invalid", scan.s.slice(start, Math.min(scan.pos, start + 80)).replace(/\s+/g, " "));
  }
  if (e.skipped >= 0) return into.skip(e.skipped);
  if (!into.keeps(municipality)) return into.skip(e.values.length);
  const year = typeof period === "number" ? period : typeof period === "string" ? Number(period) : NaN;
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    return problem("year-invalid", `${kpi}: ${String(period)}`);
  for (const { gender, value } of e.values) {
    if (!KOLADA_GENDERS.includes(gender as KoladaGender))
      problem("gender-invalid", `${kpi} ${year}: ${String(gender)}`);
    else if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
      problem("value-invalid", `${kpi} ${year} ${String(gender)}: ${String(value)}`);
    } else into.add(kpi.toUpperCase(), year, gender as KoladaGender, value);
  }
}

function genderValues(scan: Scanner): GenderValue[] {
  const list: GenderValue[] = [];
  scan.elements(() => {
    const item: GenderValue = { gender: undefined, value: undefined };
    if (scan.ws() !== OPEN_BRACE) {
      scan.skip();
      list.push(item);
      return;
    }
    scan.members((key) => {
      if (key === "gender") item.gender = scan.scalar();
      else if (key === "value") item.value = scan.scalar();
      else scan.skip();
    });
    // A value left out is a value Kolada does not have.
    if (item.value === undefined) item.value = null;
    list.push(item);
  });
  return list;
}
