/**
 * Text is data, never syntax (issue #16): no nämnd code, name or plan id can break a row key, pass for the metadata,
 * or become an operator in the report's formulas. Sheets sent out in the first format (ids unescaped in the keys)
 * still consolidate and regenerate without loss.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { promises as fs } from "fs";
import * as path from "path";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { consolidate } from "../src/domain/followup/consolidate";
import { followUpSheets } from "../src/domain/followup/generate";
import { COL, FollowUpKind, parseRowKey, rowKey } from "../src/domain/followup/model";
import { OVERVIEW_SHEET, reportFigures, reportWorkbook } from "../src/domain/followup/report";
import { DEFAULT_LEVELS, Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { writeWorkbookFile } from "../src/hosts/xlsx/write";
import { findingMessage } from "../src/i18n/findings";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { CellValue, Grid } from "../src/sheet/grid";
import { specToGrid } from "./hostile-support";
import { inspectWithLibreOffice, loSheet, requireLibreOffice } from "./support/libreoffice";
import { committeeColumns } from "./support/reportSheets";
import { PLAN_YEAR, writePlanFile } from "./support/plans";
import { cli, editWorkbook, rowByKey, tempDir, typeAnswer } from "./support/workbooks";

const KINDS: FollowUpKind[] = ["goal", "assignment", "adjustment", "keyFigure"];

describe("row keys", () => {
  test("any id comes back from its key exactly, and the key has one bar and nothing a trim would take", () => {
    const id = fc.oneof(
      fc.string({ unit: "binary", minLength: 1 }),
      fc.string({ unit: fc.constantFrom("|", "%", "%7C", "%u00", "a", " ", "\u00a0", "\n", "\ud800"), minLength: 1 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), id, (kind, text) => {
        const key = rowKey(kind, text);
        expect(parseRowKey(key)).toEqual({ kind, id: text });
        expect(key.indexOf("|")).toBe(key.lastIndexOf("|"));
        expect(key.trim()).toBe(key);
      }),
      { seed: 16_2024, numRuns: 2000 },
    );
  });

  test("a key read back gives the same key again, also for ids so long that the key ends in a hash", () => {
    const unit = fc.constantFrom("|", "%", "a", "å", " ", "\ud800", "\ud83d\ude00", "\u00a0");
    const long = fc.string({ unit, minLength: 900, maxLength: 1200 });
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), long, long, (kind, a, b) => {
        const key = rowKey(kind, a);
        const read = parseRowKey(key)!;
        expect(rowKey(read.kind, read.id)).toBe(key);
        expect(key.length).toBeLessThanOrEqual(1000 + kind.length + 1);
        if (a !== b) expect(rowKey(kind, b)).not.toBe(key);
      }),
      { seed: 16_2025, numRuns: 500 },
    );
  });

  test("ids without anything to escape keep the key format 1 wrote, and format 1's keys are read as written", () => {
    expect(rowKey("assignment", "U1")).toBe("assignment|U1");
    expect(rowKey("adjustment", "ram:KS:2024::-300")).toBe("adjustment|ram:KS:2024::-300");
    expect(rowKey("goal", "a|b")).toBe("goal|a%7Cb");
    expect(rowKey("goal", "50%")).toBe("goal|50%25");
    expect(parseRowKey("goal|a|b", 1)).toEqual({ kind: "goal", id: "a|b" });
    expect(parseRowKey("goal|50%41", 1)).toEqual({ kind: "goal", id: "50%41" });
    // Without the metadata, a key that is no escaped id can only be format 1's.
    expect(parseRowKey("goal|a|b")).toEqual({ kind: "goal", id: "a|b" });
    expect(parseRowKey("goal|50%")).toEqual({ kind: "goal", id: "50%" });
    expect(parseRowKey('{"format":2,"committee":"K|S"}')).toBeNull();
  });
});

test("a key too long for a cell ends in the 64-bit FNV-1a hash of the whole id, the hash sheets sent out carry", () => {
  // The hash as format 2 first wrote it, with BigInt: a key already in a returned sheet must be made again exactly.
  const fnv1a64 = (text: string) => {
    let hash = 0xcbf29ce484222325n;
    for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) % 2n ** 64n;
    return hash.toString(16).padStart(16, "0");
  };
  expect(fnv1a64("a")).toBe("af63dc4c8601ec8c"); // the published test vector
  for (const id of ["x".repeat(1001), `${"Å".repeat(600)}${"😀".repeat(300)}ö`, `${"\uffff\u00ff".repeat(700)}~`]) {
    const key = rowKey("goal", id);
    expect([key.length < 1100, key.endsWith(`…#${fnv1a64(id)}`)]).toEqual([true, true]);
  }
});

describe("a bar in nämnd codes, names and ids", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("text-is-data");
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** K|S answers for two uppdrag whose ids hold "|" and "%", and a ramjustering whose derived id holds "K|S". */
  async function barPlan(): Promise<{ master: string; split: string }> {
    const plan = path.join(dir, "plan.xlsx");
    await writePlanFile(plan, {
      committees: [
        { code: "K|S", name: "Kommun|styrelsen" },
        { code: "TN", name: "Tekniska | nämnden" },
      ],
      assignments: [
        { id: "U|1", title: "Ta fram en plan", committees: ["K|S"] },
        { id: "U%41", title: "Se över taxorna", committees: ["K|S"] },
        { id: "U3", title: "Inför e-tjänster", committees: ["TN"] },
      ],
      adjustments: [{ id: null, committee: "K|S", tkr: 250 }],
    });
    const master = path.join(dir, `master-${Math.random().toString(36).slice(2)}.xlsx`);
    const split = path.join(dir, `split-${Math.random().toString(36).slice(2)}`);
    expect((await cli("generate", plan, "--period", "T1", "--year", String(PLAN_YEAR), "--out", master)).code).toBe(0);
    const splitRun = await cli("generate", master, "--period", "T1", "--year", String(PLAN_YEAR), "--split", split);
    expect(splitRun.code).toBe(0);
    return { master, split };
  }

  const KS_FILE = "K_S-T1-2024.xlsx";
  const KS_SHEET = "K|S T1 2024";

  async function consolidateJson(master: string, ...returned: string[]): Promise<ConsolidateOutput> {
    const out = path.join(dir, `rapport-${Math.random().toString(36).slice(2)}.xlsx`);
    const result = await cli("consolidate", master, ...returned, "--out", out, "--json");
    expect(result.err).toBe("");
    return JSON.parse(result.out) as ConsolidateOutput;
  }

  test("found here: an untouched master and return consolidate without findings", async () => {
    const { master, split } = await barPlan();
    const json = await consolidateJson(master, path.join(split, KS_FILE));
    expect(json.findings).toEqual([]);
    expect(json.committees.find((c) => c.code === "K|S")).toMatchObject({
      assignments: { answered: 0, total: 2 },
      adjustmentsTkr: 250,
    });
  });

  test("answers on rows whose ids hold | and % are read and counted", async () => {
    const { master, split } = await barPlan();
    const file = path.join(split, KS_FILE);
    await editWorkbook(file, (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      typeAnswer(sheet, rowKey("assignment", "U|1"), "Genomfört", null);
      typeAnswer(sheet, rowKey("assignment", "U%41"), "Påbörjat", "Upphandling pågår.");
      typeAnswer(sheet, rowKey("adjustment", "ram:K|S:2024::250"), 200, null);
    });
    const json = await consolidateJson(master, file);
    expect(json.findings).toEqual([]);
    expect(json.committees.find((c) => c.code === "K|S")).toMatchObject({
      assignments: { answered: 2, total: 2 },
      statusCounts: expect.objectContaining({ Genomfört: 1, Påbörjat: 1 }),
      forecastTkr: 200,
    });
  });

  /** Rewrites a sheet as format 1 wrote it: every id unescaped in its key, and format 1 in the metadata. */
  function toFormatOne(sheet: ExcelJS.Worksheet): void {
    const meta = JSON.parse(String(sheet.getCell("A2").value));
    sheet.getCell("A2").value = JSON.stringify({ ...meta, format: 1 });
    sheet.eachRow((row) => {
      const key = parseRowKey(String(row.getCell(COL.key + 1).value ?? ""));
      if (key) row.getCell(COL.key + 1).value = `${key.kind}|${key.id}`;
    });
  }

  test("a return in format 1 consolidates and regenerates with every answer", async () => {
    const { master, split } = await barPlan();
    const file = path.join(split, KS_FILE);
    await editWorkbook(file, (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      toFormatOne(sheet);
      expect(rowByKey(sheet, "assignment|U|1")).toBeDefined();
      expect(rowByKey(sheet, "assignment|U%41")).toBeDefined();
      typeAnswer(sheet, "assignment|U|1", "Genomfört", null);
      typeAnswer(sheet, "assignment|U%41", "Försenat", "Väntar på beslut.");
      typeAnswer(sheet, "adjustment|ram:K|S:2024::250", 180, null);
    });
    const json = await consolidateJson(master, file);
    expect(json.findings).toEqual([]);
    expect(json.committees.find((c) => c.code === "K|S")).toMatchObject({
      assignments: { answered: 2, total: 2 },
      statusCounts: expect.objectContaining({ Genomfört: 1, Försenat: 1 }),
      forecastTkr: 180,
    });

    // Regenerated from the master with the return: each answer on its row, under the key this version writes.
    const again = path.join(dir, "again");
    const run = await cli("generate", master, "--period", "T1", "--year", "2024", "--split", again, "--answers", file);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/K\|S T1 2024 +0 +2 +1 +0 +0 +3\n/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(again, KS_FILE));
    const sheet = workbook.getWorksheet(KS_SHEET)!;
    const typed = (key: string) => [COL.input, COL.comment].map((c) => rowByKey(sheet, key)?.getCell(c + 1).value);
    expect(typed(rowKey("assignment", "U|1"))).toEqual(["Genomfört", null]);
    expect(typed(rowKey("assignment", "U%41"))).toEqual(["Försenat", "Väntar på beslut."]);
    expect(typed(rowKey("adjustment", "ram:K|S:2024::250"))).toEqual([180, null]);
  });

  test("a return carrying derived keys as the sheets sent out wrote them consolidates with every answer", async () => {
    const plan = path.join(dir, "derived.xlsx");
    await writePlanFile(plan, {
      committees: [{ code: "KS", name: "Kommunstyrelsen" }],
      goals: [{ id: "", level: "Nämndmål", name: "Fler i arbete", committee: "KS" }],
      assignments: [{ id: null, title: "Ta fram en plan", committees: ["KS"] }],
      adjustments: [{ id: null, committee: "KS", tkr: 250 }],
      keyFigures: [{ id: "", name: "Andel i arbete", goal: "Fler i arbete" }],
    });
    const master = path.join(dir, "derived-master.xlsx");
    const split = path.join(dir, "derived-split");
    const period = ["--period", "T1", "--year", String(PLAN_YEAR)];
    expect((await cli("generate", plan, ...period, "--out", master)).code).toBe(0);
    expect((await cli("generate", master, ...period, "--split", split)).code).toBe(0);
    const file = path.join(split, "KS-T1-2024.xlsx");
    await editWorkbook(file, (w) => {
      const sheet = w.getWorksheet("KS T1 2024")!;
      // Written out by hand, as every sheet sent out so far carries them, not made by the code that makes them now.
      typeAnswer(sheet, "goal|mal:namndmal:fler-i-arbete", "Delvis uppfyllt", "Halvvägs.");
      typeAnswer(sheet, "assignment|uppdrag:ta-fram-en-plan:KS:2024", "Genomfört", null);
      typeAnswer(sheet, "adjustment|ram:KS:2024::250", 200, null);
      typeAnswer(sheet, "keyFigure|nyckeltal:andel-i-arbete", "71 %", null);
    });
    const json = await consolidateJson(master, file);
    expect(json.findings).toEqual([]);
    expect(json.committees.find((c) => c.code === "KS")).toMatchObject({
      goals: { answered: 1, total: 1 },
      assignments: { answered: 1, total: 1 },
      keyFigures: { answered: 1, total: 1 },
      forecastTkr: 200,
      missing: [],
    });
  });
});

describe("the report's counts: codes and statuses that a COUNTIFS criterion would read as operators", () => {
  /** Each hostile code beside the code its operator would match, so a criterion read as syntax counts wrongly. */
  const CODES = ["ÖFN", "BoU", "Kultur & fritid", "KS", "<>KS", "A", ">A", "X", "=X", "*", "?~", "~", "K*S", '"Q"'];

  function hostilePlan(): Plan {
    return {
      years: [PLAN_YEAR],
      levels: DEFAULT_LEVELS,
      committees: CODES.map((code) => ({ code, name: `Nämnden ${code}`, kind: "committee" })),
      goals: [
        { id: "M1", level: "kommunmal", name: "Ett mål", parentIds: [], committee: null, target: null },
        ...CODES.map((code, i) => ({
          id: `NM${i}`,
          level: "namndmal",
          name: `Mål för ${code}`,
          parentIds: ["M1"],
          committee: code,
          target: null,
        })),
      ],
      assignments: CODES.flatMap((code, i) =>
        [0, 1, 2].map((n) => ({
          id: `U${i}-${n}`,
          title: `Uppdrag ${n} till ${code}`,
          clarification: null,
          goalIds: ["M1"],
          committees: [code],
          origin: "council" as const,
          year: PLAN_YEAR,
        })),
      ),
      adjustments: CODES.map((code, i) => ({
        id: `R${i}`,
        committee: code,
        year: PLAN_YEAR,
        amountOre: (100 + i) * 100_000,
        direction: "increase" as const,
        duration: "temporary" as const,
        assignmentId: null,
        description: null,
        isIndex: false,
      })),
      keyFigures: [{ id: "N1", name: "Ett nyckeltal", koladaId: null, goalId: "M1", target: null, unit: null }],
      budgets: [],
      investments: [],
    };
  }

  test("the sheets per nämnd, recalculated by LibreOffice, give the same figures as --json for every nämnd", async () => {
    requireLibreOffice();
    const plan = hostilePlan();
    const period = DEFAULT_SETTINGS.periods[0];
    const sheets = followUpSheets(plan, {
      period,
      year: PLAN_YEAR,
      due: null,
      generatedAt: "2024-04-01T00:00:00Z",
      planName: "plan.xlsx",
      settings: DEFAULT_SETTINGS,
    });
    const grids = sheets.map((s) => specToGrid(s.spec));
    const statuses = DEFAULT_SETTINGS.scales.assignment.map((v) => v.label);
    // Each nämnd answers a different number of its uppdrag, with statuses in a different order, and a prognos.
    grids.forEach((grid, i) => {
      const code = sheets[i].committee.code;
      const c = CODES.indexOf(code);
      type(grid, rowKey("goal", "M1"), i % 2 ? "Uppfyllt" : "Ej uppfyllt", "Så gick det.");
      for (let n = 0; n < c % 4; n++) type(grid, rowKey("assignment", `U${c}-${n}`), statuses[(c + n) % 5], "Text.");
      if (c % 3) type(grid, rowKey("adjustment", `R${c}`), c * 10 + 0.5, null);
      if (c % 2) type(grid, rowKey("keyFigure", "N1"), "Uppfyllt", null); // a utfall is no status
    });
    const consolidation = consolidate(plan, [{ file: "huvudfil.xlsx", grids, modified: null, master: true }], {
      ...DEFAULT_SETTINGS,
    });
    const figures = reportFigures(consolidation, DEFAULT_SETTINGS);
    const dir = await tempDir("report-formulas");
    try {
      const file = path.join(dir, "rapport.xlsx");
      await writeWorkbookFile(
        reportWorkbook(plan, consolidation, DEFAULT_SETTINGS, (f) => findingMessage(f), GOAL_REPORT_WORDS.sv),
        file,
      );
      const workbook = await inspectWithLibreOffice(file);
      const overview = loSheet(workbook, OVERVIEW_SHEET);
      const at = (row: number, col: number) => overview.cells.find((c) => c.row === row && c.col === col);
      const columns = committeeColumns(workbook);
      const labels = [...DEFAULT_SETTINGS.scales.goal, ...DEFAULT_SETTINGS.scales.assignment].map((v) => v.label);
      // A figure nobody gave is blank, never 0: a nämnd's own counts before it has answered, a sum of no prognos.
      const blank = "empty null";
      const expected = (f: (typeof figures)[number]) => {
        const own = (n: number) => (f.answered ? n : blank);
        // A nämnd that has not answered says so where its own figures would stand.
        const received = (n: number | string) => (f.answered ? n : "text Ej inkommet");
        const given = (n: number) => received(f.adjustments.answered > 0 ? n : blank);
        return {
          code: f.code,
          "Mål besvarade": received(f.goals.answered),
          "Mål totalt": f.goals.total,
          "Uppdrag besvarade": received(f.assignments.answered),
          "Uppdrag totalt": f.assignments.total,
          ...Object.fromEntries(labels.map((l) => [l, own(f.statusCounts[l])])),
          "Ramjusteringar (tkr)": f.adjustmentsTkr,
          "Prognos (tkr)": given(f.forecastTkr),
          "Avvikelse (tkr)": given(f.deviationTkr),
          Saknas: f.missing.length,
        };
      };
      const seen = figures.map((f, i) => {
        const row = 3 + i;
        const keys = Object.keys(expected(f)).slice(1);
        return {
          code: at(row, 0)?.value,
          ...Object.fromEntries(
            keys.map((h) => {
              const cell = columns.at(h, row);
              return [h, cell?.resultType === "number" ? cell.value : `${cell?.type} ${cell?.value}`];
            }),
          ),
        };
      });
      expect(seen).toEqual(figures.map(expected));
      // The figures differ between nämnder, so a code matching another's rows would show.
      expect(new Set(figures.map((f) => f.assignments.answered)).size).toBe(4);
      // No code and no status is written into a formula.
      const formulas = columns.formulas;
      expect(formulas.length).toBeGreaterThan(CODES.length * 10);
      for (const text of [...CODES.filter((c) => c.length > 1 && c !== "KS"), ...labels])
        expect(formulas.filter((f) => f.includes(text))).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  function type(grid: Grid, key: string, input: CellValue, comment: string | null): void {
    const r = grid.values.findIndex((row) => row[COL.key] === key);
    if (r < 0) throw new Error(`No row ${key} on ${grid.sheet}`);
    const row = grid.values[r];
    while (row.length <= COL.comment) row.push(null);
    row[COL.input] = input;
    row[COL.comment] = comment;
  }
});
