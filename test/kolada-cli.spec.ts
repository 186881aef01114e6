/**
 * `generate --kolada`, end to end on the Östersund example and its bundled Kolada file: the Utfall of each nyckeltal
 * with a Kolada ID filled in the sheets generate writes, the year and source beside it, read back with ExcelJS;
 * consolidation reads the figures as answers; a figure the nämnd typed is never replaced.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { EXAMPLES, cli, editWorkbook, tempDir } from "./support/workbooks";
import { readSettings } from "../src/domain/state";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "../src/cli/main";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const KOLADA = path.join(EXAMPLES, "ostersund-kolada.json");

let dir: string;
beforeAll(async () => {
  dir = await tempDir("kolada");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The nyckeltal rows of a written sheet by key: Kolada-ID (C), Utfall (F), Enhet (G), Kommentar (H). */
async function keyFigureRows(file: string, name?: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = name ? workbook.getWorksheet(name)! : workbook.worksheets.find((ws) => ws.state === "visible")!;
  const rows = new Map<string, { kolada: unknown; utfall: unknown; enhet: unknown; row: number }>();
  sheet.eachRow((row, r) => {
    const key = String(row.getCell(1).value ?? "");
    if (key.startsWith("keyFigure|")) {
      rows.set(key, {
        kolada: row.getCell(3).value,
        utfall: row.getCell(6).value,
        enhet: row.getCell(7).value,
        row: r,
      });
    }
  });
  return { workbook, sheet, rows };
}

test("generate --kolada fills Utfall with the latest year's figure and says the year and source beside it", async () => {
  const split = path.join(dir, "helar");
  const { code, out } = await cli(
    "generate",
    PLAN,
    "--period",
    "Helår",
    "--year",
    "2024",
    "--split",
    split,
    "--kolada",
    KOLADA,
  );
  expect(code).toBe(EXIT_OK);
  expect(out).toContain("Nyckeltal ur Kolada: ostersund-kolada.json, kommun 2380");
  expect(out).toMatch(/Invånare totalt, antal\s+N01951\s+2024\s+65\u00a0230/);
  expect(out).toContain("N00914: 2024 saknar värde ännu, 2023 används");
  expect(out).toContain("Finns inte i filen: N31001 Kostnad ekonomiskt bistånd, kr/inv");

  const { rows } = await keyFigureRows(path.join(split, "KS-Helår-2024.xlsx"));
  expect(rows.get("keyFigure|N1")).toMatchObject({
    kolada: "N01951",
    utfall: 65230,
    enhet: "antal\nKälla: Kolada 2024",
  });
  expect(rows.get("keyFigure|N2")).toMatchObject({ utfall: 81.6, enhet: "%\nKälla: Kolada 2023" });
  expect(rows.get("keyFigure|N3")).toMatchObject({ utfall: 3185, enhet: "antal\nKälla: Kolada 2023" });
  // Without a Kolada ID, or with one the file does not have: nothing filled, nothing labelled.
  expect(rows.get("keyFigure|N5")).toMatchObject({ kolada: null, utfall: null, enhet: "%" });
  const social = await keyFigureRows(path.join(split, "SAN-Helår-2024.xlsx"));
  expect(social.rows.get("keyFigure|N4")).toMatchObject({ kolada: "N31001", utfall: null, enhet: "kr/inv" });

  // Consolidation reads the figures back as the nämnd's answers, without a finding on the rows.
  const report = path.join(dir, "rapport.xlsx");
  const consolidated = await cli(
    "consolidate",
    PLAN,
    ...(await fs.readdir(split)).map((f) => path.join(split, f)),
    "--out",
    report,
    "--period",
    "Helår",
    "--year",
    "2024",
    "--json",
  );
  expect(consolidated.code).toBe(EXIT_OK);
  const json = JSON.parse(consolidated.out) as {
    committees: { code: string; answered: boolean; keyFigures: { answered: number; total: number } }[];
    findings: { cell: string; sheet: string }[];
  };
  expect(json.committees.find((c) => c.code === "KS")?.keyFigures).toEqual({ answered: 3, total: 4 });
  // Kolada's figures are no nämnd's answer: nobody typed anything, so nobody has answered.
  expect(json.committees.filter((c) => c.answered)).toEqual([]);
  const ksRows = [...rows.values()].map((r) => `F${r.row}`);
  expect(json.findings.filter((f) => f.sheet === "KS Helår 2024" && ksRows.includes(f.cell))).toEqual([]);

  // A regeneration without the file keeps the figures (they are answers now); one the nämnd typed stands.
  const returned = path.join(dir, "KS-svar.xlsx");
  const ks = await keyFigureRows(path.join(split, "KS-Helår-2024.xlsx"));
  ks.sheet.getCell(`F${ks.rows.get("keyFigure|N2")!.row}`).value = 80;
  await ks.workbook.xlsx.writeFile(returned);
  const again = path.join(dir, "igen");
  const regenerated = await cli(
    "generate",
    PLAN,
    "--period",
    "Helår",
    "--year",
    "2024",
    "--split",
    again,
    "--answers",
    returned,
    "--kolada",
    KOLADA,
  );
  expect(regenerated.code).toBe(EXIT_OK);
  expect(regenerated.out).toContain(
    "Nämnden har skrivit utfallet 80; Kolada säger 81,6 för 2023. Nämndens siffra står kvar och Koladas står bredvid.",
  );
  const kept = await keyFigureRows(path.join(again, "KS-Helår-2024.xlsx"));
  expect(kept.rows.get("keyFigure|N2")).toMatchObject({ utfall: 80, enhet: "%\nKolada 2023: 81,6" });
  expect(kept.rows.get("keyFigure|N1")).toMatchObject({ utfall: 65230, enhet: "antal\nKälla: Kolada 2024" });
});

test("a file of several kommuner needs the kommun; a bad line is said at its line and ends with code 1", async () => {
  const csv = path.join(dir, "flera.csv");
  await fs.writeFile(
    csv,
    "kpi;municipality;year;gender;value\nN01951;2380;2023;T;65005\nN01951;0180;2023;T;984748\nN00914;2380;år;T;1\n",
  );
  const open = await cli(
    "generate",
    PLAN,
    "--period",
    "T1",
    "--year",
    "2024",
    "--split",
    path.join(dir, "a"),
    "--kolada",
    csv,
  );
  expect(open.out).toContain("Filen har värden för flera kommuner (2380, 0180)");
  expect(open.out).toContain("flera.csv rad 4: året går inte att läsa: N00914;2380;år;T;1");
  expect(open.code).toBe(EXIT_FINDINGS);
  const { rows } = await keyFigureRows(path.join(dir, "a", "KS-T1-2024.xlsx"));
  expect(rows.get("keyFigure|N1")?.utfall).toBeNull();

  const chosen = await cli(
    "generate",
    PLAN,
    "--period",
    "T1",
    "--year",
    "2024",
    "--split",
    path.join(dir, "b"),
    "--kolada",
    csv,
    "--kolada-kommun",
    "2380",
    "--lang",
    "en",
  );
  expect(chosen.out).toContain("Values of other municipalities skipped: 1");
  expect((await keyFigureRows(path.join(dir, "b", "KS-T1-2024.xlsx"))).rows.get("keyFigure|N1")).toMatchObject({
    utfall: 65005,
    enhet: "antal\nKälla: Kolada 2023",
  });

  // The kommun is kept in the state the sheets carry, so the next import needs no --kolada-kommun.
  const state = readSettings((await readWorkbookFile(path.join(dir, "b", "KS-T1-2024.xlsx"))).grids);
  expect(state.koladaMunicipality).toBe("2380");

  const wrong = await cli(
    "generate",
    PLAN,
    "--period",
    "T1",
    "--year",
    "2024",
    "--split",
    path.join(dir, "c"),
    "--kolada",
    csv,
    "--kolada-kommun",
    "Östersund",
  );
  expect(wrong.code).toBe(EXIT_UNUSABLE);
  expect(wrong.err).toContain("--kolada-kommun ska vara kommunens Kolada-ID, fyra siffror som 2380, inte Östersund.");
});

test("Kolada's figures stay Kolada's through a regeneration without the file: the nämnd has still not answered", async () => {
  const period = ["--period", "Helår", "--year", "2024"];
  const master = path.join(dir, "master-kolada.xlsx");
  expect((await cli("generate", PLAN, ...period, "--out", master, "--kolada", KOLADA)).code).toBe(EXIT_OK);
  // The finance office regenerates the master (to take in a return, say) without giving the Kolada file again.
  const again = path.join(dir, "master-igen.xlsx");
  const regenerated = await cli("generate", master, ...period, "--out", again);
  expect(regenerated.code).toBe(EXIT_OK);
  // Its summary counts no answer kept for KS: the figures are Kolada's.
  expect(regenerated.out).toMatch(/^KS Helår 2024(\s+\d+){5}\s+0$/m);
  const ks = await keyFigureRows(again, "KS Helår 2024");
  // Still said to be Kolada's, with the year each came from, as the first sheet said; a nyckeltal without one, nothing.
  expect(ks.rows.get("keyFigure|N1")).toMatchObject({ utfall: 65230, enhet: "antal\nKälla: Kolada 2024" });
  expect(ks.rows.get("keyFigure|N2")).toMatchObject({ utfall: 81.6, enhet: "%\nKälla: Kolada 2023" });
  expect(ks.rows.get("keyFigure|N5")).toMatchObject({ utfall: null, enhet: "%" });

  // A sheet written before the years were kept says the source without a year rather than nothing.
  const older = path.join(dir, "master-utan-år.xlsx");
  await editWorkbook(master, (workbook) => {
    const meta = workbook.getWorksheet("KS Helår 2024")!.getCell("A2");
    const { koladaYears, ...before } = JSON.parse(String(meta.value)) as { koladaYears?: unknown };
    expect(koladaYears).toBeDefined();
    meta.value = JSON.stringify(before);
  });
  expect((await cli("generate", master, ...period, "--out", older)).code).toBe(EXIT_OK);
  const fromOlder = await keyFigureRows(older, "KS Helår 2024");
  expect(fromOlder.rows.get("keyFigure|N1")).toMatchObject({ utfall: 65230, enhet: "antal\nKälla: Kolada" });

  const report = path.join(dir, "rapport-kolada.xlsx");
  const consolidated = await cli("consolidate", again, ...period, "--out", report, "--json");
  expect(consolidated.code).toBe(EXIT_OK);
  const json = JSON.parse(consolidated.out) as {
    committees: { code: string; answered: boolean; keyFigures: { answered: number } }[];
  };
  const ksFigures = json.committees.find((c) => c.code === "KS")!;
  expect([ksFigures.answered, ksFigures.keyFigures.answered]).toEqual([false, 3]);
});
