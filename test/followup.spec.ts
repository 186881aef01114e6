import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";
import { COL, REMOVED_SECTION } from "../src/domain/followup/model";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { readSettings, stateSheet } from "../src/domain/state";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { EXAMPLES, cli, editWorkbook, rowByKey, tempDir, typeAnswer } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

let dir: string;
beforeEach(async () => {
  dir = await tempDir("followup");
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("generate --split", () => {
  test("writes one workbook per nämnd with its goals, uppdrag, ramjusteringar and nyckeltal", async () => {
    const { code, out } = await cli(
      "generate",
      PLAN,
      "--period",
      "T1",
      "--year",
      "2024",
      "--due",
      "2024-05-15",
      "--split",
      dir,
    );
    expect(code).toBe(0);
    const files = (await fs.readdir(dir)).sort();
    expect(files).toEqual([
      "BUN-T1-2024.xlsx",
      "KFN-T1-2024.xlsx",
      "KS-T1-2024.xlsx",
      "SAN-T1-2024.xlsx",
      "TN-T1-2024.xlsx",
      "VoN-T1-2024.xlsx",
      "ÖH-T1-2024.xlsx",
    ]);
    expect(out).toContain("Skapade 7 uppföljningsblad.");

    const plan = readPlan((await readWorkbookFile(PLAN)).grids).plan;
    const workbook = await open(path.join(dir, "SAN-T1-2024.xlsx"));
    const sheet = workbook.getWorksheet("SAN T1 2024")!;
    expect(sheet.getCell("B1").value).toBe("Uppföljning T1 2024 – Social- och arbetsmarknadsnämnden (SAN)");
    expect(String(sheet.getCell("B2").value)).toContain("Svara senast 2024-05-15");
    // Every uppdrag SAN has – KF's shared one included – and each of its ramjusteringar, by key.
    for (const a of plan.assignments.filter((a) => a.committees.includes("SAN"))) {
      expect(rowByKey(sheet, `assignment|${a.id}`)?.getCell(2).value).toBe(a.title);
    }
    for (const a of plan.adjustments.filter((a) => a.committee === "SAN")) {
      expect(rowByKey(sheet, `adjustment|${a.id}`)?.getCell(5).value).toBe(a.amountOre / 100_000);
    }
    // The shared uppdrag is on each of its nämnder's sheets.
    const shared = plan.assignments.find((a) => a.committees.length > 1)!;
    for (const code of shared.committees) {
      const file = path.join(dir, `${code}-T1-2024.xlsx`);
      const other = (await open(file)).getWorksheet(`${code} T1 2024`)!;
      expect(rowByKey(other, `assignment|${shared.id}`)).toBeDefined();
    }
    // Own sheets travel with the file: the dropdown lists (hidden) and the state (very hidden).
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["SAN T1 2024", "visible"],
      ["Måltavlan listor", "hidden"],
      ["Måltavlan", "veryHidden"],
    ]);
  });

  test("refuses to write over an existing file, and writes nothing when the plan has errors", async () => {
    await cli("generate", PLAN, "--period", "T1", "--year", "2024", "--split", dir);
    const again = await cli("generate", PLAN, "--period", "T1", "--year", "2024", "--split", dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/finns redan och skrivs inte över/);

    const broken = path.join(dir, "trasig.xlsx");
    const workbook = await open(PLAN);
    workbook.getWorksheet("Ramjusteringar")!.getCell("D2").value = "1.200";
    await workbook.xlsx.writeFile(broken);
    const out = path.join(dir, "ut");
    const result = await cli("generate", broken, "--period", "T1", "--year", "2024", "--split", out);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FEL\s+Ramjusteringar!D2/);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe("regenerate without losing a word", () => {
  test("answers typed in returned files survive a changed plan; a removed uppdrag's go under Utgår ur planen", async () => {
    const first = path.join(dir, "forsta");
    await cli("generate", PLAN, "--period", "T1", "--year", "2024", "--split", first);
    const ksFile = path.join(first, "KS-T1-2024.xlsx");
    const plan = readPlan((await readWorkbookFile(PLAN)).grids).plan;
    const ks = plan.assignments.filter((a) => a.committees.includes("KS"));
    const [renamed, removed, kept] = [ks[0], ks[1], ks[2]];
    const goal = plan.goals.find((g) => g.committee === "KS")!;
    const adjustment = plan.adjustments.find((a) => a.committee === "KS")!;
    await editWorkbook(ksFile, (workbook) => {
      const sheet = workbook.getWorksheet("KS T1 2024")!;
      typeAnswer(sheet, `assignment|${renamed.id}`, "Påbörjat", "Kartläggningen är klar, åtgärderna tas fram i höst.");
      typeAnswer(sheet, `assignment|${removed.id}`, "Försenat", "Väntar på beslut i TN.");
      typeAnswer(sheet, `assignment|${kept.id}`, "Genomfört", null);
      typeAnswer(sheet, `goal|${goal.id}`, "Delvis uppfyllt", "=Prognosen bygger på mars månad");
      typeAnswer(sheet, `adjustment|${adjustment.id}`, 180, "Rekrytering senare än planerat.");
    });

    // The economist renames one uppdrag (its ID stays), removes another and adds a new one.
    const changedPlan = path.join(dir, "plan-v2.xlsx");
    const workbook = await open(PLAN);
    const uppdrag = workbook.getWorksheet("Uppdrag")!;
    uppdrag.eachRow((row) => {
      if (row.getCell(1).value === renamed.id) row.getCell(2).value = "Stärk kvinnors företagande i hela kommunen.";
    });
    const removedRow = [...Array(uppdrag.rowCount).keys()]
      .map((i) => uppdrag.getRow(i + 1))
      .find((r) => r.getCell(1).value === removed.id)!;
    uppdrag.spliceRows(removedRow.number, 1);
    uppdrag.addRow(["U99", "Ta fram en plan för sommarjobb.", null, null, "KS", "Nämnd", 2024]);
    await workbook.xlsx.writeFile(changedPlan);

    const second = path.join(dir, "andra");
    const result = await cli(
      "generate",
      changedPlan,
      "--period",
      "T1",
      "--year",
      "2024",
      "--split",
      second,
      "--answers",
      ksFile,
    );
    expect(result.code).toBe(0);
    const sheet = (await open(path.join(second, "KS-T1-2024.xlsx"))).getWorksheet("KS T1 2024")!;
    const answer = (key: string) => {
      const row = rowByKey(sheet, key)!;
      return [row.getCell(COL.title + 1).value, row.getCell(COL.input + 1).value, row.getCell(COL.comment + 1).value];
    };
    expect(answer(`assignment|${renamed.id}`)).toEqual([
      "Stärk kvinnors företagande i hela kommunen.",
      "Påbörjat",
      "Kartläggningen är klar, åtgärderna tas fram i höst.",
    ]);
    expect(answer(`assignment|${kept.id}`)).toEqual([kept.title, "Genomfört", null]);
    expect(answer(`goal|${goal.id}`)).toEqual([goal.name, "Delvis uppfyllt", "=Prognosen bygger på mars månad"]);
    expect(answer(`adjustment|${adjustment.id}`).slice(1)).toEqual([180, "Rekrytering senare än planerat."]);
    expect(answer("assignment|U99")).toEqual(["Ta fram en plan för sommarjobb.", null, null]);
    // The removed uppdrag keeps its row, title and answers below the section heading "Utgår ur planen".
    const removedRowNow = rowByKey(sheet, `assignment|${removed.id}`)!;
    expect(answer(`assignment|${removed.id}`)).toEqual([removed.title, "Försenat", "Väntar på beslut i TN."]);
    let heading = 0;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === REMOVED_SECTION) heading = row.number;
    });
    expect(heading).toBeGreaterThan(0);
    expect(removedRowNow.number).toBeGreaterThan(heading);
  });

  test("the master keeps what was typed into its own follow-up sheets when generated again", async () => {
    const master = path.join(dir, "master.xlsx");
    await cli("generate", PLAN, "--period", "Delår", "--year", "2024", "--out", master);
    const plan = readPlan((await readWorkbookFile(PLAN)).grids).plan;
    const goal = plan.goals.find((g) => g.committee === "TN")!;
    await editWorkbook(master, (workbook) =>
      typeAnswer(workbook.getWorksheet("TN Delår 2024")!, `goal|${goal.id}`, "Uppfyllt", null),
    );
    const master2 = path.join(dir, "master-2.xlsx");
    const result = await cli("generate", master, "--period", "Delår", "--year", "2024", "--out", master2);
    expect(result.code).toBe(0);
    const workbook = await open(master2);
    // Replaced, not duplicated: one TN sheet for the period, and the plan's own sheets untouched.
    expect(workbook.worksheets.filter((w) => w.name.startsWith("TN ")).map((w) => w.name)).toEqual(["TN Delår 2024"]);
    expect(rowByKey(workbook.getWorksheet("TN Delår 2024")!, `goal|${goal.id}`)!.getCell(6).value).toBe("Uppfyllt");
    const { plan: reread, findings } = readPlan((await readWorkbookFile(master2)).grids);
    // Måltavlan's own sheets are neither plan nor "not read"; the example's sheet about itself is not read.
    expect(findings.map(({ severity, rule, sheet }) => [severity, rule, sheet])).toEqual([
      ["info", "sheet-not-read", "Om exemplet"],
    ]);
    expect(reread.assignments).toEqual(plan.assignments);
  });
});

describe("generate --out", () => {
  test("never writes over the input file", async () => {
    const copy = path.join(dir, "plan.xlsx");
    await fs.copyFile(PLAN, copy);
    const before = await fs.readFile(copy);
    const result = await cli("generate", copy, "--period", "T1", "--year", "2024", "--out", copy);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Indatafiler skrivs aldrig över/);
    expect((await fs.readFile(copy)).equals(before)).toBe(true);
  });
});

describe("generate --out on a workbook ExcelJS cannot keep whole", () => {
  test("refuses, names what would be lost, points to --split, and writes nothing", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(PLAN));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const withChart = path.join(dir, "plan-med-diagram.xlsx");
    await fs.writeFile(withChart, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(dir, "master.xlsx");
    const result = await cli("generate", withChart, "--period", "T1", "--year", "2024", "--out", out);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/innehåller diagram, som skulle gå förlorat.*Inget skrevs.*--split/);
    await expect(fs.stat(out)).rejects.toThrow();
    // In English every word, what would be lost too.
    const english = await cli("generate", withChart, "--period", "T1", "--year", "2024", "--out", out, "--lang", "en");
    expect([english.code, english.err]).toEqual([
      2,
      expect.stringMatching(
        /^maltavlan: The workbook holds charts, which would be lost .*Nothing was written.*--split/,
      ),
    ]);
    await expect(fs.stat(out)).rejects.toThrow();
    // The per-nämnd output is still possible.
    expect(
      (await cli("generate", withChart, "--period", "T1", "--year", "2024", "--split", path.join(dir, "split"))).code,
    ).toBe(0);
  });
});

describe("Måltavlan's state travels with the workbook", () => {
  test("the mapping used to generate is saved in the very hidden state sheet and used again without --mapping", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addRows([
      ["Kolumn 1", "Kolumn 2", "Kolumn 3"],
      ["KS-1", "Ta fram en klimatbudget.", "KS"],
    ]);
    const plan = path.join(dir, "okand.xlsx");
    await workbook.xlsx.writeFile(plan);
    const mapping = path.join(dir, "koppling.json");
    await fs.writeFile(
      mapping,
      JSON.stringify({
        sheets: { Blad1: { kind: "assignment", headerRow: 1, columns: { A: "id", B: "name", C: "committee" } } },
      }),
    );
    const master = path.join(dir, "master.xlsx");
    expect(
      (await cli("generate", plan, "--period", "T1", "--year", "2025", "--out", master, "--mapping", mapping)).code,
    ).toBe(0);
    const { out } = await cli("validate", master, "--json");
    expect(JSON.parse(out).plan.assignments.map((a: { id: string }) => a.id)).toEqual(["KS-1"]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(master);
    expect(saved.getWorksheet("Måltavlan")!.state).toBe("veryHidden");
  });
});

describe("a sheet of the user's with the name of one of Måltavlan's", () => {
  test("is never touched: Måltavlan's sheets take other names, recorded in the state, and keep them", async () => {
    const plan = path.join(dir, "plan-med-egna-blad.xlsx");
    const workbook = await open(PLAN);
    workbook.addWorksheet("Måltavlan").addRows([["Mina anteckningar om målen"], ["KS svarar i maj"]]);
    workbook.addWorksheet("måltavlan listor", { state: "hidden" }).addRows([["Egen lista"], ["Ja"], ["Nej"]]);
    await workbook.xlsx.writeFile(plan);
    const userSheets = async (file: string) =>
      (await readWorkbookFile(file)).grids
        .filter((g) => g.sheet === "Måltavlan" || g.sheet === "måltavlan listor")
        .map(({ sheet, values, visibility }) => ({ sheet, values, visibility }));
    const before = await userSheets(plan);
    expect(before).toHaveLength(2);

    const first = path.join(dir, "master.xlsx");
    expect((await cli("generate", plan, "--period", "T1", "--year", "2024", "--out", first)).code).toBe(0);
    expect(await userSheets(first)).toEqual(before);
    const written = await open(first);
    const ownSheets = (book: ExcelJS.Workbook) =>
      book.worksheets.filter((w) => String(w.getCell("A1").value).startsWith("#maltavlan ") && !/T1/.test(w.name));
    expect(ownSheets(written).map((w) => [w.name, w.state])).toEqual([
      ["Måltavlan listor (2)", "hidden"],
      ["Måltavlan (2)", "veryHidden"],
    ]);
    const state = JSON.parse(String(written.getWorksheet("Måltavlan (2)")!.getCell("A2").value));
    expect(state.sheets).toEqual({ lists: "Måltavlan listor (2)", state: "Måltavlan (2)" });
    // The dropdowns point at Måltavlan's lists, not at the user's.
    const ks = written.getWorksheet("KS T1 2024")!;
    const dropdowns: { key: string; source: string }[] = [];
    ks.eachRow((row) => {
      const validation = row.getCell(COL.input + 1).dataValidation;
      if (validation?.type === "list")
        dropdowns.push({ key: String(row.getCell(1).value), source: validation.formulae[0] });
    });
    expect(dropdowns.length).toBeGreaterThan(3);
    for (const { source } of dropdowns) expect(source).toMatch(/^'Måltavlan listor \(2\)'!\$[A-Z]\$3:/);
    const goalKey = dropdowns.find(({ key }) => key.startsWith("goal|"))!.key;

    // The next run finds Måltavlan's sheets under those names, and the user's are still untouched.
    await editWorkbook(first, (book) => typeAnswer(book.getWorksheet("KS T1 2024")!, goalKey, "Uppfyllt", null));
    const second = path.join(dir, "master-2.xlsx");
    expect((await cli("generate", first, "--period", "T1", "--year", "2024", "--out", second)).code).toBe(0);
    expect(await userSheets(second)).toEqual(before);
    const again = await open(second);
    expect(ownSheets(again).map((w) => w.name)).toEqual(["Måltavlan listor (2)", "Måltavlan (2)"]);
    expect(rowByKey(again.getWorksheet("KS T1 2024")!, goalKey)!.getCell(COL.input + 1).value).toBe("Uppfyllt");
  });
});

describe("the state sheet", () => {
  test("settings of any length survive the round trip through cells, spaces at chunk edges included", () => {
    // Long level names with spaces everywhere, so that some 30 000-character chunk ends or starts with a space.
    const levels = Array.from({ length: 400 }, (_, i) => ({
      id: `niva${i}`,
      label: `Nivå ${i} `.repeat(20),
      labelEn: `Level ${i}`,
      names: [` namn ${i} `.repeat(10)],
    }));
    const settings = { ...DEFAULT_SETTINGS, levels };
    const spec = stateSheet(settings);
    const rows = spec.blocks[0].rows.map((row) => row.map((cell) => cell.value as string));
    expect(rows.length).toBeGreaterThan(3);
    // The case that matters is really there: a chunk that begins or ends with a space.
    expect(rows.slice(1).some(([chunk]) => chunk.startsWith(" ") || chunk.endsWith(" "))).toBe(true);
    const grid = { sheet: spec.name, top: 0, left: 0, values: rows };
    expect(readSettings([grid]).levels).toEqual(levels);
  });
});

describe("codes that Excel and file systems cannot take as they are", () => {
  test("'S/N' and 'S:N' are distinct nämnder with distinct sheets and files, and a förtydligande keeps its paragraphs", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Nämnder").addRows([
      ["Förkortning", "Namn", "Typ"],
      ["S/N", "Samhällsnämnden", "Nämnd"],
      ["S:N", "Servicenämnden", "Nämnd"],
    ]);
    workbook.addWorksheet("Uppdrag").addRows([
      ["ID", "Uppdrag", "Förtydligande", "Ansvarig nämnd", "År"],
      ["U1", "Ta fram en plan.", "Första stycket.\n\nAndra stycket.", "S/N", 2025],
      ["U2", "Se över taxorna.", null, "S:N", 2025],
    ]);
    const plan = path.join(dir, "koder.xlsx");
    await workbook.xlsx.writeFile(plan);
    const { plan: read, findings } = readPlan((await readWorkbookFile(plan)).grids);
    expect(findings).toEqual([]);
    expect(read.assignments.map((a) => [a.id, a.committees, a.clarification])).toEqual([
      ["U1", ["S/N"], "Första stycket.\nAndra stycket."],
      ["U2", ["S:N"], null],
    ]);
    const split = path.join(dir, "split");
    expect((await cli("generate", plan, "--period", "T1", "--year", "2025", "--split", split)).code).toBe(0);
    const files = (await fs.readdir(split)).sort();
    expect(files).toHaveLength(2);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(2);
    const names = await Promise.all(files.map(async (f) => (await open(path.join(split, f))).worksheets[0].name));
    expect(names.sort()).toEqual(["S-N (2) T1 2025", "S-N T1 2025"]);
  });
});
