/**
 * The codes a kommun writes in its settings to pick rows of a ledger export: an ansvar code to say which nämnd it
 * belongs to, an account (konto) to leave out of the net cost. One syntax for both:
 *
 *   1100        exactly this code
 *   1000-1999   every code from 1000 to 1999 (digits only; compared as numbers, so 1500 is in it and 15000 is not)
 *   1*          every code that starts with 1
 *
 * The most specific rule wins: an exact code before any range or prefix, then the narrowest range, then the longest
 * prefix. So "1*" for KS and "15*" for SN gives 1500 to SN.
 */

export type CodeRule =
  { kind: "exact"; code: string } | { kind: "range"; from: number; to: number } | { kind: "prefix"; prefix: string };

/** "1000-1999" (a hyphen or any dash, spaces around it allowed). */
const RANGE = /^(\d+)\s*[-\u2010-\u2015\u2212]\s*(\d+)$/;
/** "1*", "15 *". */
const PREFIX = /^(\S+?)\s*\*$/;
/** A code is one word: digits and letters, dots, hyphens, slashes (Raindance and Unit4 codes alike). */
const CODE = /^[\p{L}\d][\p{L}\d./_-]*$/u;

/** The rule a settings cell writes, or null when it writes none of the three forms. */
export function parseCodeRule(text: string): CodeRule | null {
  const trimmed = text.trim();
  const range = RANGE.exec(trimmed);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return from <= to && Number.isSafeInteger(to) ? { kind: "range", from, to } : null;
  }
  const prefix = PREFIX.exec(trimmed);
  if (prefix) return CODE.test(prefix[1]) ? { kind: "prefix", prefix: prefix[1] } : null;
  return CODE.test(trimmed) ? { kind: "exact", code: trimmed } : null;
}

/** How specific a rule is: lower wins. Exact 0; a range by its width (1 + width), after every exact code; a prefix
 * after every range, longer first. */
function rank(rule: CodeRule): number {
  if (rule.kind === "exact") return 0;
  if (rule.kind === "range") return 1 + (rule.to - rule.from);
  return Number.MAX_SAFE_INTEGER - rule.prefix.length;
}

function matches(rule: CodeRule, code: string): boolean {
  switch (rule.kind) {
    case "exact":
      return rule.code === code;
    case "prefix":
      return code.startsWith(rule.prefix);
    case "range": {
      if (!/^\d+$/.test(code)) return false;
      const n = Number(code);
      return n >= rule.from && n <= rule.to;
    }
  }
}

/**
 * Finds the target of a code among rules, most specific first; remembers each code's answer, since a ledger of a
 * hundred thousand rows has a few hundred codes.
 */
export class CodeMatcher<T> {
  private readonly sorted: { rule: CodeRule; target: T }[];
  private readonly exact = new Map<string, T>();
  private readonly seen = new Map<string, T | null>();

  constructor(rules: readonly { rule: CodeRule; target: T }[]) {
    for (const { rule, target } of rules)
      if (rule.kind === "exact" && !this.exact.has(rule.code)) this.exact.set(rule.code, target);
    // A stable sort: of two rules equally specific, the first in the table wins (the settings reader warns of it).
    this.sorted = rules.filter(({ rule }) => rule.kind !== "exact").sort((a, b) => rank(a.rule) - rank(b.rule));
  }

  find(code: string): T | null {
    const known = this.seen.get(code);
    if (known !== undefined) return known;
    const found = this.exact.get(code) ?? this.sorted.find(({ rule }) => matches(rule, code))?.target ?? null;
    this.seen.set(code, found);
    return found;
  }
}

/** Whether two rules are equally specific and some code matches both: then only the first counts. */
export function rulesCollide(a: CodeRule, b: CodeRule): boolean {
  if (rank(a) !== rank(b)) return false;
  if (a.kind === "exact" && b.kind === "exact") return a.code === b.code;
  if (a.kind === "range" && b.kind === "range") return a.from <= b.to && b.from <= a.to;
  if (a.kind === "prefix" && b.kind === "prefix") return a.prefix === b.prefix;
  return false;
}

/** The rule as the settings write it, for messages. */
export function ruleText(rule: CodeRule): string {
  if (rule.kind === "exact") return rule.code;
  return rule.kind === "range" ? `${rule.from}-${rule.to}` : `${rule.prefix}*`;
}
