import Ajv from "ajv";
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, main } from "../src/cli/main";
import { mappingProblems } from "../src/domain/mapping";
import { DEFAULT_LEVELS, Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { planToJson } from "../src/domain/summary";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { libModule, packageModulesAfter } from "./support/loadedModules";
import mappingSchema from "../docs/schemas/mapping.schema.json";
import outputSchema from "../docs/schemas/validate-output.schema.json";

const EXAMPLES = path.join(__dirname, "..", "examples");
const example = (name: string) => path.join(EXAMPLES, `${name}.xlsx`);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A template-layout plan with one defect: an uppdrag linked to a goal name that is off by one letter. */
async function brokenPlan(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Mål").addRows([
    ["ID", "Nivå", "Namn", "Överordnat", "Nämnd"],
    ["M1", "Kommunövergripande mål", "Näringsliv och tillväxt", null, null],
  ]);
  workbook.addWorksheet("Uppdrag").addRows([
    ["ID", "Uppdrag", "Mål", "Ansvarig nämnd", "År"],
    ["U1", "Förbättra kvinnors förutsättningar för företagande i kommunen.", "Näringsliv och tilväxt", "KS", 2024],
  ]);
  workbook.addWorksheet("Ramjusteringar").addRows([
    ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Uppdrag"],
    ["R1", "KS", 2024, "1.200", "Ramökning", "U1"],
  ]);
  const file = path.join(dir, "trasig.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("maltavlan validate", () => {
  test("a valid plan exits 0 and prints the summary per nämnd in tkr", async () => {
    const { code, out } = await run("validate", example("ostersund-2024-klistrad"));
    expect(code).toBe(EXIT_OK);
    expect(out).toContain("0 fel, 0 varningar, 1 upplysning.");
    // The example's sheet about itself is said to be not read, under "Ej läst" as well.
    expect(out).toMatch(/INFO\s+Om exemplet!A1\s+Bladet läses inte/);
    expect(out).toMatch(
      /Ej läst: 14 ifyllda celler \(beskrivande text 8, avsnitt som inte läses \(nyckeltal\) 2, blad som inte läses 4\)/,
    );
    expect(out).toMatch(/KS Kommunstyrelsen\s+3\s+250\stkr\s+0\stkr\s+250\stkr/);
    expect(out).toMatch(/SAN Social- och arbetsmarknadsnämnden\s+2\s+1\s200\stkr\s+1\s200\stkr\s+0\stkr/);
  });

  test("findings print as FEL Sheet!Cell message, errors first, and exit 1", async () => {
    const { code, out } = await run("validate", await brokenPlan());
    expect(code).toBe(EXIT_FINDINGS);
    const lines = out.split("\n").filter((l) => /^(FEL|VARNING)/.test(l));
    expect(lines).toEqual([
      expect.stringMatching(
        /^FEL\s+Uppdrag!C2\s+Målet "Näringsliv och tilväxt" finns inte i planen\. Menade du "Näringsliv och tillväxt"\?/,
      ),
      expect.stringMatching(
        /^FEL\s+Ramjusteringar!D2\s+Beloppet "1\.200" kan läsas på två sätt: som 1\s200 tkr eller som 1,2 tkr\./,
      ),
    ]);
    expect(out).toContain("2 fel, 0 varningar.");
  });

  test("--lang en gives the English messages", async () => {
    const { out } = await run("validate", await brokenPlan(), "--lang", "en");
    expect(out).toMatch(/^ERROR\s+Uppdrag!C2\s+The goal "Näringsliv och tilväxt" is not in the plan\./m);
  });

  test.each(["ostersund-2024-mall", "kiruna-2020-fri"])(
    "--json output of %s follows the published schema",
    async (name) => {
      const { code, out } = await run("validate", example(name), "--json");
      expect(code).toBe(EXIT_OK);
      const json = JSON.parse(out);
      const validate = new Ajv({ allErrors: true }).compile(outputSchema);
      expect(validate.errors ?? validate(json)).toBe(true);
      expect(json.plan.assignments.length).toBeGreaterThan(0);
    },
  );

  test("--json gives the budgets with their cells and the ram reconciliation, and follows the schema", async () => {
    const corpus = (name: string) => path.join(__dirname, "corpus", `${name}.xlsx`);
    const ramBlock = JSON.parse((await run("validate", corpus("sjobo-2024-ramblock"), "--json")).out);
    const validate = new Ajv({ allErrors: true }).compile(outputSchema);
    expect(validate(ramBlock) || validate.errors).toBe(true);
    expect(ramBlock.plan.budgets.map((b: { year: number; amountTkr: number; source: string }) => b.source)).toEqual([
      "Ramförändringar!C10",
      "Ramförändringar!D10",
      "Ramförändringar!E10",
      "Ramförändringar!F10",
    ]);
    expect(ramBlock.reconciliation.map((y: { year: number; addsUp: boolean }) => [y.year, y.addsUp])).toEqual([
      [2024, true],
      [2025, true],
      [2026, true],
      [2027, true],
    ]);
    const table = JSON.parse((await run("validate", corpus("sjobo-2025-driftbudget"), "--json")).out);
    expect(validate(table) || validate.errors).toBe(true);
    expect(table.plan.budgets).toContainEqual(
      expect.objectContaining({ year: 2025, amountTkr: 108600, kind: "frame", source: "Driftbudget!E11" }),
    );
    const text = await run("validate", corpus("sjobo-2024-ramblock"));
    expect(text.out).toMatch(/Ramavstämning\s+År\s+Ram förra året/);
    const english = await run("validate", corpus("sjobo-2024-ramblock"), "--lang", "en");
    expect(english.out).toMatch(/Frame reconciliation\s+Year/);
    expect(english.out).not.toMatch(/Ramavstämning|Stämmer/);
  });

  test("--json findings carry rule, sheet, cell and the Swedish message, and follow the schema", async () => {
    const { code, out } = await run("validate", await brokenPlan(), "--json");
    expect(code).toBe(EXIT_FINDINGS);
    const json = JSON.parse(out);
    expect(new Ajv().compile(outputSchema)(json)).toBe(true);
    expect(
      json.findings.map((f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`),
    ).toEqual(["unknown-goal Uppdrag!C2", "amount-ambiguous Ramjusteringar!D2"]);
    // Nothing that failed is guessed into the plan: the ambiguous amount is not a ramjustering.
    expect(json.plan.adjustments).toEqual([]);
  });

  test("--json writes the plan's enums in the schema's words, not the code's", () => {
    const plan: Plan = {
      years: [2025],
      levels: DEFAULT_LEVELS,
      goals: [],
      keyFigures: [],
      budgets: [],
      investments: [],
      committees: [
        { code: "KS", name: "Kommunstyrelsen", kind: "committee" },
        { code: "EAB", name: "Energi AB", kind: "company" },
      ],
      assignments: (["council", "committee"] as const).map((origin, i) => ({
        id: `U${i}`,
        title: `Uppdrag ${i}`,
        clarification: null,
        goalIds: [],
        committees: ["KS"],
        origin,
        year: 2025,
      })),
      adjustments: (["permanent", "temporary", null] as const).map((duration, i) => ({
        id: `R${i}`,
        committee: "KS",
        year: 2025,
        amountOre: 100_000,
        direction: "increase",
        duration,
        assignmentId: null,
        description: null,
        isIndex: false,
      })),
    };
    const json = planToJson(plan);
    expect(json.committees.map((c) => c.kind)).toEqual(["namnd", "bolag"]);
    expect(json.assignments.map((a) => a.origin)).toEqual(["fullmaktige", "namnd"]);
    expect(json.adjustments.map((a) => a.duration)).toEqual(["varaktig", "tillfallig", null]);
    expect(new Ajv().compile(outputSchema)({ findings: [], unread: [], reconciliation: [], plan: json })).toBe(true);
  });

  test("a mapping file overrides detection for a sheet whose headers are not recognised", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addRows([
      ["Kolumn 1", "Kolumn 2", "Kolumn 3"],
      ["KS-1", "Ta fram en klimatbudget.", "KS"],
    ]);
    const file = path.join(dir, "okand.xlsx");
    await workbook.xlsx.writeFile(file);
    const mapping = path.join(dir, "koppling.json");
    await fs.writeFile(
      mapping,
      JSON.stringify({
        sheets: { Blad1: { kind: "assignment", headerRow: 1, columns: { A: "id", B: "name", C: "committee" } } },
      }),
    );
    const without = JSON.parse((await run("validate", file, "--json")).out);
    expect(without.plan.assignments).toEqual([]);
    const { code, out } = await run("validate", file, "--json", "--mapping", mapping);
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out).plan.assignments).toEqual([
      {
        id: "KS-1",
        title: "Ta fram en klimatbudget.",
        clarification: null,
        goalIds: [],
        committees: ["KS"],
        origin: "fullmaktige",
        year: null,
      },
    ]);
  });

  test.each([
    [["validate", "finns-inte.xlsx"], /^maltavlan: Filen finns inte/],
    [["validate"], /^maltavlan: Ange planens arbetsbok/],
    [["validate", "x.xlsx", "--okand"], /^maltavlan: Okänd flagga: --okand/],
    [["rita"], /^maltavlan: Okänt kommando: rita/],
  ])("unusable input %j exits 2 with one Swedish line", async (args, message) => {
    const { code, err } = await run(...args);
    expect(code).toBe(EXIT_UNUSABLE);
    expect(err).toMatch(message);
    expect(err.split("\n")).toHaveLength(1);
  });

  test("--lang en: a missing file and a file that is no workbook are told in English, the same line in Swedish without", async () => {
    const missing = path.join(dir, "finns-inte.xlsx");
    const text = path.join(dir, "text.xlsx");
    await fs.writeFile(text, "Nämnd;Belopp\nKS;250\n");
    expect(await run("validate", missing, "--lang", "en")).toEqual({
      code: EXIT_UNUSABLE,
      out: "",
      err: `maltavlan: The file does not exist: ${missing}`,
    });
    expect((await run("validate", text, "--lang", "en")).err).toBe(
      `maltavlan: The file is not an Excel workbook (.xlsx): ${text} (it is a text file, such as CSV)`,
    );
    expect((await run("validate", text)).err).toBe(
      `maltavlan: Filen är inte en Excel-arbetsbok (.xlsx): ${text} (det är en textfil, till exempel CSV)`,
    );
  });

  test("the installed command says a file error in English with --lang en", async () => {
    const bin = path.join(__dirname, "..", "bin", "maltavlan.js");
    const missing = path.join(dir, "saknas.xlsx");
    const result = await promisify(execFile)("node", [bin, "validate", missing, "--lang", "en"]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result).toMatchObject({ code: EXIT_UNUSABLE, stderr: `maltavlan: The file does not exist: ${missing}\n` });
  });

  test("a broken mapping file exits 2 and says what is wrong", async () => {
    const mapping = path.join(dir, "fel.json");
    await fs.writeFile(mapping, JSON.stringify({ sheets: { Uppdrag: { kind: "uppdrag", columns: { A: "titel" } } } }));
    const { code, err } = await run("validate", example("kiruna-2020-fri"), "--mapping", mapping);
    expect(code).toBe(EXIT_UNUSABLE);
    expect(err).toContain(`Bladet "Uppdrag": "kind" ska vara en av`);
    expect(err).toContain(`kolumn A: okänt fält "titel"`);
  });

  test("generate's summary follows --lang: the count, the table's header and where the sheets were saved", async () => {
    const split = path.join(dir, "split-en");
    const written = await run(
      "generate",
      example("kiruna-2020-fri"),
      ...["--period", "T1", "--year", "2024", "--split", split, "--lang", "en"],
    );
    const created = (await fs.readdir(split)).length;
    expect(written.out).toContain(`Created ${created} follow-up sheets.`);
    expect(written.out).toMatch(
      /^Sheet\s+Goals\s+Assignments\s+Frame adjustments\s+Key figures\s+Removed\s+Kept answers/m,
    );
    expect(written.out).toContain(`Saved in ${split}: `);
    expect(written.out).not.toMatch(/Skapade|Sparat i|Ramjusteringar|Sparade svar/);
    const swedish = await run(
      "generate",
      example("kiruna-2020-fri"),
      ...["--period", "T1", "--year", "2024", "--split", path.join(dir, "split-sv")],
    );
    expect(swedish.out).toContain(`Skapade ${created} uppföljningsblad.`);
    expect(swedish.out).toMatch(/^Blad\s+Mål\s+Uppdrag\s+Ramjusteringar\s+Nyckeltal\s+Utgår\s+Sparade svar/m);
  });

  test("with --lang en, a command called wrongly says so in English, parse errors included", async () => {
    const unknown = await run("validate", example("kiruna-2020-fri"), "--lang", "en", "--bogus");
    expect(unknown.code).toBe(EXIT_UNUSABLE);
    expect(unknown.err).toContain("Unknown flag: --bogus. See maltavlan --help.");
    const noYear = await run("generate", example("kiruna-2020-fri"), "--period", "T1", "--out", "x.xlsx", "--lang=en");
    expect(noYear.code).toBe(EXIT_UNUSABLE);
    expect(noYear.err).toContain("Give the year with --year, e.g. --year 2025.");
    expect(`${unknown.err}${noYear.err}`).not.toMatch(/Okänd|Ange/);
    const swedish = await run("validate", example("kiruna-2020-fri"), "--bogus");
    expect(swedish.err).toContain("Okänd flagga: --bogus. Se maltavlan --help.");
  });

  test("--help says every command and flag in the language of --lang, the same flags in both", async () => {
    const sv = await run("--help");
    const en = await run("--help", "--lang", "en");
    expect([sv.code, en.code]).toEqual([EXIT_OK, EXIT_OK]);
    expect(sv.out).toMatch(/^Användning:/);
    expect(en.out).toMatch(/^Usage:/);
    expect(en.out).not.toMatch(/Användning|Kommandon|Läser|Skapar|Slutkoder/);
    const flags = (text: string) => [...new Set(text.match(/--[a-z-]+/g))].sort();
    expect(flags(en.out)).toEqual(flags(sv.out));
  });

  test("generate and consolidate refuse an unknown --period and a --year that is not four digits alike", async () => {
    const plan = example("kiruna-2020-fri");
    for (const command of ["generate", "consolidate"]) {
      const out = path.join(dir, `${command}-never.xlsx`);
      const period = await run(command, plan, "--period", "T9", "--year", "2025", "--out", out);
      expect([period.code, period.err]).toEqual([
        EXIT_UNUSABLE,
        expect.stringContaining("--period: T1, Delår, Helår."),
      ]);
      const year = await run(command, plan, "--period", "T1", "--year", "25", "--out", out);
      expect([year.code, year.err]).toEqual([EXIT_UNUSABLE, expect.stringContaining("Ange året med --year")]);
    }
  });

  test("with --lang en, a broken mapping file is explained in English", async () => {
    const mapping = path.join(dir, "broken.json");
    await fs.writeFile(mapping, JSON.stringify({ sheets: { Uppdrag: { kind: "uppdrag", level: 3 } }, år: [2025] }));
    const { code, err } = await run("validate", example("kiruna-2020-fri"), "--mapping", mapping, "--lang", "en");
    expect(code).toBe(EXIT_UNUSABLE);
    expect(err).toContain(
      `The mapping file ${mapping} cannot be used: Unknown key "år" (allowed: sheets, years, previousRamHoldsTemporary).`,
    );
    expect(err).toContain(`Sheet "Uppdrag": "kind" must be one of`);
    expect(err).toContain(`Sheet "Uppdrag": "level" must be text.`);
    expect(err).not.toMatch(/Bladet|okänd|ska vara/);
  });

  test("the installed command runs without a stack trace on a corrupt file", async () => {
    const file = path.join(dir, "trasig-fil.xlsx");
    await fs.writeFile(file, "Nämnd;Belopp\nKS;250\n");
    const bin = path.join(__dirname, "..", "bin", "maltavlan.js");
    const result = await promisify(execFile)("node", [bin, "validate", file]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(EXIT_UNUSABLE);
    expect(result.stderr).toMatch(/^maltavlan: Filen är inte en Excel-arbetsbok/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("the installed command stops quietly when what reads its output stops early (| head)", async () => {
    const workbook = new ExcelJS.Workbook();
    const rows = Array.from({ length: 3000 }, (_, i) => [`Uppdrag ${i + 1}`, "Okänd nämnd", 2025]);
    workbook.addWorksheet("Uppdrag").addRows([["Uppdrag", "Ansvarig nämnd", "År"], ...rows]);
    workbook.addWorksheet("Nämnder").addRows([
      ["Förkortning", "Namn"],
      ["KS", "Kommunstyrelsen"],
    ]);
    const file = path.join(dir, "manga-fel.xlsx");
    await workbook.xlsx.writeFile(file);
    const bin = path.join(__dirname, "..", "bin", "maltavlan.js");
    // 3 000 lines are more than a pipe holds, so the command is still writing when head has gone.
    const { stdout, stderr } = await promisify(execFile)("sh", ["-c", `node "${bin}" validate "${file}" | head -1`]);
    expect(stdout).toMatch(/^FEL\s+Uppdrag!B2\s/);
    expect(stderr).toBe("");
  });

  test("loads no ExcelJS, which only writing needs (the CLI build, lib/): a run that writes does", () => {
    const run = `require(${JSON.stringify(libModule("cli", "main.js"))}).main(process.argv.slice(1), { out() {}, err() {} })`;
    expect(packageModulesAfter("exceljs", run, ["validate", example("ostersund-2024-mall")])).toEqual({
      answer: 0,
      modules: 0,
    });
    const written = packageModulesAfter("exceljs", run, ["template", path.join(dir, "mall-exceljs.xlsx")]);
    expect(written.answer).toBe(0);
    expect(written.modules).toBeGreaterThan(0);
  });
});

describe("maltavlan template", () => {
  test("writes the empty template: reads back as an empty plan, with its dropdowns pointing at the lists", async () => {
    const file = path.join(dir, "mall.xlsx");
    expect((await run("template", file)).code).toBe(EXIT_OK);
    const { grids } = await readWorkbookFile(file);
    expect(grids.map((g) => g.sheet)).toEqual([
      "Nämnder",
      "Mål",
      "Uppdrag",
      "Ramjusteringar",
      "Nyckeltal",
      "Inställningar",
      "Måltavlan listor",
    ]);
    const { plan, findings, sheets } = readPlan(grids);
    expect(findings).toEqual([]);
    expect(plan.goals).toEqual([]);
    expect(sheets.filter((s) => s.layout === "table").map((s) => s.kind)).toEqual([
      "committee",
      "goal",
      "assignment",
      "adjustment",
      "keyFigure",
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const level = workbook.getWorksheet("Mål")!.getCell("B2").dataValidation;
    expect(level).toMatchObject({ type: "list", formulae: ["'Måltavlan listor'!$A$3:$A$6"] });
    const lists = workbook.getWorksheet("Måltavlan listor")!;
    expect(lists.state).toBe("hidden");
    expect([3, 4, 5, 6].map((r) => lists.getCell(`A${r}`).value)).toEqual([
      "Vision",
      "Strategiskt område",
      "Kommunövergripande mål",
      "Nämndmål",
    ]);
    const duration = workbook.getWorksheet("Ramjusteringar")!.getCell("F500").dataValidation;
    const [, column, from, to] = /\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)/.exec(String(duration.formulae?.[0]))!;
    expect([Number(from), Number(to)].map((r) => lists.getCell(`${column}${r}`).value)).toEqual([
      "Varaktig",
      "Tillfällig",
    ]);
  });

  test("a template filled in as an economist would reads into the plan", async () => {
    const file = path.join(dir, "mall-ifylld.xlsx");
    await run("template", file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet("Nämnder")!.addRow(["KS", "Kommunstyrelsen", "Nämnd"]);
    workbook.getWorksheet("Mål")!.addRow(["M1", "Kommunövergripande mål", "Näringsliv och tillväxt"]);
    workbook
      .getWorksheet("Uppdrag")!
      .addRow([
        "U1",
        "Förbättra kvinnors förutsättningar för företagande i kommunen.",
        null,
        "M1",
        "KS",
        "Fullmäktige",
        2024,
      ]);
    workbook.getWorksheet("Ramjusteringar")!.addRow(["R1", "KS", 2024, 250, "Ramökning", "Tillfällig", "U1"]);
    workbook.getWorksheet("Inställningar")!.getCell("B2").value = 2024;
    await workbook.xlsx.writeFile(file);
    const { plan, findings } = readPlan((await readWorkbookFile(file)).grids);
    expect(findings).toEqual([]);
    expect(plan.years).toEqual([2024]);
    expect(plan.adjustments).toEqual([
      {
        id: "R1",
        committee: "KS",
        year: 2024,
        amountOre: 25_000_000,
        direction: "increase",
        duration: "temporary",
        assignmentId: "U1",
        description: null,
        isIndex: false,
      },
    ]);
  });
});

describe("the mapping schema and mappingProblems agree", () => {
  const samples: unknown[] = [
    {},
    { years: [2025, 2026] },
    { years: ["2025"] },
    { sheets: { Blad1: { kind: "goal", headerRow: 3, level: "namndmal", columns: { A: "id", B: "name" } } } },
    { sheets: { Blad1: { kind: "pasted" } } },
    { sheets: { Blad1: { kind: "uppdrag" } } },
    { sheets: { Blad1: { headerRow: 2 } } },
    { sheets: { Blad1: { kind: "goal", headerRow: 0 } } },
    { sheets: { Blad1: { kind: "goal", columns: { a1: "id" } } } },
    { sheets: { Blad1: { kind: "goal", columns: { A: "titel" } } } },
    { sheets: { Blad1: { kind: "goal", columns: { A: "ignore" } } } },
    { sheets: { Blad1: { kind: "adjustment", amountUnit: "mnkr" } } },
    { sheets: { Blad1: { kind: "adjustment", amountUnit: "euro" } } },
    { sheets: { Blad1: { kind: "goal", extra: true } } },
    { sheet: {} },
    [],
  ];
  const schema = new Ajv().compile(mappingSchema);
  test.each(samples.map((s) => [JSON.stringify(s), s]))("%s", (_, sample) => {
    expect(mappingProblems(sample).length === 0).toBe(schema(sample));
  });
});
