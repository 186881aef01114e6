import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { cli, tempDir } from "./support/workbooks";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "../src/cli/main";
import { importLedger } from "../src/domain/ledger/import";
import { readLedgerSettings } from "../src/domain/ledger/settings";
import { Committee } from "../src/domain/model";
import { readLedgerBytes, sniffDelimiter } from "../src/hosts/ledger/readLedger";

const PLAN = path.join(__dirname, "..", "examples", "ostersund-2024-mall.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await tempDir("ledger");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const COMMITTEES: Committee[] = [
  { code: "KS", name: "Kommunstyrelsen", kind: "committee" },
  { code: "SAN", name: "Social- och arbetsmarknadsnämnden", kind: "committee" },
  { code: "VoN", name: "Vård- och omsorgsnämnden", kind: "committee" },
];
const SETTINGS = readLedgerSettings(
  [
    {
      sheet: "Inställningar",
      top: 0,
      left: 0,
      values: [
        ["Ansvar", "Nämnd"],
        ["1*", "KS"],
        ["2000-2999", "Social- och arbetsmarknadsnämnden"],
        ["3100", "VoN"],
        [null, null],
        ["Konto som inte räknas", "Benämning"],
        ["3811", "Kommunbidrag"],
      ],
    },
  ],
  COMMITTEES,
);

/** An export as a Windows financial system writes it: ; separated, decimal comma, Swedish names. */
const CSV_LINES = [
  "Ansvarskod;Ansvarsnamn;Period;Konto;Belopp",
  "1100;Kommunledningskontoret;202401;4010;1 234,56",
  "2100;Socialnämnden – stab;202402;4010;2 000,00",
  "2100;Socialnämnden – stab;202402;3010;-500,50",
  "3100;Äldreomsorg Östersund;202403;5010;10 000",
  "1100;Kommunledningskontoret;202404;3811;-99 000,00",
  "9100;Överförmyndare, gemensam;202404;4010;42,42",
];
// KS 1 234,56 · SAN 1 499,50 · VoN 10 000 · left out −99 000 · unmapped 9100 42,42
const EXPECTED = { KS: 123_456, SAN: 149_950, VoN: 1_000_000 };

/** Windows-1252 bytes of text whose characters all lie in Latin-1 (å, ä, ö, Ö) or are the en dash. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch === "–" ? 0x96 : ch.charCodeAt(0))));
}

const UTF8 = new TextEncoder();

describe("reading an export's bytes", () => {
  const text = CSV_LINES.join("\r\n") + "\r\n";
  const variants: [string, Uint8Array, string][] = [
    ["UTF-8", UTF8.encode(text), "utf-8"],
    ["UTF-8 with a byte-order mark", Uint8Array.from([0xef, 0xbb, 0xbf, ...UTF8.encode(text)]), "utf-8"],
    ["Windows-1252", windows1252(text), "windows-1252"],
    ["UTF-16 with a byte-order mark", new Uint8Array(Buffer.from(`\ufeff${text}`, "utf16le")), "utf-16le"],
  ];

  test.each(variants)("%s: the same rows, names with å/ä/ö intact, the same sums", async (_, bytes, encoding) => {
    const read = await readLedgerBytes(bytes, "utfall.csv");
    expect(read.encoding).toBe(encoding);
    const rows = read.grids[0].values;
    expect(rows[0][0]).toBe("Ansvarskod"); // no byte-order mark left in front
    expect(rows[2][1]).toBe("Socialnämnden – stab");
    expect(rows[4][1]).toBe("Äldreomsorg Östersund");
    const result = importLedger(read.grids, SETTINGS, ["KS", "SAN", "VoN"]);
    if (!result.ok) throw new Error("header not found");
    expect(Object.fromEntries(result.outcomes)).toEqual(EXPECTED);
    expect(result.unmapped).toEqual([{ code: "9100", name: "Överförmyndare, gemensam", ore: 4_242, rows: 1 }]);
    expect(result.totals.ore).toBe(123_456 + 149_950 + 1_000_000 - 9_900_000 + 4_242);
  });

  test("an .xlsx export written by ExcelJS, amounts as numbers, gives the same sums", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Utfall");
    sheet.addRows([
      ["Huvudbok, utfall per ansvar"],
      [],
      ["Ansvar", "Benämning", "Månad", "Kontonr", "Netto"],
      ...CSV_LINES.slice(1).map((line) => {
        const [code, name, period, account, amount] = line.split(";");
        return [Number(code), name, period, Number(account), Number(amount.replace(/ /g, "").replace(",", "."))];
      }),
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readLedgerBytes(bytes, "utfall.xlsx");
    expect(read.encoding).toBe("xlsx");
    const result = importLedger(read.grids, SETTINGS, ["KS", "SAN", "VoN"]);
    if (!result.ok) throw new Error("header not found");
    expect(result.headerRow).toBe(3);
    expect(Object.fromEntries(result.outcomes)).toEqual(EXPECTED);
  });

  test("the delimiter is the one on most lines; a decimal comma does not make it a comma", () => {
    expect(sniffDelimiter("Ansvar;Belopp\n1100;12,50\n1200;1,5")).toBe(";");
    expect(sniffDelimiter("Ansvar\tBelopp\n1100\t12,50")).toBe("\t");
    expect(sniffDelimiter('Ansvar,Belopp\n1100,"12,50"')).toBe(",");
  });
});

describe("maltavlan generate --utfall", () => {
  /** The Östersund example with the ledger's tables added to its settings sheet. */
  async function planWithLedgerTables(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(PLAN);
    workbook
      .getWorksheet("Inställningar")!
      .addRows([
        [],
        ["Ansvar", "Nämnd"],
        ["1*", "KS"],
        ["2000-2999", "Social- och arbetsmarknadsnämnden"],
        ["3100", "VoN"],
        [],
        ["Konto som inte räknas", "Benämning"],
        ["3811", "Kommunbidrag"],
      ]);
    const file = path.join(dir, "plan.xlsx");
    await workbook.xlsx.writeFile(file);
    return file;
  }

  let plan: string;
  beforeAll(async () => {
    plan = await planWithLedgerTables();
  });

  const generate = (utfall: string, out: string, ...rest: string[]) =>
    cli(
      "generate",
      plan,
      "--period",
      "T1",
      "--year",
      "2024",
      "--split",
      path.join(dir, out),
      "--utfall",
      utfall,
      ...rest,
    );

  test("prints the sums per nämnd, the unmapped code and the totals, and leaves the export as it was", async () => {
    const csv = path.join(dir, "utfall.csv");
    const bytes = windows1252(CSV_LINES.join("\r\n"));
    await fs.writeFile(csv, bytes);
    const { code, out, err } = await generate(csv, "ut1");
    expect(err).toBe("");
    expect(code).toBe(EXIT_OK);
    expect(out).toContain(
      "Utfall ur utfall.csv (Windows-1252, rubrikrad 1: Ansvar A, Ansvarsnamn B, Period C, Konto D, Belopp E)",
    );
    expect(out).toMatch(/KS Kommunstyrelsen\s+1\s+1\u00A0234,56/);
    expect(out).toMatch(/SAN Social- och arbetsmarknadsnämnden\s+2\s+1\u00A0499,5\b/);
    expect(out).toMatch(/VoN Vård- och omsorgsnämnden\s+1\s+10\u00A0000/);
    expect(out).toMatch(/1 ansvar hör inte till någon nämnd/);
    expect(out).toMatch(/9100 Överförmyndare, gemensam\s+1\s+42,42/);
    expect(out).toMatch(/3811 Kommunbidrag\s+1\s+\u221299\u00A0000/);
    expect(out).toContain("Hela filen: 6 rader, \u221286\u00A0223,52\u00A0kr");
    expect(out).toContain(
      "= nämnderna 12\u00A0734,06\u00A0kr + utan nämnd 42,42\u00A0kr + konton som inte räknas \u221299\u00A0000\u00A0kr",
    );
    expect(Buffer.compare(await fs.readFile(csv), Buffer.from(bytes))).toBe(0);
    // The figure reaches the nämnd's sheet: the drift row's Utfall hittills, in tkr.
    const files = await fs.readdir(path.join(dir, "ut1"));
    const ks = new ExcelJS.Workbook();
    await ks.xlsx.readFile(
      path.join(
        dir,
        "ut1",
        files.find((name) => name.startsWith("KS"))!,
      ),
    );
    const rows = ks.worksheets.flatMap((sheet) => sheet.getSheetValues());
    const drift = rows.find(
      (row) => Array.isArray(row) && row[2] === "Driftbudget, nettokostnad",
    ) as ExcelJS.CellValue[];
    expect(drift?.[4]).toBeCloseTo(1.23456, 8);
  });

  test("in English with --lang en", async () => {
    const csv = path.join(dir, "utfall-en.csv");
    await fs.writeFile(csv, CSV_LINES.join("\n"));
    const { code, out } = await generate(csv, "ut2", "--lang", "en");
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/KS Kommunstyrelsen\s+1\s+1,234\.56/);
    expect(out).toContain("1 responsibility codes belong to no committee");
    expect(out).toContain("Whole file: 6 rows, -86,223.52\u00A0kr");
  });

  test("a malformed amount is a finding at its cell, its nämnd is marked incomplete, and the exit code is 1", async () => {
    const csv = path.join(dir, "trasig.csv");
    await fs.writeFile(csv, [...CSV_LINES, "1200;Näringsliv;202404;4010;12.500,00"].join("\n"));
    const { code, out } = await generate(csv, "ut3");
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toMatch(/FEL\s+trasig\.csv!E8\s+Beloppet "12\.500,00" kan läsas på två sätt/);
    expect(out).toMatch(/KS Kommunstyrelsen\s+1\s+1\u00A0234,56\s+ofullständigt: 1 belopp går inte att läsa/);
    expect(out).toContain("och 1 rader vars belopp inte går att läsa");
  });

  test("past 50 findings the rest are counted, not listed, and every row is still accounted for", async () => {
    const csv = path.join(dir, "punkter.csv");
    const bad = Array.from({ length: 60 }, (_, i) => `1100;Kommunledningskontoret;202401;4010;1.${100 + i},50`);
    await fs.writeFile(csv, [...CSV_LINES, ...bad].join("\n"));
    const { code, out } = await generate(csv, "ut5");
    expect(code).toBe(EXIT_FINDINGS);
    expect(out.match(/^FEL\s+punkter\.csv!E\d+/gm)).toHaveLength(50);
    expect(out).toContain("… och 10 fynd till i utfallsfilen.");
    expect(out).toContain("och 60 rader vars belopp inte går att läsa");
  });

  test("a missing export is said in one line, exit code 2, before anything is written", async () => {
    const missing = path.join(dir, "finns-inte.csv");
    const { code, err } = await generate(missing, "ut6");
    expect(code).toBe(EXIT_UNUSABLE);
    expect(err).toMatch(/^maltavlan: .*finns-inte\.csv/);
    expect(err.split("\n")).toHaveLength(1);
    await expect(fs.readdir(path.join(dir, "ut6"))).rejects.toThrow();
  });

  test("an export without the columns needed is refused in one line, before anything is written", async () => {
    const csv = path.join(dir, "fel.csv");
    await fs.writeFile(csv, "Datum;Text\n2024-01-01;hej\n");
    const { code, err } = await generate(csv, "ut4");
    expect(code).toBe(EXIT_UNUSABLE);
    expect(err).toBe(
      `maltavlan: Utfallsfilen ${csv} har ingen rubrikrad med Ansvar och Belopp bland de första 30 raderna. Exportera utfallet per ansvar med rubriker (t.ex. Ansvar;Konto;Period;Belopp).`,
    );
    await expect(fs.readdir(path.join(dir, "ut4"))).rejects.toThrow();
  });
});
