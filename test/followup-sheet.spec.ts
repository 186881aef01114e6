/**
 * The follow-up sheet a nämnd secretary fills in, as a SheetSpec and as the xlsx host writes it: the instructions and
 * the legend, one input colour apart from every status, an input message on every dropdown and amount cell, the sign
 * rule where a prognos is typed, A4 pages whose sections never break without their column headers, the footer, and
 * named fonts. Also: the rows this adds are never taken for answers, and a sheet made before them still reads.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { answerOf, readFollowUpSheet } from "../src/domain/followup/answers";
import { consolidate } from "../src/domain/followup/consolidate";
import { FollowUpOptions, followUpSheets, supportSheets } from "../src/domain/followup/generate";
import { SIGN_RULE } from "../src/domain/followup/instructions";
import { DISTINCT_COLORS, inputFill } from "../src/domain/followup/sheetLook";
import { COL, INFO_KEY, META_ROW, SECTION_KEY, TOTAL_KEY, parseRowKey } from "../src/domain/followup/model";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SETTINGS, Settings } from "../src/domain/settings";
import { readSettings, stateSheet } from "../src/domain/state";
import { workbookBuffer } from "../src/hosts/xlsx/write";
import { readWorkbookBuffer, readWorkbookFile } from "../src/hosts/xlsx/read";
import { colorDistance, contrastRatio } from "../src/sheet/colors";
import { CellValue, Grid, cellName } from "../src/sheet/grid";
import { DEFAULT_ROW_HEIGHT } from "../src/sheet/layout";
import { PRINT_MARGINS, pageHeight } from "../src/sheet/print";
import { PROMPT_TEXT_MAX, PROMPT_TITLE_MAX, SheetSpec, SpecCell } from "../src/sheet/spec";
import { EXAMPLES, rowBreaksInFile } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
let plan: Plan;
beforeAll(async () => {
  plan = readPlan((await readWorkbookFile(PLAN)).grids).plan;
});

const options = (settings: Settings = DEFAULT_SETTINGS): FollowUpOptions => ({
  period: settings.periods[0],
  year: 2025,
  due: "2025-05-15",
  generatedAt: "2025-04-02T09:00:00.000Z",
  planName: "plan.xlsx",
  settings,
});

const sheetOf = (code: string, p: Plan = plan, settings?: Settings): SheetSpec => {
  const sheet = followUpSheets(p, options(settings)).find((s) => s.committee.code === code);
  if (!sheet) throw new Error(`no sheet for ${code}`);
  return sheet.spec;
};
const rowsOf = (spec: SheetSpec): SpecCell[][] => spec.blocks[0].rows;
const keyOf = (row: SpecCell[]): string => String(row[COL.key]?.value ?? "");
const textOf = (row: SpecCell[]): string => row.map((c) => (c.value === null ? "" : String(c.value))).join(" | ");
/** Every cell in "F7:F9" (one column), or in each area of "F7:F9,F12:F20". */
const cellsIn = (range: string): string[] => {
  if (range.includes(",")) return range.split(",").flatMap(cellsIn);
  const [, col, first, last] = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(range)!;
  return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => `${col}${Number(first) + i}`);
};

function gridOf(spec: SheetSpec, rows: SpecCell[][] = rowsOf(spec)): Grid {
  return {
    sheet: spec.name,
    top: 0,
    left: 0,
    values: rows.map((row) => row.map((cell): CellValue => (typeof cell.value === "boolean" ? null : cell.value))),
  };
}

describe("instructions and legend", () => {
  test("each sheet opens with how to fill it in, the input colour and every status with its definition", () => {
    const spec = sheetOf("KS");
    const info = rowsOf(spec).filter((row) => keyOf(row) === INFO_KEY);
    const texts = info.map(textOf).join("\n");
    expect(texts).toContain("Så fyller du i");
    expect(texts).toContain("Färger och värden");
    expect(texts).toContain(SIGN_RULE);
    expect(texts).toContain("2025-05-15");
    // The input colour's sample, then each value of both scales, in its own colour, beside its definition.
    const legend = (label: string) => info.find((row) => row[COL.title]?.value === label);
    expect(legend("Fyll i")?.[COL.title].fill).toBe(inputFill(DEFAULT_SETTINGS));
    for (const value of [...DEFAULT_SETTINGS.scales.goal, ...DEFAULT_SETTINGS.scales.assignment]) {
      expect(value.definition).toMatch(/\S/);
      expect([value.label, legend(value.label)?.[COL.title].fill, legend(value.label)?.[COL.detail].value]).toEqual([
        value.label,
        value.color,
        value.definition,
      ]);
    }
    // The instructions come before the first section, under the two heading rows.
    const firstInfo = rowsOf(spec).findIndex((row) => keyOf(row) === INFO_KEY);
    const firstSection = rowsOf(spec).findIndex((row) => row[COL.title]?.value === "Mål");
    expect(firstInfo).toBe(2);
    expect(firstSection).toBeGreaterThan(
      rowsOf(spec)
        .map(textOf)
        .map((t) => t.includes("Avfört"))
        .lastIndexOf(true),
    );
  });

  test("a kommun's own definitions in the settings are what the legend says; a scale a sheet does not use is left out", () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      scales: {
        ...DEFAULT_SETTINGS.scales,
        goal: DEFAULT_SETTINGS.scales.goal.map((v) => ({ ...v, definition: `Östersunds definition av ${v.label}.` })),
      },
    };
    // The definitions travel through the state sheet as the kommun saved them.
    const saved = readSettings([gridOf(stateSheet(settings))]);
    expect(saved.scales.goal[1].definition).toBe("Östersunds definition av Delvis uppfyllt.");
    const texts = rowsOf(sheetOf("ÖH", plan, saved))
      .map(textOf)
      .join("\n");
    expect(texts).toContain("Östersunds definition av Delvis uppfyllt.");
    // ÖH has goals but no uppdrag: no legend for the uppdrag statuses.
    expect(texts).not.toContain("Status för uppdrag");
    expect(texts).not.toContain("Påbörjat");
  });

  test("the rows the legend adds are never read as answers or as rows inserted by hand", () => {
    const spec = sheetOf("KS");
    const read = readFollowUpSheet(gridOf(spec));
    expect(read.issues).toEqual([]);
    const keys = rowsOf(spec)
      .map(keyOf)
      .filter((key) => parseRowKey(key));
    expect(read.rows.map((r) => r.key)).toEqual(keys);
  });
});

describe("metadata", () => {
  test("the period's kind is written in the words sheets sent out carry (prognos, utfall)", () => {
    const metaOf = (spec: SheetSpec) => JSON.parse(String(rowsOf(spec)[META_ROW][COL.key].value));
    expect(metaOf(sheetOf("KS"))).toMatchObject({ period: "T1", periodKind: "prognos" });
    const year = { ...DEFAULT_SETTINGS, periods: [{ name: "Helår", kind: "outcome" as const }] };
    expect(metaOf(sheetOf("KS", plan, year))).toMatchObject({ period: "Helår", periodKind: "utfall" });
  });
});

describe("colours", () => {
  test("one input colour, clearly apart from every status colour, on every cell a nämnd fills in", () => {
    const fill = inputFill(DEFAULT_SETTINGS);
    for (const value of [...DEFAULT_SETTINGS.scales.goal, ...DEFAULT_SETTINGS.scales.assignment]) {
      expect([value.label, colorDistance(fill, value.color) >= DISTINCT_COLORS]).toEqual([value.label, true]);
    }
    for (const code of ["KS", "VoN", "TN"]) {
      const unlocked = rowsOf(sheetOf(code)).flatMap((row) => row.filter((cell) => cell.locked === false));
      expect(unlocked.length).toBeGreaterThan(0);
      expect(new Set(unlocked.map((cell) => cell.fill))).toEqual(new Set([fill]));
      // And no locked cell wears it, outside the legend's sample.
      const lockedWithFill = rowsOf(sheetOf(code))
        .filter((row) => keyOf(row) !== INFO_KEY)
        .flatMap((row) => row.filter((cell) => cell.locked !== false && cell.fill === fill));
      expect(lockedWithFill).toEqual([]);
    }
  });

  test("a kommun whose status colour is near the input colour gets another input colour", () => {
    const blue = inputFill(DEFAULT_SETTINGS);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      scales: { ...DEFAULT_SETTINGS.scales, assignment: [{ label: "Pågår", done: false, color: "D0E6FF" }] },
    };
    const other = inputFill(settings);
    expect(other).not.toBe(blue);
    for (const value of [...settings.scales.goal, ...settings.scales.assignment]) {
      expect(colorDistance(other, value.color)).toBeGreaterThanOrEqual(DISTINCT_COLORS);
    }
  });

  test("every text on the sheet is readable on its fill (WCAG contrast at least 4.5)", () => {
    const spec = sheetOf("VoN");
    const pairs = new Set<string>();
    for (const row of rowsOf(spec)) {
      for (const cell of row)
        if (cell.value !== null && cell.fill) pairs.add(`${cell.fontColor ?? "000000"}/${cell.fill}`);
    }
    for (const fill of spec.conditionalFills ?? []) pairs.add(`${fill.fontColor ?? "000000"}/${fill.fill}`);
    expect(pairs.size).toBeGreaterThan(5);
    for (const pair of pairs) {
      const [text, fill] = pair.split("/");
      expect([pair, contrastRatio(text, fill) >= 4.5]).toEqual([pair, true]);
    }
  });
});

describe("input messages and the sign rule", () => {
  test("every dropdown cell has an input message Excel can show; every amount cell states the sign rule", () => {
    for (const sheet of followUpSheets(plan, options())) {
      const spec = sheet.spec;
      const rows = rowsOf(spec);
      for (const { range, prompt } of [...(spec.validations ?? []), ...(spec.inputMessages ?? [])]) {
        expect(prompt?.title.length).toBeGreaterThan(0);
        expect(prompt!.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
        expect(prompt!.text.length).toBeLessThanOrEqual(PROMPT_TEXT_MAX);
        // F, or the Ekonomi section's utfall, prognos and kommentar (D, E, H): one column each.
        expect(range).toMatch(/^([DEFH])\d+:\1\d+$/);
      }
      const listed = new Set((spec.validations ?? []).flatMap((v) => cellsIn(v.range)));
      const messaged = new Map(
        (spec.inputMessages ?? []).flatMap((m) => cellsIn(m.range).map((a) => [a, m.prompt.text] as const)),
      );
      rows.forEach((row, r) => {
        const key = parseRowKey(keyOf(row));
        if (!key || row[COL.input]?.locked !== false) return;
        const address = cellName(r, COL.input);
        if (key.kind === "goal" || key.kind === "assignment")
          expect([address, listed.has(address)]).toEqual([address, true]);
        if (key.kind === "adjustment")
          expect([address, messaged.get(address)]).toEqual([address, expect.stringContaining(SIGN_RULE)]);
      });
      // No dropdown or message on a row that takes no input (the vision, headers, the legend).
      for (const address of [...listed, ...messaged.keys()]) {
        const [r, col] = [Number(address.slice(1)) - 1, address.charCodeAt(0) - "A".charCodeAt(0)];
        expect([address, rows[r][col]?.locked]).toEqual([address, false]);
      }
      const listedCount = rows.filter((_, r) => listed.has(cellName(r, COL.input))).length;
      expect(listedCount).toBe(listed.size);
    }
  });

  test("the prognos column's header says to keep the amount's sign", () => {
    const header = rowsOf(sheetOf("VoN")).find((row) => row[COL.title]?.value === "Ramjustering")!;
    expect(header[COL.input].value).toBe("Prognos (tkr)\nsamma tecken som beloppet");
  });
});

/** The Östersund plan with `count` more uppdrag for KS, each with a long förtydligande: KS's uppdrag then span pages. */
function longPlan(count: number): Plan {
  const ks = plan.assignments.filter((a) => a.committees.includes("KS"));
  const extra = Array.from({ length: count }, (_, i) => ({
    ...ks[i % ks.length],
    id: `EXTRA-${i + 1}`,
    title: `Extra uppdrag ${i + 1}: ${ks[i % ks.length].title}`,
  }));
  return { ...plan, assignments: [...plan.assignments, ...extra] };
}

describe("printing on A4", () => {
  /** Sheet points of each page, from the spec's row heights, between its breaks; the two title rows repeat. */
  function pages(spec: SheetSpec): { rows: number[]; height: number }[] {
    const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
    const height = (r: number) => heights.get(r) ?? DEFAULT_ROW_HEIGHT;
    const breaks = spec.print!.rowBreaks ?? [];
    const starts = [2, ...breaks];
    const total = rowsOf(spec).length;
    return starts.map((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : total;
      const rows = Array.from({ length: end - start }, (_, k) => start + k);
      return { rows, height: height(0) + height(1) + rows.reduce((sum, r) => sum + height(r), 0) };
    });
  }

  test("page setup: A4 landscape, the heading rows on every page, a fixed scale, margins and the footer", () => {
    const print = sheetOf("KS").print!;
    expect(print).toMatchObject({ orientation: "landscape", paper: "A4", titleRows: "1:2", margins: PRINT_MARGINS });
    // Excel ignores manual page breaks while it fits to pages: a fixed scale instead.
    expect(print.fitToWidth).toBeUndefined();
    expect(print.scale).toBeGreaterThanOrEqual(50);
    expect(print.scale).toBeLessThan(100);
    expect(print.footer).toEqual({
      left: "Kommunstyrelsen (KS)",
      center: "Sida {page} av {pages}",
      right: "Uppföljning T1 2025 · skapad 2025-04-02",
    });
  });

  test("no page is fuller than A4 holds, and a section that fits on a page is never split", () => {
    let sections = 0;
    let broken = 0;
    for (const sheet of followUpSheets(longPlan(3), options())) {
      broken += sheet.spec.print!.rowBreaks!.length;
      const spec = sheet.spec;
      const capacity = pageHeight("landscape", PRINT_MARGINS, spec.print!.scale!);
      const laidOut = pages(spec);
      for (const page of laidOut) expect(page.height).toBeLessThanOrEqual(capacity / 0.95);
      // Each section (its band, headers and rows) lies on one page unless it is longer than a page.
      const rows = rowsOf(spec);
      const bands = rows.flatMap((row, r) => (row[COL.title]?.fill === "1F4E78" ? [r] : []));
      sections += bands.length;
      bands.forEach((band, i) => {
        const end = (bands[i + 1] ?? rows.length) - 1;
        const pageOf = (r: number) => laidOut.findIndex((p) => p.rows.includes(r));
        const fitsAPage =
          pages({ ...spec, print: { ...spec.print!, rowBreaks: [band, end + 1] } })[1].height <= capacity;
        if (fitsAPage)
          expect([sheet.committee.code, band, pageOf(band)]).toEqual([sheet.committee.code, band, pageOf(end)]);
      });
    }
    // The sheets have sections enough to lay out, and some had to start on a new page.
    expect(sections).toBeGreaterThan(15);
    expect(broken).toBeGreaterThan(2);
  });

  test("a section longer than a page starts on a new page and repeats its column headers on each page", () => {
    const spec = sheetOf("KS", longPlan(30));
    const rows = rowsOf(spec);
    const breaks = spec.print!.rowBreaks!;
    const uppdragBand = rows.findIndex(
      (row) => row[COL.title]?.value === "Uppdrag" && row[COL.title]?.fill === "1F4E78",
    );
    expect(breaks).toContain(uppdragBand);
    const inside = breaks.filter((b) => b > uppdragBand && rows[b][COL.title]?.value === "Uppdrag (forts.)");
    expect(inside.length).toBeGreaterThanOrEqual(2);
    for (const b of inside) {
      expect(keyOf(rows[b])).toBe(INFO_KEY);
      expect(rows[b].slice(COL.title).map((c) => c.value)).toEqual([
        "Uppdrag (forts.)",
        "Förtydligande",
        "Mål",
        "Från",
        "Status",
        "",
        "Kommentar / analys",
      ]);
    }
    // Every break starts a page with headers: a section's band, or its headers repeated.
    for (const b of breaks) {
      const first = rows[b][COL.title];
      expect([b, first?.fill === "1F4E78" || String(first?.value).endsWith("(forts.)")]).toEqual([b, true]);
    }
    // The dropdowns skip the repeated headers, and the sheet still reads with no stray rows.
    for (const { range } of spec.validations ?? []) {
      for (const address of cellsIn(range)) {
        const r = Number(address.slice(1)) - 1;
        expect(parseRowKey(keyOf(rows[r]))).not.toBeNull();
      }
    }
    const read = readFollowUpSheet(gridOf(spec));
    expect(read.issues).toEqual([]);
    expect(read.rows.filter((r) => r.kind === "assignment")).toHaveLength(
      longPlan(30).assignments.filter((a) => a.committees.includes("KS")).length,
    );
  });
});

describe("as the xlsx host writes it", () => {
  test("prompts, page breaks, footer, margins, scale and a named font on every styled cell, read back", async () => {
    const spec = sheetOf("KS", longPlan(30));
    const bytes = await workbookBuffer({ sheets: [spec, ...supportSheets(DEFAULT_SETTINGS)] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(spec.name)!;
    for (const { range, prompt } of [...(spec.validations ?? []), ...(spec.inputMessages ?? [])]) {
      for (const address of cellsIn(range)) {
        const validation = sheet.getCell(address).dataValidation;
        expect([address, validation.showInputMessage, validation.promptTitle, validation.prompt]).toEqual([
          address,
          true,
          prompt!.title,
          prompt!.text,
        ]);
      }
    }
    expect(await rowBreaksInFile(bytes, sheet.id)).toEqual(spec.print!.rowBreaks);
    expect(sheet.headerFooter.oddFooter).toBe(
      "&LKommunstyrelsen (KS)&CSida &P av &N&RUppföljning T1 2025 · skapad 2025-04-02",
    );
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      scale: spec.print!.scale,
      printTitlesRow: "1:2",
      margins: PRINT_MARGINS,
    });
    // Bold, italic and plain cells alike carry a font name (LibreOffice falls back to a serif without one).
    let bold = 0;
    let italic = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect([cell.address, cell.font?.name]).toEqual([cell.address, "Calibri"]);
        if (cell.font?.bold) bold++;
        if (cell.font?.italic) italic++;
      }),
    );
    expect(bold).toBeGreaterThan(10);
    expect(italic).toBeGreaterThan(0);
  });

  test("a nämnd with & in its name prints it as written", async () => {
    const p: Plan = {
      ...plan,
      committees: plan.committees.map((c) => (c.code === "KFN" ? { ...c, name: "Kultur & fritid" } : c)),
    };
    const spec = sheetOf("KFN", p);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await workbookBuffer({ sheets: [spec, ...supportSheets(DEFAULT_SETTINGS)] })) as unknown as ArrayBuffer,
    );
    expect(workbook.getWorksheet(spec.name)!.headerFooter.oddFooter).toMatch(/^&LKultur && fritid \(KFN\)&C/);
  });
});

describe("returned sheets from before the legend", () => {
  /**
   * A sheet as Måltavlan wrote it before this layout: marker, metadata, a blank row, then the sections straight
   * away, no instructions, no legend, no repeated headers. Made from today's spec by taking those rows out.
   */
  function oldLayout(spec: SheetSpec): SpecCell[][] {
    // Then, a section's band and its column headers, and the Summa row, had nothing in column A.
    const all = rowsOf(spec);
    const unmarked = (row: SpecCell[]) => [{ value: "" }, ...row.slice(1)];
    // Nor had it the Ekonomi section: from its band to the next section's.
    const economy = all.findIndex((row) => keyOf(row) === `${SECTION_KEY} economy`);
    const after = all.findIndex((row, r) => r > economy && keyOf(row).startsWith(SECTION_KEY));
    const before = economy < 0 ? all : [...all.slice(0, economy), ...(after < 0 ? [] : all.slice(after))];
    const rows = before.flatMap((row, r) => {
      const key = keyOf(row);
      if (key.startsWith(SECTION_KEY) || key === TOTAL_KEY) return [unmarked(row)];
      if (key === INFO_KEY) return keyOf(before[r - 1] ?? []).startsWith(SECTION_KEY) ? [unmarked(row)] : [];
      return [row];
    });
    return [...rows.slice(0, 2), [{ value: "" }], ...rows.slice(2)].map((row) =>
      row.map((cell) => ({ ...cell, formula: undefined })),
    );
  }

  test("still read row by row and consolidated without a finding", () => {
    const spec = sheetOf("KS");
    const rows = oldLayout(spec);
    const assignment = rows.findIndex((row) => keyOf(row).startsWith("assignment|"));
    rows[assignment] = rows[assignment].map((cell, c) =>
      c === COL.input
        ? { ...cell, value: "Genomfört" }
        : c === COL.comment
          ? { ...cell, value: "Klart i mars." }
          : cell,
    );
    const grid = gridOf(spec, rows);
    const read = readFollowUpSheet(grid);
    expect(read.issues).toEqual([]);
    expect(read.rows.map((r) => r.key)).toEqual(rows.map(keyOf).filter((key) => parseRowKey(key)));
    expect(answerOf(read.rows.find((r) => r.row === assignment)!)).toMatchObject({
      input: "Genomfört",
      comment: "Klart i mars.",
    });

    const result = consolidate(
      plan,
      [{ file: "KS-T1-2025.xlsx", grids: [grid], modified: null, master: false }],
      DEFAULT_SETTINGS,
      { period: DEFAULT_SETTINGS.periods[0], year: 2025 },
    );
    expect(result.findings).toEqual([]);
    const ks = result.committees.find((c) => c.committee.code === "KS")!;
    expect(ks.rows.find((r) => r.input === "Genomfört")?.comment).toBe("Klart i mars.");
  });

  test("and today's sheet, written and read back through the xlsx host, consolidates without a finding", async () => {
    const spec = sheetOf("KS", longPlan(30));
    const bytes = await workbookBuffer({ sheets: [spec, ...supportSheets(DEFAULT_SETTINGS)] });
    const { grids } = await readWorkbookBuffer(bytes, "KS-T1-2025.xlsx");
    const result = consolidate(
      longPlan(30),
      [{ file: "KS-T1-2025.xlsx", grids, modified: null, master: false }],
      DEFAULT_SETTINGS,
      { period: DEFAULT_SETTINGS.periods[0], year: 2025 },
    );
    expect(result.findings).toEqual([]);
  });
});
