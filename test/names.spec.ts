import fc from "fast-check";
import { NameIndex, nameHash, stringHash } from "../src/domain/nameIndex";
import { normalizeName } from "../src/domain/text";

describe("normalizeName: what does not count when names are compared", () => {
  test.each([
    ["Näringsliv & tillväxt", "näringsliv och tillväxt"],
    ["Näringsliv&tillväxt", "näringsliv och tillväxt"],
    ["  Trygg\u00a0uppväxt\u2009för  alla.  ", "trygg uppväxt för alla"],
    ["Förskola – skola", "förskola - skola"],
    ["Barn\u2011 och utbildning", "barn- och utbildning"],
    ["“Fler jobb” i kommunen!", "fler jobb i kommunen"],
    ['Utreda "nya" lokaler', "utreda nya lokaler"],
    ["ÅTERVINNING\u200b I ÖSTERSUND", "återvinning i östersund"],
    ["U-001", "u-001"],
  ])("%j → %j", (written, normal) => {
    expect(normalizeName(written)).toBe(normal);
  });

  test("is idempotent", () => {
    fc.assert(
      fc.property(nameLike, (text) => {
        expect(normalizeName(normalizeName(text))).toBe(normalizeName(text));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

/** Text built from what real names hold, heavy in what normalizeName evens out, with some characters beyond Latin-1. */
const nameLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(..."abcÅÄÖåäöéÉxyzXYZ019"),
      fc.constantFrom(" ", "  ", "\u00a0", "\u2009", "\u202f", "\t", "\n", "\u200b", "\u00ad"),
      fc.constantFrom("&", " & ", "och", "-", "\u2013", "\u2212", "\u2011"),
      fc.constantFrom('"', "'", "\u201c", "\u201d", "\u2019", "\u00ab", "\u00bb"),
      fc.constantFrom(".", ",", ";", ":", "!", "?", "(", ")", "/"),
      fc.constantFrom("İ", "ł", "Ω", "ß", "\u00d7", "\u00de", "\u00ff"),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(""));

describe("nameHash", () => {
  test("is the hash of the normalised name, for any text", () => {
    fc.assert(
      fc.property(nameLike, (text) => {
        expect(nameHash(text)).toBe(stringHash(normalizeName(text)));
      }),
      { seed: 11, numRuns: 20000 },
    );
  });

  test("names that normalise alike hash alike; names that differ hash apart", () => {
    expect(nameHash("Näringsliv & tillväxt.")).toBe(nameHash("näringsliv och  tillväxt"));
    expect(nameHash("Förskola – skola")).toBe(nameHash("FÖRSKOLA - SKOLA"));
    expect(nameHash("Förskola – skola")).not.toBe(nameHash("Förskola – skolor"));
  });
});

describe("NameIndex", () => {
  test("finds a value under any spelling of its name", () => {
    const index = new NameIndex<string>((value) => value);
    index.set("Näringsliv & tillväxt", "Näringsliv & tillväxt");
    expect(index.get("näringsliv och tillväxt.")).toBe("Näringsliv & tillväxt");
    expect(index.has("Näringsliv")).toBe(false);
  });

  test("holds what a Map by normalised name holds, however many names it grows to", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nameLike, fc.nat()), { minLength: 100, maxLength: 3000 }), (entries) => {
        const index = new NameIndex<{ name: string; n: number }>((value) => value.name);
        const reference = new Map<string, number>();
        for (const [name, n] of entries) {
          index.set(name, { name, n });
          reference.set(normalizeName(name), n);
        }
        for (const [name] of entries) expect(index.get(`  ${name} `)?.n).toBe(reference.get(normalizeName(name)));
        expect(index.has("\u0000 not a name")).toBe(reference.has(normalizeName("\u0000 not a name")));
      }),
      { seed: 3, numRuns: 40 },
    );
  });

  test("keeps two names whose hashes collide apart", () => {
    const [a, b] = collidingNames();
    expect(normalizeName(a)).not.toBe(normalizeName(b));
    expect(nameHash(a)).toBe(nameHash(b));
    const index = new NameIndex<string>((value) => value);
    index.set(a, a);
    expect(index.get(b)).toBeUndefined();
    index.set(b, b);
    expect(index.get(a)).toBe(a);
    expect(index.get(b)).toBe(b);
    expect(index.get(b.toUpperCase())).toBe(b);
  });
});

/** Two different ids with one 32-bit hash, found by trying (about 80 000 tries are enough, by the birthday bound). */
function collidingNames(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const name = `u${i}`;
    const other = seen.get(nameHash(name));
    if (other !== undefined) return [other, name];
    seen.set(nameHash(name), name);
  }
}
