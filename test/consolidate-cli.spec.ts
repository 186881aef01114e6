/**
 * What `consolidate` prints: every line of its summary in the language of --lang, and a Word chapter that cannot be
 * saved after the report was: the report kept, what failed said in the user's language, exit 2. The Swedish summary
 * goes through the installed command (bin/maltavlan.js over lib/: `npx tsc -p tsconfig.cli.json` first), for its
 * contract with a shell (stdout, stderr, exit code); the rest run the CLI in-process (test/support/workbooks.ts), as
 * the other CLI tests do, since a process each cost more than the consolidations.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "../src/cli/common";
import { EXAMPLES, cli, editWorkbook, followUpFiles } from "./support/workbooks";

const BIN = path.join(__dirname, "..", "bin", "maltavlan.js");

/** The installed command, as a shell runs it: its exit code and what it wrote to stdout and stderr. */
async function maltavlan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return promisify(execFile)("node", [BIN, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout, err: stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

let dir: string;
let master: string;
/** KS's returned workbook, with one goal assessed. */
let returned: string;
beforeAll(async () => {
  let split: string;
  ({ dir, master, split } = await followUpFiles("summary", path.join(EXAMPLES, "ostersund-2024-mall.xlsx")));
  returned = path.join(split, "KS-T1-2024.xlsx");
  await editWorkbook(returned, (workbook) => {
    let typed = false;
    workbook.worksheets[0].eachRow((row) => {
      if (typed || !String(row.getCell(1).value).startsWith("goal|")) return;
      if (row.getCell(6).protection?.locked !== false) return;
      row.getCell(6).value = "Uppfyllt";
      typed = true;
    });
  });
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Words of the Swedish summary that an English one never has (the nämnder's names are the kommun's own). */
const SWEDISH = /Sammanställning|Nämnd\s|Svar från|inget svar|Ramjusteringar|Prognos|Avvikelse|Saknas|sparad|\u2212/;

describe("the summary", () => {
  test("in Swedish by default: the table per nämnd, amounts as Swedes write them, and where the report went", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const result = await maltavlan("consolidate", master, returned, "--out", out);
    expect([result.code, result.err]).toEqual([EXIT_OK, ""]);
    const lines = result.out.trimEnd().split("\n");
    expect(lines[0]).toBe("Sammanställning T1 2024:");
    expect(lines[1]).toMatch(/^Nämnd\s+Svar från\s+Mål\s+Uppdrag\s+Ramjusteringar\s+Prognos\s+Avvikelse\s+Saknas$/);
    expect(lines).toContainEqual(expect.stringMatching(/^KS Kommunstyrelsen\s+KS-T1-2024\.xlsx\s+1\/3/));
    expect(lines).toContainEqual(expect.stringMatching(/^TN Tekniska nämnden\s+inget svar\s/));
    expect(result.out).toContain("\u22122\u00a0700\u00a0tkr");
    // A nämnd that gave no prognos has none: a dash, not "0 tkr" (which reads as a prognos on budget).
    expect(lines).toContainEqual(expect.stringMatching(/^VoN .*\u22122\u00a0700\u00a0tkr\s+\u2013\s+\u2013\s+\d+$/));
    expect(lines[lines.length - 1]).toBe(`Rapporten är sparad: ${out}`);
  }, 60_000);

  test("--lang en: every line in English, amounts as English writes them", async () => {
    const out = path.join(dir, "report.xlsx");
    const result = await cli("consolidate", master, returned, "--out", out, "--lang", "en");
    expect([result.code, result.err]).toEqual([EXIT_OK, ""]);
    const lines = result.out.trimEnd().split("\n");
    expect(lines[0]).toBe("Consolidation T1 2024:");
    expect(lines[1]).toMatch(
      /^Committee\s+Answer from\s+Goals\s+Assignments\s+Frame adjustments\s+Forecast\s+Deviation\s+Missing$/,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^KS Kommunstyrelsen\s+KS-T1-2024\.xlsx\s+1\/3/));
    expect(lines).toContainEqual(expect.stringMatching(/^TN Tekniska nämnden\s+no answer\s/));
    expect(result.out).toContain("-2,700\u00a0tkr");
    expect(lines[lines.length - 1]).toBe(`The report is saved: ${out}`);
    for (const line of lines) expect([line, SWEDISH.test(line)]).toEqual([line, false]);
  }, 60_000);

  test("a plan with errors: the findings and that nothing was written, in either language", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Mål").addRows([
      ["ID", "Nivå", "Namn", "Överordnat", "Nämnd"],
      ["M1", "Kommunövergripande mål", "Klimat och miljö", null, null],
      ["M2", "Nämndmål", "Mindre utsläpp", "Klimat och miljöö", "KS"],
    ]);
    const plan = path.join(dir, "trasig.xlsx");
    await workbook.xlsx.writeFile(plan);
    const out = path.join(dir, "inget.xlsx");
    const sv = await cli("consolidate", plan, "--out", out);
    expect(sv.code).toBe(EXIT_FINDINGS);
    expect(sv.out.trimEnd()).toMatch(/^trasig\.xlsx: 1 fel, .*Planen har fel; ingen rapport skrevs\.$/m);
    const en = await cli("consolidate", plan, "--out", out, "--lang", "en");
    expect(en.code).toBe(EXIT_FINDINGS);
    expect(en.out.trimEnd()).toMatch(/^trasig\.xlsx: 1 error, .*The plan has errors; no report was written\.$/m);
    await expect(fs.access(out)).rejects.toThrow();
  }, 60_000);
});

describe("a chapter that cannot be saved after the report was", () => {
  /** The report is whole: ExcelJS reads it, with its sheets. */
  async function expectReport(file: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Översikt", "Diagram per mål"]));
  }

  test("a folder that does not exist: the report stays, the failure is named, exit 2", async () => {
    const out = path.join(dir, "med-kapitel.xlsx");
    const chapter = path.join(dir, "saknas", "kapitel.docx");
    const result = await cli("consolidate", master, returned, "--out", out, "--docx", chapter);
    expect(result.code).toBe(EXIT_UNUSABLE);
    await expectReport(out);
    expect(result.err.trimEnd()).toBe(
      `maltavlan: Måluppfyllelsekapitlet kunde inte sparas, men rapporten är sparad (${out}). ` +
        `Filen kan inte skrivas (mappen finns inte): ${chapter}`,
    );
    // The summary as ever, and no word of a chapter saved.
    expect(result.out).toContain(`Rapporten är sparad: ${out}`);
    expect(result.out).not.toContain("kapitlet är sparat");
    expect(await fs.readdir(dir)).not.toContain("saknas");
  }, 60_000);

  test("--lang en --json: a folder that is a file; the JSON says the report and no chapter, stderr why", async () => {
    const out = path.join(dir, "with-chapter.xlsx");
    const chapter = path.join(returned, "chapter.docx");
    const result = await cli("consolidate", master, "--out", out, "--docx", chapter, "--lang", "en", "--json");
    expect(result.code).toBe(EXIT_UNUSABLE);
    await expectReport(out);
    const json = JSON.parse(result.out) as ConsolidateOutput;
    expect([json.report, json.chapter]).toEqual([out, null]);
    expect(result.err.trimEnd()).toBe(
      `maltavlan: The goal attainment chapter could not be saved, but the report is saved (${out}). ` +
        `The file cannot be written (the folder does not exist): ${chapter}`,
    );
  }, 60_000);
});
