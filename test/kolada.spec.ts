/**
 * Kolada files as a user saves them from Kolada's open API (v2 and v3 JSON) or writes them (CSV), read without
 * network, and matched with the plan's nyckeltal: the latest year up to the follow-up's, the total (T), and every
 * missing, skipped or unreadable value said.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { matchKolada } from "../src/domain/kolada/match";
import { readKolada } from "../src/domain/kolada/read";
import { KeyFigure } from "../src/domain/model";
import { koladaSummary } from "../src/i18n/kolada";

const figure = (id: string, koladaId: string | null, name = `Nyckeltal ${id}`): KeyFigure => ({
  id,
  name,
  koladaId,
  goalId: null,
  target: null,
  unit: null,
});

type Entry = [kpi: string, municipality: string, year: number | string, values: Record<string, number | null>];

/** Kolada's answer as /v2 writes it, one entry a line (so a problem's line number says which). */
function v2(entries: Entry[], extra: Record<string, unknown> = {}, raw: string[] = []): string {
  const made = entries.map(([kpi, municipality, period, values]) =>
    JSON.stringify({
      kpi,
      municipality,
      period,
      values: Object.entries(values).map(([gender, value]) => ({ count: 1, gender, status: "", value })),
    }),
  );
  const lines = [...made, ...raw];
  const head = Object.entries({ count: entries.length, ...extra })
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(", ");
  return `{${head}, "values": [\n${lines.join(",\n")}\n]}`;
}

const file = (text: string, name = "kolada.json") => ({ name, text });

test("v2 JSON: the kommun's total per nyckeltal, the latest year up to the follow-up's, labelled with its year", () => {
  const text = v2([
    ["N01951", "2380", 2022, { T: 64892, K: 32311, M: 32581 }],
    ["N01951", "2380", 2023, { T: 65005, K: 32390, M: 32615 }],
    ["N01951", "2380", 2025, { T: 65500, K: 1, M: 2 }],
    ["N00914", "2380", 2023, { T: 81.6, K: 80.7, M: 82.4 }],
    ["N00914", "2380", 2024, { T: null, K: null, M: null }],
  ]);
  const read = readKolada([file(text)], null);
  expect(read.municipality).toBe("2380");
  expect(read.problems).toEqual([]);
  expect(read.paged).toEqual([]);
  const match = matchKolada([figure("N1", "N01951"), figure("N2", "n00914".toUpperCase())], read, 2024);
  // 2025 is after the follow-up's year: 2023 is the latest that counts.
  expect(match.outcomes.get("N01951")).toMatchObject({ value: 65005, year: 2023, gender: "T", missingYears: [] });
  // 2024 is in the file without a value (not yet published): 2023 is taken, and 2024 said missing.
  expect(match.outcomes.get("N00914")).toMatchObject({ value: 81.6, year: 2023, missingYears: [2024] });
});

test("v3 JSON that holds one page of several says so; its values are still read", () => {
  const entries: Entry[] = [["N01951", "2380", "2023", { T: 65005 }]];
  const text = v2(entries, {
    count: 12,
    next_url: "https://api.kolada.se/v3/data/kpi/N01951/municipality/2380?page=2&per_page=1",
    previous_url: null,
  });
  const read = readKolada([file(text, "sida1.json")], "2380");
  expect(read.paged).toEqual([
    {
      file: "sida1.json",
      entries: 1,
      total: 12,
      next: "https://api.kolada.se/v3/data/kpi/N01951/municipality/2380?page=2&per_page=1",
    },
  ]);
  // The period as a string ("2023") is read as the year too.
  expect(read.values).toEqual([{ kpi: "N01951", year: 2023, gender: "T", value: 65005 }]);
  const notes = koladaSummary(read, matchKolada([figure("N1", "N01951")], read, 2024), 2024, "sv").notes;
  expect(notes.join("\n")).toContain("sida1.json är en sida av flera (1 av 12 poster)");
  // A count larger than the entries alone (no link) says the same; a complete answer says nothing.
  const counted = readKolada([file(v2(entries, { count: 3 }))], null);
  expect(counted.paged).toEqual([{ file: "kolada.json", entries: 1, total: 3, next: null }]);
  expect(readKolada([file(v2(entries, { next_page: null }))], null).paged).toEqual([]);
});

test("the pages of one answer, given together, are read as one", () => {
  const one = v2([["N01951", "2380", 2022, { T: 1 }]], { count: 2, next_page: "…page=2" });
  const two = v2([["N01951", "2380", 2023, { T: 2 }]], { count: 2 });
  const read = readKolada([file(one, "1.json"), file(two, "2.json")], null);
  expect(matchKolada([figure("N1", "N01951")], read, 2024).outcomes.get("N01951")).toMatchObject({
    value: 2,
    year: 2023,
  });
});

test("CSV with decimal comma or point, quotes, a BOM and CRLF; other kommuner counted, not kept", () => {
  const text =
    "\ufeffkpi;municipality;year;gender;value\r\n" +
    'N00914;2380;2023;T;"81,6"\r\n' +
    "N00914;2380;2022;T;81.2\r\n" +
    "N00914;2380;2023;K;80,7\r\n" +
    "N00914;0180;2023;T;79,9\r\n" +
    "N00914;0180;2023;K;78,1\r\n" +
    "N01951;2380;2023;T;65 005\r\n" +
    "N01801;2380;2023;T;\r\n";
  const read = readKolada([file(text, "kolada.csv")], "2380");
  expect(read.problems).toEqual([]);
  expect(read.formats).toEqual(["csv"]);
  expect(read.otherValues).toBe(2);
  expect(read.municipalities).toEqual(["2380", "0180"]);
  const match = matchKolada(
    [figure("N1", "N00914"), figure("N2", "N01951"), figure("N3", "N01801"), figure("N4", "N99999")],
    read,
    2024,
  );
  expect(match.outcomes.get("N00914")).toMatchObject({ value: 81.6, year: 2023 });
  expect(match.outcomes.get("N01951")).toMatchObject({ value: 65005, year: 2023 });
  expect(match.noValue).toEqual([{ koladaId: "N01801", names: ["Nyckeltal N3"], years: [2023] }]);
  expect(match.notInFile).toEqual([{ koladaId: "N99999", names: ["Nyckeltal N4"] }]);
  const { rows, notes } = koladaSummary(read, match, 2024, "sv");
  expect(rows).toEqual([
    ["Nyckeltal N1", "N00914", "2023", "81,6"],
    ["Nyckeltal N2", "N01951", "2023", "65\u00a0005"],
  ]);
  expect(notes).toEqual(
    expect.arrayContaining([
      "Finns inte i filen: N99999 Nyckeltal N4",
      "Saknar värde i filen för 2023: N01801 Nyckeltal N3",
      "Andra kommuners värden som hoppades över: 2",
    ]),
  );
  const english = koladaSummary(read, match, 2024, "en").notes;
  expect(english).toContain("Not in the file: N99999 Nyckeltal N4");
});

test("malformed lines are said at their line number, the rest is read; nothing throws", () => {
  const csv = [
    "kpi;municipality;year;gender;value",
    "N00914;2380;2023;T;81,6",
    "N00914;2380;tjugo;T;1",
    "N00914;2380;2022;X;1",
    "N00914;2380;2021;T;1,2.3",
    "N00914;2380",
    "N00914;2380;2020;T;abc",
  ].join("\n");
  const read = readKolada([file(csv, "k.csv")], null);
  expect(read.problems.map((p) => [p.line, p.kind])).toEqual([
    [3, "year-invalid"],
    [4, "gender-invalid"],
    [5, "value-invalid"],
    [6, "fields-missing"],
    [7, "value-invalid"],
  ]);
  expect(read.values).toEqual([{ kpi: "N00914", year: 2023, gender: "T", value: 81.6 }]);

  const json = v2(
    [
      ["N00914", "2380", 2023, { T: 81.6 }],
      ["N00914", "2380", "förra året", { T: 1 }],
    ],
    {},
    [
      '{"kpi": 5, "municipality": "2380"}',
      '{"kpi": "N1", "municipality": "2380", "period": 2020, "values": [{"gender": "T", "value": "12"}]}',
    ],
  );
  const fromJson = readKolada([file(json)], null);
  expect(fromJson.problems.map((p) => [p.line, p.kind])).toEqual([
    [3, "year-invalid"],
    [4, "entry-invalid"],
    [5, "value-invalid"],
  ]);
  expect(fromJson.values).toHaveLength(1);

  // Cut off mid-file: what came before is kept, and the line where it breaks is said.
  const cut = v2([
    ["N00914", "2380", 2022, { T: 80 }],
    ["N00914", "2380", 2023, { T: 81.6 }],
  ]).slice(0, -30);
  const broken = readKolada([file(cut)], null);
  expect(broken.problems.map((p) => [p.line, p.kind])).toEqual([[3, "json-broken"]]);
  expect(broken.values).toEqual([{ kpi: "N00914", year: 2022, gender: "T", value: 80 }]);

  for (const text of [
    "",
    "{",
    "[}",
    "[1]",
    "{}",
    '{"values": 5}',
    "kpi;year\n1;2",
    "\u0000\u0001",
    '{"values": [1, 2]}',
  ]) {
    const result = readKolada([file(text)], null);
    expect(result.values).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
  }
});

test("several kommuner and none asked for: none is taken, and the summary says which there are", () => {
  const text = v2([
    ["N00914", "2380", 2023, { T: 81.6 }],
    ["N00914", "0180", 2023, { T: 79.9, K: 78, M: 80 }],
  ]);
  const read = readKolada([file(text)], null);
  expect(read.municipality).toBeNull();
  expect(read.values).toEqual([]);
  expect(read.otherValues).toBe(4);
  const notes = koladaSummary(read, matchKolada([figure("N1", "N00914")], read, 2024), 2024, "sv").notes;
  expect(notes.join("\n")).toContain("Filen har värden för flera kommuner (2380, 0180)");
  // Asked for: that kommun's, the other's three values counted.
  const asked = readKolada([file(text)], "0180");
  expect(asked.values.map((v) => v.value)).toEqual([79.9, 78, 80]);
  expect(asked.otherValues).toBe(1);
  // Asked for one the file does not have.
  const absent = readKolada([file(text)], "2381");
  expect(absent.values).toEqual([]);
  const said = koladaSummary(absent, matchKolada([], absent, 2024), 2024, "sv").notes;
  expect(said).toContain("Kommunen 2381 finns inte i filen (den har 2380, 0180). Inga nyckeltal fylldes i.");
});

test("Kolada's entries alone (a list, without the answer around it) are read too", () => {
  const text =
    '[{"kpi": "N01951", "municipality": "2380", "period": 2023, "values": [{"gender": "T", "value": 65005}]}]';
  const read = readKolada([file(text)], null);
  expect(read.problems).toEqual([]);
  expect(read.values).toEqual([{ kpi: "N01951", year: 2023, gender: "T", value: 65005 }]);
});

test("a string with escapes and members in another order are read as JSON says", () => {
  const text =
    '{"values": [{"values": [{"value": 7, "gender": "T"}], "period": 2023, "municipality": "2380", "kpi": "N\\u0030001"}]}';
  const read = readKolada([file(text)], null);
  expect(read.values).toEqual([{ kpi: "N0001", year: 2023, gender: "T", value: 7 }]);
});

test("the bundled example for the Östersund plan is read without problems", async () => {
  const example = path.join(__dirname, "..", "examples", "ostersund-kolada.json");
  const read = readKolada([file(await fs.readFile(example, "utf8"))], "2380");
  expect(read.problems).toEqual([]);
  const match = matchKolada([figure("N1", "N01951"), figure("N2", "N00914"), figure("N4", "N31001")], read, 2024);
  expect(match.outcomes.get("N01951")?.year).toBe(2024);
  expect(match.outcomes.get("N00914")).toMatchObject({ year: 2023, missingYears: [2024] });
  expect(match.notInFile.map((k) => k.koladaId)).toEqual(["N31001"]);
});

test("every cut of a file, and bytes that are no Kolada file, read without a throw and keep only whole values", () => {
  const text = v2([
    ["N00914", "2380", 2022, { T: 80, K: 79, M: 81 }],
    ["N00914", "0180", 2022, { T: 70 }],
    ["N01951", "2380", "2023", { T: 65005 }],
  ]).replace('"N01951"', '"N\\u00301951"');
  const whole = readKolada([file(text)], "2380").values;
  for (let end = 0; end <= text.length; end++) {
    const read = readKolada([file(text.slice(0, end))], "2380");
    // A cut file gives a prefix of the whole file's values, never a value the file does not have.
    expect(whole.slice(0, read.values.length)).toEqual(read.values);
    if (end < text.length) expect(read.problems.length).toBeGreaterThan(0);
  }
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = '{}[]",:;\n0123456789.-eE truefalsnkpimuyvg\\TKM';
  for (let i = 0; i < 300; i++) {
    const junk = Array.from({ length: next() % 200 }, () => alphabet[next() % alphabet.length]).join("");
    expect(() => readKolada([file(`{"values":[${junk}`), file(junk, "x.csv")], null)).not.toThrow();
  }
});

test("a CSV headed in Swedish, in another order and without a gender column, gives totals", () => {
  const text = "År\tVärde\tKommun\tNyckeltal\n2023\t81,6\t2380\tn00914\n2024\t..\t2380\tN00914\n";
  const read = readKolada([file(text, "kolada.txt")], null);
  expect(read.problems).toEqual([]);
  expect(read.values).toEqual([
    { kpi: "N00914", year: 2023, gender: "T", value: 81.6 },
    { kpi: "N00914", year: 2024, gender: "T", value: null },
  ]);
  const header = readKolada([file("Ansvar;Belopp\n1100;5", "utfall.csv")], null).problems;
  expect(header).toEqual([{ file: "utfall.csv", line: 1, kind: "header-missing", text: "Ansvar;Belopp" }]);
});
