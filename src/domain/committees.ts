import { Committee } from "./model";
import { cleanText, escapeRegExp, normalizeName } from "./text";
import { CONJUNCTIONS } from "./vocabulary";

/**
 * Nämnder known across kommuner (domain.md). A plan's own register always wins; without one, a full name maps to its
 * code, and a code with two readings keeps its code with no guessed name.
 */
const KNOWN: { code: string; names: string[] }[] = [
  { code: "KS", names: ["Kommunstyrelsen"] },
  { code: "BUN", names: ["Barn- och utbildningsnämnden", "Barn- och ungdomsnämnden"] },
  { code: "UN", names: ["Utbildningsnämnden"] },
  { code: "GVN", names: ["Gymnasie- och vuxenutbildningsnämnden"] },
  { code: "SN", names: ["Socialnämnden"] },
  { code: "SAN", names: ["Social- och arbetsmarknadsnämnden"] },
  { code: "VoN", names: ["Vård- och omsorgsnämnden"] },
  { code: "ON", names: ["Omsorgsnämnden"] },
  { code: "IFN", names: ["Individ- och familjeomsorgsnämnden"] },
  { code: "AMN", names: ["Arbetsmarknadsnämnden"] },
  { code: "TN", names: ["Tekniska nämnden"] },
  { code: "SBN", names: ["Samhällsbyggnadsnämnden", "Stadsbyggnadsnämnden"] },
  { code: "MBN", names: ["Miljö- och byggnadsnämnden"] },
  { code: "MHN", names: ["Miljö- och hälsoskyddsnämnden"] },
  { code: "KFN", names: ["Kultur- och fritidsnämnden"] },
  { code: "ÖFN", names: ["Överförmyndarnämnden"] },
  { code: "VN", names: ["Valnämnden"] },
];

/** Full name → code, and the name a bare code may be given (only when it has one reading). */
const CODE_BY_NAME = new Map(KNOWN.flatMap(({ code, names }) => names.map((name) => [normalizeName(name), code])));
const NAME_BY_CODE = new Map(
  KNOWN.filter(({ names }) => names.length === 1).map(({ code, names }) => [code, names[0]]),
);

export function knownCodeForName(name: string): string | null {
  const key = normalizeName(name);
  for (const form of [key, ...otherForms(key)]) {
    const code = CODE_BY_NAME.get(form);
    if (code) return code;
  }
  return null;
}

/**
 * The other forms a nämnd's name is written in: "Familjenämnd" for "Familjenämnden", "Kommunstyrelsen" for
 * "Kommunstyrelse" (plans write the indefinite form in tables and the definite one in text).
 */
function otherForms(key: string): string[] {
  if (!/(nämnd|styrelse|nämnden|styrelsen)$/.test(key)) return [];
  if (key.endsWith("nämnden")) return [key.slice(0, -2)];
  if (key.endsWith("styrelsen")) return [key.slice(0, -1)];
  return key.endsWith("nämnd") ? [`${key}en`] : [`${key}n`];
}

export function knownNameForCode(code: string): string | null {
  return NAME_BY_CODE.get(code) ?? null;
}

/** Looks a nämnd up by code or full name, ignoring case; knows the plan's register or, without one, the common names. */
export class CommitteeDirectory {
  private readonly byKey = new Map<string, Committee>();
  readonly hasRegister: boolean;
  private readonly order: Committee[] = [];
  private names: string[] | null = null;

  constructor(register: Committee[]) {
    this.hasRegister = register.length > 0;
    for (const committee of register) this.add(committee);
  }

  private add(committee: Committee): void {
    this.names = null;
    this.order.push(committee);
    this.byKey.set(normalizeName(committee.code), committee);
    if (committee.name) this.byKey.set(normalizeName(committee.name), committee);
  }

  lookup(text: string): Committee | null {
    const key = normalizeName(text);
    const found = this.byKey.get(key) ?? this.otherForm(key);
    if (found || this.hasRegister) return found ?? null;
    // Without a register, learn the nämnd as the plan names it.
    const knownCode = knownCodeForName(text);
    if (knownCode) {
      const existing = this.byKey.get(normalizeName(knownCode));
      if (existing) {
        this.byKey.set(key, existing);
        return existing;
      }
      const committee: Committee = { code: knownCode, name: cleanText(text), kind: "committee" };
      this.add(committee);
      return committee;
    }
    if (!looksLikeCode(text) && !looksLikeCommitteeName(text)) return null;
    const code = cleanText(text);
    const committee: Committee = looksLikeCode(code)
      ? { code, name: knownNameForCode(code), kind: "committee" }
      : { code, name: code, kind: /\bAB$/.test(code) ? "company" : "committee" };
    this.add(committee);
    return committee;
  }

  /** The nämnd written in another form ("Familjenämnd" for "Familjenämnden"); looked for only on a miss. */
  private otherForm(key: string): Committee | undefined {
    for (const form of otherForms(key)) {
      const found = this.byKey.get(form);
      if (found) return found;
    }
    return undefined;
  }

  /** Every nämnd known so far, register order or order of first appearance. */
  all(): Committee[] {
    return [...this.order];
  }

  /** Names to match first when a cell lists several nämnder (a full name may itself contain "och" or ","). */
  knownNames(): string[] {
    // The same array until a nämnd is added, so that splitList prepares its patterns once.
    if (this.names) return this.names;
    const names = new Set<string>();
    for (const committee of this.order) {
      names.add(committee.code);
      if (committee.name) names.add(committee.name);
    }
    for (const { names: known } of KNOWN) for (const name of known) names.add(name);
    this.names = [...names].sort((a, b) => b.length - a.length);
    return this.names;
  }
}

/** "KS", "VoN", "ÖFN", "SAN": short, starts upper case, mostly upper case. */
export function looksLikeCode(text: string): boolean {
  const t = cleanText(text);
  return /^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,6}$/.test(t) && (t.match(/[A-ZÅÄÖ]/g) ?? []).length >= Math.min(2, t.length);
}

function looksLikeCommitteeName(text: string): boolean {
  return /(nämnd(en)?|styrelse(n)?|\bAB|bolag(et)?|förbund(et)?|kontor(et)?|förvaltning(en)?)$/i.test(cleanText(text));
}

// "och" and "samt" separate names, but not in "Barn- och utbildningsnämnden" (a compound with a hyphen).
const SEPARATOR = new RegExp(String.raw`\s*(?:[,;/&]|(?<!-\s*)\b(?:${CONJUNCTIONS})\b)\s*`, "giu");

/** One name of a list, and where it stands in the list's prepared text. */
export interface ListPart {
  name: string;
  at: number;
  end: number;
}

/**
 * Splits a cell listing several names ("TN, VoN, SAN, KS", "Kommunstyrelsen och Tekniska nämnden") into its parts.
 * Known names are taken out first, since a full name may itself contain "och" or a comma.
 */
export function splitList(text: string, knownNames: string[]): string[] {
  return splitListParts(text, knownNames).parts.map((part) => part.name);
}

/** Multi-word names, longest first, each with its pattern: prepared once per list of names, not once per cell. */
interface PreparedName {
  lower: string;
  pattern: RegExp;
}
const prepared = new WeakMap<string[], PreparedName[]>();

function prepare(knownNames: string[]): PreparedName[] {
  let names = prepared.get(knownNames);
  if (!names) {
    // Longest first, so that a name inside a longer one ("Barn och unga" in "Trygg uppväxt för barn och unga") does
    // not cut the longer one up. Names without a separator in them are found by plain splitting.
    names = knownNames
      .map(cleanText)
      .filter((name) => /[\s,;/&]/.test(name)) // a name with a separator in it ("S/N", "A & B") is found whole
      .sort((a, b) => b.length - a.length)
      .map((name) => ({
        lower: name.toLowerCase(),
        pattern: new RegExp(`(?<=^|[\\s,;/&])${escapeRegExp(name)}(?=$|[\\s,;/&.])`, "giu"),
      }));
    prepared.set(knownNames, names);
  }
  return names;
}

/** splitList, with each part's place in `text`: the cell's text cleaned, each line break written as " ; ". */
export function splitListParts(cellText: string, knownNames: string[]): { text: string; parts: ListPart[] } {
  const text = cleanText(cellText.replace(/\r?\n/g, " ; "));
  const lower = text.toLowerCase();
  let rest = text;
  const found: ListPart[] = [];
  for (const { lower: name, pattern } of prepare(knownNames)) {
    if (!lower.includes(name)) continue; // cheap test first: most names are not in most cells
    rest = rest.replace(pattern, (match, at: number) => {
      found.push({ name: match, at, end: at + match.length });
      return ";".repeat(match.length); // masked with separators, so positions stay put
    });
  }
  // Parts found by their separators come in order: only known names, taken out first, need the parts sorted.
  const takenOut = found.length > 0;
  let last = 0;
  const addPart = (end: number) => {
    const raw = rest.slice(last, end);
    const name = raw.trim();
    // What is left around a masked name may be a lone "." or "–": not a name.
    if (/[\p{L}\p{N}]/u.test(name)) {
      const at = last + raw.indexOf(name);
      found.push({ name, at, end: at + name.length });
    }
  };
  SEPARATOR.lastIndex = 0;
  for (let separator = SEPARATOR.exec(rest); separator; separator = SEPARATOR.exec(rest)) {
    addPart(separator.index);
    last = separator.index + separator[0].length;
  }
  addPart(rest.length);
  return { text, parts: takenOut ? found.sort((a, b) => a.at - b.at) : found };
}
