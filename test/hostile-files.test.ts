/**
 * Broken and unusual files through the CLI (issue #6).
 *
 * Broken: a truncated .xlsx, a .csv and a .docx renamed .xlsx, random bytes, an empty file, a password-to-open
 * workbook and a folder — in every place a command reads a workbook. Each gives exit 2 and one line of Swedish on
 * stderr, no stack trace, and nothing written.
 *
 * Valid but unusual: protected sheets, 200 000 rows, a value at XFD1048576, hidden rows and sheets.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { promisify } from "util";
import { readPlan } from "../src/domain/readPlan";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { encryptWorkbook } from "./hostile-support";
import { EXAMPLES, cli, tempDir } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await tempDir("hostile-files");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Deterministic noise that starts with neither "PK" (zip) nor the OLE magic. */
function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes[0] = 0x9c;
  return bytes;
}

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file("_rels/.rels", "<Relationships/>");
  zip.file(
    "word/document.xml",
    "<w:document><w:body><w:p><w:r><w:t>Mål och budget</w:t></w:r></w:p></w:body></w:document>",
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

interface Broken {
  name: string;
  /** Creates the broken input at `file` (a file, or a folder). */
  make: (file: string) => Promise<void>;
  message: RegExp;
}

const BROKEN: Broken[] = [
  {
    name: "a truncated .xlsx (half of it)",
    make: async (file) => fs.writeFile(file, (await fs.readFile(PLAN)).subarray(0, 8000)),
    message: /^maltavlan: Filen är skadad eller ofullständig och kan inte läsas: .*\.xlsx$/,
  },
  {
    name: "a truncated .xlsx (its last bytes missing)",
    make: async (file) => {
      const data = await fs.readFile(PLAN);
      await fs.writeFile(file, data.subarray(0, data.length - 30));
    },
    message: /^maltavlan: Filen är skadad eller ofullständig och kan inte läsas: /,
  },
  {
    name: "a .csv renamed .xlsx",
    make: (file) => fs.writeFile(file, "Uppdrag;Ansvarig nämnd;Belopp (tkr)\nFörbättra företagsklimatet;KS;250\n"),
    message: /^maltavlan: Filen är inte en Excel-arbetsbok \(\.xlsx\): .* \(det är en textfil, till exempel CSV\)$/,
  },
  {
    name: "a .docx renamed .xlsx",
    make: async (file) => fs.writeFile(file, await docx()),
    message: /^maltavlan: Filen är inte en Excel-arbetsbok \(\.xlsx\): .* \(det är ett Word-dokument\)$/,
  },
  {
    name: "random bytes",
    make: (file) => fs.writeFile(file, noise(20_000)),
    message: /^maltavlan: Filen är inte en Excel-arbetsbok \(\.xlsx\): /,
  },
  {
    name: "an empty file",
    make: (file) => fs.writeFile(file, Buffer.alloc(0)),
    message: /^maltavlan: Filen är inte en Excel-arbetsbok \(\.xlsx\): .* \(filen är tom\)$/,
  },
  {
    name: "an encrypted (password-to-open) workbook",
    make: async (file) => fs.writeFile(file, encryptWorkbook(await fs.readFile(PLAN), "hemligt")),
    message: /^maltavlan: Arbetsboken är lösenordsskyddad \(krypterad\) och kan inte läsas: /,
  },
  {
    name: "a folder",
    make: async (file) => {
      await fs.mkdir(file);
      await fs.writeFile(path.join(file, "inne.txt"), "hej");
    },
    message: /^maltavlan: Sökvägen är en mapp, inte en fil: /,
  },
];

/** Exit 2, one line of Swedish on stderr, no stack trace, nothing of a JavaScript error. */
function expectUnusable(result: { code: number; out: string; err: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.err.split("\n")).toHaveLength(1);
  expect(result.err).toMatch(message);
  expect(result.err + result.out).not.toMatch(/\n\s+at |Error:|ENOENT|EISDIR|undefined|\[object/);
}

/** The folder and file names a command may write; none may exist afterwards. */
async function nothingWritten(targets: string[]): Promise<void> {
  for (const target of targets) expect({ target, exists: existsSync(target) }).toEqual({ target, exists: false });
}

describe.each(BROKEN)("$name", ({ name, make, message }) => {
  let broken: string;
  let work: string;
  beforeAll(async () => {
    work = path.join(dir, name.replace(/[^a-z]+/gi, "-"));
    await fs.mkdir(work);
    broken = path.join(work, "plan.xlsx");
    await make(broken);
  });

  const period = ["--period", "T1", "--year", "2024"];

  test("validate", async () => {
    expectUnusable(await cli("validate", broken), message);
    expectUnusable(await cli("validate", broken, "--json"), message);
  });

  test("generate --out and --split, with it as the plan", async () => {
    const out = path.join(work, "huvudfil.xlsx");
    const split = path.join(work, "split");
    expectUnusable(await cli("generate", broken, ...period, "--out", out), message);
    expectUnusable(await cli("generate", broken, ...period, "--split", split), message);
    await nothingWritten([out, split]);
  });

  test("generate, with it as a returned file (--answers)", async () => {
    const out = path.join(work, "huvudfil-svar.xlsx");
    const split = path.join(work, "split-svar");
    expectUnusable(await cli("generate", PLAN, ...period, "--out", out, "--answers", broken), message);
    expectUnusable(await cli("generate", PLAN, ...period, "--split", split, "--answers", broken), message);
    await nothingWritten([out, split]);
  });

  test("consolidate, with it as the master or as a returned file", async () => {
    const report = path.join(work, "rapport.xlsx");
    expectUnusable(await cli("consolidate", broken, "--out", report), message);
    expectUnusable(await cli("consolidate", PLAN, broken, "--out", report, "--json"), message);
    await nothingWritten([report]);
  });
});

describe("the installed command", () => {
  const bin = path.join(__dirname, "..", "bin", "maltavlan.js");
  test.each(BROKEN)("$name: exit 2 and one Swedish line on the real stderr", async ({ name, make, message }) => {
    if (!existsSync(path.join(__dirname, "..", "lib", "cli", "main.js")))
      throw new Error("lib/ is missing: run `npm run build:cli` (npm ci does it)");
    const work = path.join(dir, `bin-${name.replace(/[^a-z]+/gi, "-")}`);
    await fs.mkdir(work);
    const broken = path.join(work, "plan.xlsx");
    await make(broken);
    const report = path.join(work, "rapport.xlsx");
    // consolidate reads a good master first, then the broken return: the path where a report could be half-written.
    for (const args of [["consolidate", PLAN, broken, "--out", report]]) {
      const result = await promisify(execFile)("node", [bin, ...args]).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code).toBe(2);
      const stderr = result.stderr.replace(/\n$/, "");
      expect(stderr.split("\n")).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    await nothingWritten([report]);
  });
});

describe("an output the CLI cannot write", () => {
  test.each([
    [
      "generate --out into a folder that does not exist",
      ["generate", PLAN, "--period", "T1", "--year", "2024", "--out"],
      "saknas/huvudfil.xlsx",
      /^maltavlan: Filen kan inte skrivas \(mappen finns inte\): /,
    ],
    [
      "generate --split below a file",
      ["generate", PLAN, "--period", "T1", "--year", "2024", "--split"],
      "fil.txt/split",
      /^maltavlan: Mappen kan inte skapas: /,
    ],
    [
      "consolidate --out into a folder that does not exist",
      ["consolidate", PLAN, "--out"],
      "saknas/rapport.xlsx",
      /^maltavlan: Filen kan inte skrivas \(mappen finns inte\): /,
    ],
  ])("%s: exit 2, one Swedish line, nothing left behind", async (_, args, target, message) => {
    const work = await tempDir("hostile-out");
    await fs.writeFile(path.join(work, "fil.txt"), "hej");
    const before = await fs.readdir(work);
    expectUnusable(await cli(...args, path.join(work, target)), message);
    expect(await fs.readdir(work)).toEqual(before);
    await fs.rm(work, { recursive: true, force: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Valid but unusual

describe("protected sheets", () => {
  test("a plan whose every sheet is protected with a password is read as usual", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(PLAN);
    // One password hash for every sheet, as Måltavlan writes them (ExcelJS spins SHA-512 100 000 times per hash).
    const [first, ...others] = workbook.worksheets as (ExcelJS.Worksheet & { sheetProtection: object })[];
    await first.protect("hemligt", { selectLockedCells: true });
    for (const sheet of others) sheet.sheetProtection = { ...first.sheetProtection };
    const protectedPlan = path.join(dir, "skyddad.xlsx");
    await workbook.xlsx.writeFile(protectedPlan);
    // The file really is protected, sheet by sheet.
    const xml = await (
      await JSZip.loadAsync(await fs.readFile(protectedPlan))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);

    const plain = await cli("validate", PLAN, "--json");
    const guarded = await cli("validate", protectedPlan, "--json");
    expect(guarded.code).toBe(0);
    expect(JSON.parse(guarded.out)).toEqual(JSON.parse(plain.out));
    const split = path.join(dir, "skyddad-split");
    expect((await cli("generate", protectedPlan, "--period", "T1", "--year", "2024", "--split", split)).code).toBe(0);
  });
});

describe("a plan of 200 000 rows", () => {
  test("validates, within 1.5 GB of memory", async () => {
    const file = path.join(dir, "stor.xlsx");
    const committees = ["KS", "BUN", "SN", "VoN", "TN", "SBN", "KFN", "MHN", "AMN", "GVN"];
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const add = (name: string, rows: (string | number | null)[][]) => {
      const sheet = writer.addWorksheet(name);
      for (const row of rows) sheet.addRow(row).commit();
      return sheet;
    };
    add("Nämnder", [["Förkortning", "Namn", "Typ"], ...committees.map((c) => [c, `Nämnden ${c}`, "Nämnd"])]).commit();
    add("Mål", [
      ["ID", "Nivå", "Namn", "Överordnat", "Nämnd"],
      ["V1", "Vision", "Kommunen växer hållbart", null, null],
      ["M1", "Kommunövergripande mål", "Näringsliv och tillväxt", "V1", null],
      ["M2", "Kommunövergripande mål", "Klimat och miljö", "V1", null],
    ]).commit();
    const ASSIGNMENTS = 150_000;
    const ADJUSTMENTS = 50_000;
    const uppdrag = add("Uppdrag", [["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"]]);
    for (let i = 1; i <= ASSIGNMENTS; i++) {
      const committee = committees[i % committees.length];
      uppdrag
        .addRow([
          `U${i}`,
          `Uppdrag nummer ${i} om verksamheten`,
          null,
          i % 2 ? "M1" : "M2",
          committee,
          "Fullmäktige",
          2025,
        ])
        .commit();
    }
    uppdrag.commit();
    const ramar = add("Ramjusteringar", [["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag"]]);
    for (let i = 1; i <= ADJUSTMENTS; i++) {
      const committee = committees[i % committees.length];
      ramar.addRow([`R${i}`, committee, 2025, 100 + (i % 900), "Ramökning", "Tillfällig", `U${i}`]).commit();
    }
    ramar.commit();
    add("Inställningar", [
      ["Budgetår", 2025],
      ["Planår", "2026, 2027"],
    ]).commit();
    await writer.commit();

    // In a process of its own (Jest's worker holds other tests' garbage), with V8's heap capped at 1.5 GB: a run that
    // needed more would die of it. The heap used is also sampled, as the bound's measure.
    const libMain = path.join(__dirname, "..", "lib", "cli", "main.js");
    if (!existsSync(libMain)) throw new Error("lib/ is missing: run `npm run build:cli` (npm ci does it)");
    const script = `
      const { main } = require(${JSON.stringify(libMain)});
      let peak = 0;
      const sample = () => { peak = Math.max(peak, process.memoryUsage().heapUsed); };
      const timer = setInterval(sample, 5);
      main(process.argv.slice(1), {
        out: (t) => process.stdout.write(t + "\\n"),
        err: (t) => process.stderr.write(t + "\\n"),
      }).then((code) => {
        clearInterval(timer);
        sample();
        process.stderr.write("PEAK_HEAP " + peak + "\\n");
        process.exitCode = code;
      });`;
    const result = await promisify(execFile)("node", ["--max-old-space-size=1536", "-e", script, "validate", file], {
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    const peakHeap = Number(/PEAK_HEAP (\d+)/.exec(result.stderr)?.[1]);
    expect(result.stderr.replace(/PEAK_HEAP \d+\n/, "")).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("stor.xlsx: 0 fel, 0 varningar.");
    expect(result.stdout).toMatch(/KS Nämnden KS\s+15000\s/);
    expect(peakHeap).toBeGreaterThan(0);
    expect(peakHeap).toBeLessThan(1.5 * 1024 ** 3);
  }, 300_000);
});

describe("a value at XFD1048576, the last cell of a sheet", () => {
  test("alone: read as a grid of one cell", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Uppdrag").getCell("XFD1048576").value = "Långt bort";
    const file = path.join(dir, "sista-cellen.xlsx");
    await workbook.xlsx.writeFile(file);
    const [grid] = (await readWorkbookFile(file)).grids;
    expect({ top: grid.top, left: grid.left, values: grid.values }).toEqual({
      top: 1_048_575,
      left: 16_383,
      values: [["Långt bort"]],
    });
    expect((await cli("validate", file)).code).toBe(0);
  });

  test("beside a table at A1: rows end at their last value, no empty grid of 17 billion cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Uppdrag");
    sheet.addRows([
      ["ID", "Uppdrag", "Ansvarig nämnd", "År"],
      ["U1", "Förbättra kvinnors förutsättningar för företagande.", "KS", 2024],
    ]);
    sheet.getCell("XFD1048576").value = "Långt bort";
    const file = path.join(dir, "tabell-och-sista-cellen.xlsx");
    await workbook.xlsx.writeFile(file);
    const [grid] = (await readWorkbookFile(file)).grids;
    expect([grid.top, grid.left, grid.values.length]).toEqual([0, 0, 1_048_576]);
    const stored = grid.values.reduce((n, row) => n + row.length, 0);
    expect(stored).toBeLessThan(16_384 + 10);
    expect(grid.values[1]).toEqual(["U1", "Förbättra kvinnors förutsättningar för företagande.", "KS", 2024]);
    expect(grid.values.at(-1)!.at(-1)).toBe("Långt bort");
    const { plan, findings } = readPlan([grid]);
    expect(findings).toEqual([]);
    expect(plan.assignments.map((a) => [a.id, a.committees])).toEqual([["U1", ["KS"]]]);
    const result = await cli("validate", file);
    expect(result.code).toBe(0);
  }, 60_000);
});

describe("hidden rows and hidden sheets", () => {
  async function planWith(edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Nämnder").addRows([
      ["Förkortning", "Namn", "Typ"],
      ["KS", "Kommunstyrelsen", "Nämnd"],
      ["TN", "Tekniska nämnden", "Nämnd"],
    ]);
    workbook.addWorksheet("Uppdrag").addRows([
      ["ID", "Uppdrag", "Ansvarig nämnd", "År"],
      ["U1", "Förbättra kvinnors förutsättningar för företagande.", "KS", 2024],
      ["U2", "Ta fram en plan för fossilfria fordon.", "TN", 2024],
      ["U3", "Se över taxorna.", "TN", 2024],
    ]);
    workbook.addWorksheet("Ramjusteringar").addRows([
      ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Uppdrag"],
      ["R1", "KS", 2024, 250, "Ramökning", "U1"],
    ]);
    edit(workbook);
    const file = path.join(dir, `dolt-${Math.random().toString(36).slice(2)}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  async function validate(file: string) {
    const result = await cli("validate", file, "--json");
    const json = JSON.parse(result.out) as {
      findings: { severity: string; rule: string; sheet: string; cell: string; message: string }[];
      plan: { assignments: { id: string }[]; adjustments: { id: string }[] };
      unread: { sheet: string; cell: string; text: string; reason: string; cells: number }[];
    };
    return { code: result.code, ...json };
  }

  test("nothing hidden: no finding", async () => {
    const { code, findings } = await validate(await planWith(() => undefined));
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });

  test("hidden rows that give uppdrag are read, and one warning says so at the first of them", async () => {
    const file = await planWith((w) => {
      w.getWorksheet("Uppdrag")!.getRow(3).hidden = true;
      w.getWorksheet("Uppdrag")!.getRow(4).hidden = true;
    });
    const { code, findings, plan } = await validate(file);
    expect(code).toBe(0);
    expect(plan.assignments.map((a) => a.id)).toEqual(["U1", "U2", "U3"]);
    expect(findings).toEqual([
      {
        severity: "warning",
        rule: "hidden-content",
        sheet: "Uppdrag",
        cell: "A3",
        message:
          "2 dolda rader på bladet läses in i planen, den första här. Visa raderna och kontrollera att de ska vara med, eller ta bort dem.",
      },
    ]);
    const english = JSON.parse((await cli("validate", file, "--json", "--lang", "en")).out);
    expect(english.findings[0].message).toBe(
      "2 hidden rows on the sheet are read into the plan, the first here. Unhide them and check that they belong there, or remove them.",
    );
  });

  test("hidden rows that give nothing (blank, or a title above the header) are no finding", async () => {
    const file = await planWith((w) => {
      const sheet = w.getWorksheet("Ramjusteringar")!;
      sheet.spliceRows(1, 0, ["Ramjusteringar 2024"], []);
      sheet.getRow(1).hidden = true;
      sheet.getRow(2).hidden = true;
      sheet.getRow(10).hidden = true;
    });
    const { findings, plan } = await validate(file);
    expect(plan.adjustments.map((a) => a.id)).toEqual(["R1"]);
    expect(findings).toEqual([]);
  });

  test("a hidden sheet with ramjusteringar is read, and one warning names it", async () => {
    const file = await planWith((w) => {
      w.getWorksheet("Ramjusteringar")!.state = "hidden";
    });
    const { code, findings, plan } = await validate(file);
    expect(code).toBe(0);
    expect(plan.adjustments.map((a) => a.id)).toEqual(["R1"]);
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      "warning hidden-content Ramjusteringar!A2",
    ]);
    expect(findings[0].message).toBe(
      "Bladet är dolt men läses in i planen (1 rad). Visa bladet och kontrollera att innehållet ska vara med, eller ta bort det.",
    );
  });

  test("a hidden sheet that gives the plan nothing is no warning; a very hidden one is not read, and both say so", async () => {
    const file = await planWith((w) => {
      const notes = w.addWorksheet("Anteckningar");
      notes.addRows([["Att göra"], ["Ringa ekonomen"]]);
      notes.state = "hidden";
      const secret = w.addWorksheet("Gamla uppdrag");
      secret.addRows([
        ["ID", "Uppdrag", "Ansvarig nämnd", "År"],
        ["U9", "Ett uppdrag från förr.", "KS", 2024],
      ]);
      secret.state = "veryHidden";
    });
    const { findings, plan, unread } = await validate(file);
    expect(findings.map(({ severity, rule, sheet }) => [severity, rule, sheet])).toEqual([
      ["info", "sheet-not-read", "Anteckningar"],
      ["info", "sheet-not-read", "Gamla uppdrag"],
    ]);
    expect(findings[1].message).toContain("helt dolt");
    expect(unread).toEqual([
      { sheet: "Anteckningar", cell: "A1:A2", text: "Att göra", reason: "sheet", cells: 2 },
      { sheet: "Gamla uppdrag", cell: "A1:D2", text: "ID", reason: "sheet", cells: 8 },
    ]);
    expect(plan.assignments.map((a) => a.id)).toEqual(["U1", "U2", "U3"]);
  });

  test("the warning does not stop generate", async () => {
    const file = await planWith((w) => {
      w.getWorksheet("Uppdrag")!.getRow(2).hidden = true;
    });
    const split = path.join(dir, "dolt-split");
    const result = await cli("generate", file, "--period", "T1", "--year", "2024", "--split", split);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/VARNING\s+Uppdrag!A2\s+1 dold rad på bladet läses in i planen/);
  });
});
