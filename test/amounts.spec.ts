import fc from "fast-check";
import {
  AmountParse,
  AmountUnit,
  ORE_PER_UNIT,
  amountConvention,
  formatAmount,
  oreToTkr,
  parseAmount,
  tkrToOre,
  unitFromHeader,
} from "../src/domain/amounts";

// Expectations are computed from this table and integer parts, never by calling the code under test.
const ORE: Record<AmountUnit, number> = { kr: 100, tkr: 100_000, mnkr: 100_000_000, mdkr: 100_000_000_000 };
const NBSP = "\u00A0";

function ok(ore: number, unit: AmountUnit, sign: "+" | "-" | null = null): AmountParse {
  return { ok: true, ore, unit, sign };
}

describe("parseAmount: the written-form matrix", () => {
  const spaces: [string, string][] = [
    ["plain space", " "],
    ["U+00A0", "\u00A0"],
    ["U+202F", "\u202F"],
    ["U+2009", "\u2009"],
  ];
  const signs: [string, string, "+" | "-" | null][] = [
    ["no sign", "", null],
    ["hyphen-minus", "-", "-"],
    ["U+2212 minus", "\u2212", "-"],
    ["U+2013 dash", "\u2013", "-"],
    ["plus", "+", "+"],
  ];
  const units: [string, AmountUnit][] = [
    ["", "tkr"],
    ["kr", "kr"],
    ["kronor", "kr"],
    ["SEK", "kr"],
    ["tkr", "tkr"],
    ["TKR", "tkr"],
    ["tusen kronor", "tkr"],
    ["KSEK", "tkr"],
    ["kSEK", "tkr"],
    ["tSEK", "tkr"],
    ["mkr", "mnkr"],
    ["Mkr", "mnkr"],
    ["Mkr.", "mnkr"],
    ["mnkr", "mnkr"],
    ["mn kr", "mnkr"],
    ["milj kr", "mnkr"],
    ["MSEK", "mnkr"],
    ["miljoner kronor", "mnkr"],
    ["mdkr", "mdkr"],
    ["miljarder kronor", "mdkr"],
  ];
  const integers: [string[], number][] = [
    [["7"], 7],
    [["1", "200"], 1_200],
    [["12", "345"], 12_345],
  ];
  // [written, numerator, denominator]: ",75" is 75/100 of a unit.
  const decimals: [string, number, number][] = [
    ["", 0, 1],
    [",5", 5, 10],
    [",75", 75, 100],
  ];

  const cases: [string, string, AmountParse][] = [];
  for (const [spaceName, space] of spaces) {
    for (const [signName, signChar, sign] of signs) {
      for (const position of signChar === "" ? ["-"] : ["glued", "spaced"]) {
        for (const [unitText, unit] of units) {
          for (const [groups, integer] of integers) {
            for (const [decimalText, numerator, denominator] of decimals) {
              const text =
                signChar +
                (position === "spaced" ? space : "") +
                groups.join(space) +
                decimalText +
                (unitText === "" ? "" : space + unitText.split(" ").join(space));
              const magnitude = integer * ORE[unit] + (numerator * ORE[unit]) / denominator;
              const name = `${JSON.stringify(text)} (${spaceName}; ${signName}, ${position}; unit "${unitText}")`;
              cases.push([name, text, ok(sign === "-" ? -magnitude : magnitude, unit, sign)]);
            }
          }
        }
      }
    }
  }

  test("covers every combination", () => {
    expect(cases).toHaveLength(4 * 9 * 20 * 3 * 3);
  });

  test.each(cases)("%s", (_name, text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });
});

describe("parseAmount: specific text", () => {
  test.each<[string, AmountParse]>([
    // From domain.md: "Ramökning 2024 KS: 250 tkr", "Varaktig ramjustering SAN: 1 200 tkr".
    ["250 tkr", ok(25_000_000, "tkr")],
    ["1 200 tkr", ok(120_000_000, "tkr")],
    ["1\u00A0200\u00A0tkr", ok(120_000_000, "tkr")],
    ["1,2 mnkr", ok(120_000_000, "mnkr")],
    ["0,75 mnkr", ok(75_000_000, "mnkr")],
    ["+11,5 mkr", ok(1_150_000_000, "mnkr", "+")],
    ["250 000 kr", ok(25_000_000, "kr")],
    ["2 Mkr", ok(200_000_000, "mnkr")],
    ["11,5 MSEK", ok(1_150_000_000, "mnkr")],
    ["3 miljoner kronor", ok(300_000_000, "mnkr")],
    ["1 mdkr", ok(100_000_000_000, "mdkr")],
    ["2 miljarder kronor", ok(200_000_000_000, "mdkr")],
    ["250 tusen kronor", ok(25_000_000, "tkr")],
    ["250 kronor", ok(25_000, "kr")],
    ["250 SEK", ok(25_000, "kr")],
    ["250tkr", ok(25_000_000, "tkr")],
    ["1,5mnkr", ok(150_000_000, "mnkr")],
    ["− 250 tkr", ok(-25_000_000, "tkr", "-")],
    ["  250 tkr  ", ok(25_000_000, "tkr")],
    ["1200", ok(120_000_000, "tkr")],
    ["1234567", ok(123_456_700_000, "tkr")],
    ["0", ok(0, "tkr")],
    ["-0", ok(0, "tkr", "-")],
    ["milj. kr", { ok: false, problem: "unparseable", text: "milj. kr" }],
    ["5 milj. kr", ok(500_000_000, "mnkr")],
    // The grouping or the length of the integer part shows that three decimals are decimals.
    ["1 861,500", ok(186_150_000, "tkr")],
    ["1234,500", ok(123_450_000, "tkr")],
    // No one writes a thousands group after a lone 0, so "0,750" is three decimals.
    ["0,750 mnkr", ok(75_000_000, "mnkr")],
    ["1,2000 tkr", ok(120_000, "tkr")],
    ["0,0100 kr", ok(1, "kr")],
    ["12,34 kr", ok(1_234, "kr")],
    ["0,00001 tkr", ok(1, "tkr")],
  ])("%j", (text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });

  test("a unit in the text wins over the header's; the header's wins over tkr", () => {
    expect(parseAmount("250 tkr", "mnkr")).toEqual(ok(25_000_000, "tkr"));
    expect(parseAmount("250", "mnkr")).toEqual(ok(25_000_000_000, "mnkr"));
    expect(parseAmount("250", "kr")).toEqual(ok(25_000, "kr"));
    expect(parseAmount("250", null)).toEqual(ok(25_000_000, "tkr"));
    expect(parseAmount("250")).toEqual(ok(25_000_000, "tkr"));
  });

  test.each([null, "", "   ", "\u00A0", "\u202F\t\n"])("empty cell %j gives null", (value) => {
    expect(parseAmount(value)).toBeNull();
  });
});

describe("a column's convention: the evidence of its texts", () => {
  test.each([
    [["1 500 tkr", "1,200 tkr"], "swedish"],
    [["2,5 mnkr", "1,200"], "swedish"],
    [["\u2212250", "1,200"], "swedish"],
    [["1\u00A0200", "3,500"], "swedish"],
    // No Swedish evidence, or English evidence anywhere: nothing is assumed.
    [["1,200", "3,500"], null],
    [["1 500", "1,200.50"], null],
    [["1 500", "2.5"], null],
    [["1 500", "1,200,000"], null],
    [[], null],
  ])("%j → %s", (texts, convention) => {
    expect(amountConvention(texts)).toBe(convention);
  });

  test("in a Swedish column a comma and three digits is a decimal comma; elsewhere it stays a finding", () => {
    expect(parseAmount("1,200 tkr", null, "swedish")).toEqual({ ok: true, ore: 120_000, unit: "tkr", sign: null });
    expect(parseAmount("\u221212,500", "mnkr", "swedish")).toEqual({
      ok: true,
      ore: -1_250_000_000,
      unit: "mnkr",
      sign: "-",
    });
    expect(parseAmount("1,200 tkr")).toMatchObject({ ok: false, problem: "ambiguous" });
  });
});

describe("parseAmount: ambiguous, unparseable and too precise text", () => {
  test.each([
    // A dot between digits: a thousands separator to some writers, a decimal point to others.
    "1.200",
    "1.200 tkr",
    "1.5 mnkr",
    "1.200,50",
    "-1.200",
    "1.200.000",
    // Accounting parentheses: negative, or merely a note.
    "(1 861,5)",
    "(1 861,5 tkr)",
    "(-1 861,5 tkr)",
    "(1 861,5) tkr",
    "-(250)",
    "(tvåhundra)",
  ])("%j is ambiguous", (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, problem: "ambiguous", text });
    // No convention of a column settles these either.
    expect(parseAmount(text, null, "swedish")).toMatchObject({ ok: false, problem: "ambiguous", text });
  });

  // A comma and exactly three digits after 1–3 ungrouped digits: "1,200" is 1 200 in English, 1,2 in Swedish; only a
  // column that writes Swedish settles it.
  test.each(["1,200 tkr", "12,500", "\u2212999,999 tkr", "1,200 mnkr"])(
    "%j is ambiguous in a column of no convention",
    (text) => {
      expect(parseAmount(text)).toMatchObject({ ok: false, problem: "ambiguous", text });
      expect(parseAmount(text, null, "swedish")).toMatchObject({ ok: true });
    },
  );

  test.each([
    ["1.200", 120_000_000, 120_000, "tkr"],
    ["1,200 tkr", 120_000_000, 120_000, "tkr"],
    ["\u2212999,999 tkr", -99_999_900_000, -99_999_900, "tkr"],
    ["(1 861,5)", -186_150_000, 186_150_000, "tkr"],
    ["(1 861,5) mnkr", -186_150_000_000, 186_150_000_000, "mnkr"],
  ])("%j names the two readings it leaves open", (text, first, second, unit) => {
    const parsed = parseAmount(text);
    if (parsed?.ok !== false || !parsed.readings) throw new Error(`no readings for ${text}`);
    expect(parsed.readings).toEqual({ first, second, unit });
  });

  test.each([
    "tvåhundra tkr",
    "ca 250 tkr",
    "250 tkr/år",
    "Ramökning 2024 KS: 250 tkr",
    "12 34",
    "1 2000",
    "1  200",
    "1--2",
    "+-250",
    "- - 250",
    "-  250",
    "250-",
    "250 tkr 300 tkr",
    "tkr",
    "kronor",
    "-",
    "250 €",
    "250 dollar",
    "1e3",
    "250,",
    ",5",
    "1..2",
    "250 tkr (varaktig)",
    // Beyond Number.MAX_SAFE_INTEGER öre.
    "99 999 999 999 mdkr",
    "250000000000000000",
  ])("%j is unparseable", (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, problem: "unparseable", text });
  });

  test.each(["0,0001 kr", "0,001 kr", "1 012,345 kr", "1,000001 tkr", "0,000000001 mnkr"])(
    "%j is too precise",
    (text) => {
      expect(parseAmount(text)).toEqual({ ok: false, problem: "too-precise", text });
    },
  );
});

describe("parseAmount: number cells", () => {
  test.each<[number, AmountUnit | undefined, AmountParse]>([
    [1.2, "mnkr", ok(120_000_000, "mnkr")],
    [0.1 + 0.2, undefined, ok(30_000, "tkr")],
    [0.1 + 0.2, "kr", ok(30, "kr")],
    [1861.5, undefined, ok(186_150_000, "tkr")],
    [250, "kr", ok(25_000, "kr")],
    [-250, "tkr", ok(-25_000_000, "tkr", "-")],
    [0, undefined, ok(0, "tkr")],
    [1.15, "tkr", ok(115_000, "tkr")],
    [12.34, "kr", ok(1_234, "kr")],
    [1e-5, "tkr", ok(1, "tkr")],
    [90_071_992_547.40991, "tkr", ok(Number.MAX_SAFE_INTEGER, "tkr")],
    // Float noise rounds: a difference of two large amounts (=B2-C2) gives 250.10000000009313 tkr,
    [987654.3 - 987404.2, "tkr", ok(25_010_000, "tkr")],
    // noise below a whole öre rounds up: 3.3 - 1.1 is 2.1999999999999997 tkr,
    [3.3 - 1.1, "tkr", ok(220_000, "tkr")],
    [-(3.3 - 1.1), "tkr", ok(-220_000, "tkr", "-")],
    // and 1e-12 tkr is 1e-7 öre of noise around zero.
    [1e-12, "tkr", ok(0, "tkr")],
    // 5e-9 tkr is 0.0005 öre: within the thousandth of an öre that the module treats as noise.
    [5e-9, "tkr", ok(0, "tkr")],
  ])("%p with header unit %p", (value, unit, expected) => {
    expect(parseAmount(value, unit)).toEqual(expected);
  });

  test("a long SUM of tenths rounds back to whole öre", () => {
    let sum = 0;
    for (let i = 0; i < 200; i++) sum += 12345.1;
    expect(String(sum)).toBe("2469020.0000000093"); // the noise this test is about
    expect(parseAmount(sum)).toEqual(ok(246_902_000_000, "tkr"));
  });

  test("-0 reads as 0 without a sign", () => {
    const parsed = parseAmount(-0);
    expect(parsed).toEqual(ok(0, "tkr"));
    expect(parsed?.ok && Object.is(parsed.ore, 0)).toBe(true);
  });

  test.each<[number, AmountUnit | undefined, string]>([
    [1e-7, "tkr", "1e-7"], // 0.01 öre
    [2e-8, "tkr", "2e-8"], // 0.002 öre
    [1 / 3, "tkr", "0.3333333333333333"],
    [12.345, "kr", "12.345"],
    [0.001, "kr", "0.001"],
  ])("%p with header unit %p is too precise", (value, unit, text) => {
    expect(parseAmount(value, unit)).toEqual({ ok: false, problem: "too-precise", text });
  });

  test.each<[number, string]>([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [1e21, "1e+21"],
    [100_000_000_000, "100000000000"], // 10^11 tkr is 10^16 öre, beyond safe integers
  ])("%p is unparseable", (value, text) => {
    expect(parseAmount(value)).toEqual({ ok: false, problem: "unparseable", text });
  });

  test("booleans, dates and error values are unparseable", () => {
    expect(parseAmount(true)).toEqual({ ok: false, problem: "unparseable", text: "true" });
    expect(parseAmount(new Date(Date.UTC(2024, 0, 1)))).toEqual({
      ok: false,
      problem: "unparseable",
      text: "2024-01-01T00:00:00.000Z",
    });
    expect(parseAmount({ error: "#REF!" })).toEqual({ ok: false, problem: "unparseable", text: "#REF!" });
  });
});

describe("unitFromHeader", () => {
  test.each<[string, AmountUnit | null]>([
    // domain.md's amount headers
    ["Belopp", null],
    ["Belopp (tkr)", "tkr"],
    ["Belopp tkr", "tkr"],
    ["Budget (mnkr)", "mnkr"],
    ["Ram", null],
    ["Ramjustering", null],
    ["tkr", "tkr"],
    ["mnkr", "mnkr"],
    // other spellings
    ["Amount (SEK thousands)", "tkr"],
    ["kSEK", "tkr"],
    ["MSEK", "mnkr"],
    ["Ram 2024 (tusen kronor)", "tkr"],
    ["Belopp, milj. kr", "mnkr"],
    ["Budget Mkr.", "mnkr"],
    ["Belopp (kr)", "kr"],
    ["Ram (mdkr)", "mdkr"],
    ["Ramökning", null],
    ["", null],
    ["Belopp kr/tkr", null],
  ])("%j → %p", (header, unit) => {
    expect(unitFromHeader(header)).toBe(unit);
  });
});

describe("formatAmount, oreToTkr, tkrToOre, ORE_PER_UNIT", () => {
  test.each<[number, AmountUnit | undefined, string]>([
    [120_000_000, undefined, `1${NBSP}200${NBSP}tkr`],
    [186_150_000, "tkr", `1${NBSP}861,5${NBSP}tkr`],
    [-25_000_000, "tkr", `\u2212250${NBSP}tkr`],
    [0, "tkr", `0${NBSP}tkr`],
    [1, "tkr", `0,00001${NBSP}tkr`],
    [1_234, "kr", `12,34${NBSP}kr`],
    [120_000_000, "mnkr", `1,2${NBSP}mnkr`],
    [123_456_789_000_000, "kr", `1${NBSP}234${NBSP}567${NBSP}890${NBSP}000${NBSP}kr`],
    [150_000_000_000, "mdkr", `1,5${NBSP}mdkr`],
    [123_400, "tkr", `1,234${NBSP}tkr`],
  ])("%p öre in %p → %j", (ore, unit, text) => {
    expect(formatAmount(ore, unit)).toBe(text);
  });

  test("formatAmount refuses what is not a whole number of öre", () => {
    expect(() => formatAmount(0.5)).toThrow(RangeError);
    expect(() => formatAmount(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => formatAmount(Number.NaN)).toThrow(RangeError);
  });

  test("exactly three decimals after 1–3 digits format naturally, and read back as ambiguous, never as thousands", () => {
    expect(parseAmount(formatAmount(123_400, "tkr"))).toMatchObject({ ok: false, problem: "ambiguous" });
  });

  test("oreToTkr and tkrToOre", () => {
    expect(oreToTkr(186_150_000)).toBe(1861.5);
    expect(oreToTkr(-1)).toBe(-0.00001);
    expect(tkrToOre(1861.5)).toBe(186_150_000);
    expect(tkrToOre(0.1 + 0.2)).toBe(30_000);
    expect(tkrToOre(-0.00001)).toBe(-1);
    expect(() => tkrToOre(1e-7)).toThrow(RangeError);
    expect(() => tkrToOre(Number.NaN)).toThrow(RangeError);
    expect(() => tkrToOre(1e12)).toThrow(RangeError);
  });

  test("ORE_PER_UNIT", () => {
    expect(ORE_PER_UNIT).toEqual({ kr: 100, tkr: 100_000, mnkr: 100_000_000, mdkr: 100_000_000_000 });
  });
});

describe("properties", () => {
  const runs = { seed: 42, numRuns: 500 };
  const unit = fc.constantFrom<AmountUnit>("kr", "tkr", "mnkr", "mdkr");
  // Small amounts too, so that decimals of every length are met, not only the huge integers uniform draws favour.
  const ore = fc.oneof(
    fc.integer({ min: -1e13, max: 1e13 }),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.integer({ min: -1e6, max: 1e6 }),
  );
  const space = fc.constantFrom(" ", "\u00A0", "\u202F", "\u2009");

  function group(digits: string, separator: string): string {
    return digits.replace(/\B(?=(\d{3})+$)/g, separator);
  }

  test("formatAmount reads back exactly (or, for 1–3 digits and three decimals, as ambiguous)", () => {
    fc.assert(
      fc.property(ore, unit, fc.option(unit), (amount, amountUnit, headerUnit) => {
        const text = formatAmount(amount, amountUnit);
        const parsed = parseAmount(text, headerUnit);
        if (/^\u2212?[1-9]\d{0,2},\d{3}\u00A0/.test(text)) {
          expect(parsed).toMatchObject({ ok: false, problem: "ambiguous", text });
        } else {
          expect(parsed).toEqual(ok(amount, amountUnit, amount < 0 ? "-" : null));
        }
      }),
      runs,
    );
  });

  test("oreToTkr as a number cell reads back exactly", () => {
    fc.assert(
      fc.property(ore, (amount) => {
        expect(parseAmount(oreToTkr(amount))).toEqual(ok(amount, "tkr", amount < 0 ? "-" : null));
        expect(tkrToOre(oreToTkr(amount))).toBe(amount);
      }),
      runs,
    );
  });

  test("a number cell reads as its shortest decimal written as text, in every unit", () => {
    // Whole and short decimals (the common cells), float noise and sub-öre values: the number's own reading must
    // agree with the exact decimal reading of the same digits, or fail the same way.
    const value = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.tuple(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 1, max: 9 })).map(([n, k]) => n / 10 ** k),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(value, unit, (number, amountUnit) => {
        const asText = parseAmount(String(number).replace(".", ",").replace("-", "\u2212"), amountUnit);
        const asNumber = parseAmount(number, amountUnit);
        if (asText?.ok) expect(asNumber).toEqual({ ...asText, sign: number < 0 ? "-" : null });
        else if (asNumber?.ok) {
          // Text is never rounded; a number within a thousandth of an öre of a whole one is float noise and is.
          expect(asText?.ok === false && asText.problem).toMatch(/^(too-precise|ambiguous|unparseable)$/);
        }
      }),
      { ...runs, numRuns: 3000 },
    );
  });

  test("sums of many tkr amounts read from text do not drift", () => {
    // Decimals of 0, 1, 2, 4 or 5 digits; three would make "1,200"-like amounts ambiguous below 1 000.
    const amount = fc.record({
      minus: fc.constantFrom("", "-", "\u2212", "\u2013"),
      whole: fc.integer({ min: 0, max: 9_999_999 }),
      fraction: fc.constantFrom(0, 1, 2, 4, 5).chain((length) => fc.stringMatching(new RegExp(`^\\d{${length}}$`))),
      space,
    });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 50, maxLength: 300 }), (amounts) => {
        let expected = 0;
        let actual = 0;
        for (const { minus, whole, fraction, space: separator } of amounts) {
          const text = `${minus}${group(String(whole), separator)}${fraction ? `,${fraction}` : ""} tkr`;
          const magnitude = whole * 100_000 + Number(fraction.padEnd(5, "0"));
          expected += minus === "" ? magnitude : -magnitude;
          const parsed = parseAmount(text);
          if (!parsed?.ok) throw new Error(`${text} did not parse`);
          actual += parsed.ore;
        }
        expect(actual).toBe(expected);
      }),
      runs,
    );
  });

  test("ambiguous shapes are always reported as ambiguous", () => {
    const sign = fc.constantFrom("", "-", "\u2212", "\u2013", "+", "- ");
    const unitSuffix = fc.constantFrom("", " tkr", "tkr", " mnkr", " kr", " MSEK");
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
    const dotted = fc
      .tuple(sign, digits(1, 3), digits(3, 3), fc.constantFrom("", ",5", ".000"), unitSuffix)
      .map(([s, head, group3, tail, u]) => `${s}${head}.${group3}${tail}${u}`);
    const parenthesised = fc.tuple(sign, fc.string()).map(([s, inside]) => `${s}(${inside})`);
    const commaGroup = fc
      .tuple(sign, fc.integer({ min: 1, max: 999 }), digits(3, 3), unitSuffix)
      .map(([s, head, group3, u]) => `${s}${head},${group3}${u}`);
    fc.assert(
      fc.property(fc.oneof(dotted, parenthesised, commaGroup), (text) => {
        expect(parseAmount(text)).toMatchObject({ ok: false, problem: "ambiguous", text });
      }),
      runs,
    );
  });
});
