/**
 * Bounded reading (issue #16): packages that are valid OOXML but not shaped as ExcelJS expects are read in full, and
 * packages built to exhaust memory are refused at a limit, with one line saying which, before anything parses them.
 *
 * Valid: parts under other names and folders (found through the relationships, names compared without case), parts
 * in UTF-16, a merged range to the last cell of the sheet, 100 000 nested elements inside the cell data.
 * Refused: a compressed bomb (ratio), a part and a package past the size limits while the directory lies about the
 * sizes, too many parts, absurd nesting outside the sheets, merged ranges covering too many cells.
 * Memory and time per file are measured by `npm run bench` (bench/bombs.js), not here.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { readWorkbookBuffer } from "../src/hosts/xlsx/readBytes";
import { UnusableInputError } from "../src/hosts/xlsx/problems";
import { fileProblemMessage } from "../src/i18n/errors";
import { EXAMPLES, cli, tempDir } from "./support/workbooks";
import { type RawEntry, rawZip, unzipEntries } from "./support/zipBuilder";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

let dir: string;
let entries: Map<string, Buffer>;
let planJson: unknown;
beforeAll(async () => {
  dir = await tempDir("hostile-bounded");
  entries = await unzipEntries(await fs.readFile(PLAN));
  const plain = await cli("validate", PLAN, "--json");
  expect(plain.code).toBe(0);
  planJson = JSON.parse(plain.out).plan;
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The example plan with some parts replaced (undefined removes one), zipped again. */
function examplePackage(changes: Record<string, string | Buffer | undefined>): Buffer {
  const parts = new Map(entries);
  for (const [name, data] of Object.entries(changes)) {
    if (data === undefined) parts.delete(name);
    else parts.set(name, typeof data === "string" ? Buffer.from(data, "utf8") : data);
  }
  return rawZip([...parts].map(([name, data]) => ({ name, data })));
}

const text = (name: string) => entries.get(name)!.toString("utf8");

async function validate(bytes: Buffer, name: string) {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return cli("validate", file, "--json");
}

async function refusal(bytes: Buffer): Promise<string> {
  const error = await readWorkbookBuffer(bytes, "bomb.xlsx").then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnusableInputError);
  const problem = (error as UnusableInputError).problem;
  expect(problem.code).toBe("overLimit");
  return fileProblemMessage(problem, "sv");
}

describe("valid packages shaped otherwise than ExcelJS expects are read in full", () => {
  test("parts under other names and folders, found through the relationships", async () => {
    const sheetNames = [
      "Nämnder",
      "Mål",
      "Uppdrag",
      "Ramjusteringar",
      "Nyckeltal",
      "Driftbudget",
      "Inställningar",
      "Om exemplet",
    ];
    const changes: Record<string, string | Buffer | undefined> = {};
    for (const name of [...entries.keys()]) changes[name] = undefined;
    for (const [name, data] of entries) if (!name.startsWith("xl/") && name !== "_rels/.rels") changes[name] = data;
    changes["docProps/core.xml"] = undefined;
    changes["meta/kärna.xml"] = entries.get("docProps/core.xml");
    changes["_rels/.rels"] = text("_rels/.rels")
      .replace('Target="xl/workbook.xml"', 'Target="/Bok/Arbetsbok.xml"')
      .replace('Target="docProps/core.xml"', 'Target="meta/k%C3%A4rna.xml"');
    changes["Bok/Arbetsbok.xml"] = entries.get("xl/workbook.xml");
    let rels = text("xl/_rels/workbook.xml.rels")
      .replace('Target="styles.xml"', 'Target="Stil.xml"')
      .replace('Target="theme/theme1.xml"', 'Target="../xl/theme/theme1.xml"')
      // The relationship and the part differ in case: OPC part names are compared without it.
      .replace('Target="sharedStrings.xml"', 'Target="SharedStrings.xml"');
    sheetNames.forEach((sheet, i) => {
      rels = rels.replace(`Target="worksheets/sheet${i + 1}.xml"`, `Target="Blad/${encodeURIComponent(sheet)}.xml"`);
      changes[`Bok/Blad/${sheet}.xml`] = entries.get(`xl/worksheets/sheet${i + 1}.xml`);
    });
    changes["Bok/_rels/Arbetsbok.xml.rels"] = rels;
    changes["Bok/SHAREDSTRINGS.XML"] = entries.get("xl/sharedStrings.xml");
    changes["Bok/Stil.xml"] = entries.get("xl/styles.xml");
    changes["xl/theme/theme1.xml"] = entries.get("xl/theme/theme1.xml");
    // A part under ExcelJS's own name that the relationships do not name is not read as the workbook's first sheet.
    changes["xl/worksheets/sheet1.xml"] = entries.get(`xl/worksheets/sheet${sheetNames.length}.xml`);
    const renamed = examplePackage(changes);

    const result = await validate(renamed, "andra-namn.xlsx");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).plan).toEqual(planJson);

    const read = await readWorkbookBuffer(renamed, "andra-namn.xlsx");
    expect(read.grids.map((grid) => grid.sheet)).toEqual(sheetNames);
    expect(read.modified).toEqual(new Date("2024-01-18T12:00:00Z")); // from meta/kärna.xml
  });

  test("the follow-up master file written from such a package keeps every plan sheet", async () => {
    const rels = text("xl/_rels/workbook.xml.rels").replace(
      'Target="worksheets/sheet3.xml"',
      'Target="ark/Uppdrag.xml"',
    );
    const bytes = examplePackage({
      "xl/_rels/workbook.xml.rels": rels,
      "xl/worksheets/sheet3.xml": undefined,
      "xl/ark/Uppdrag.xml": entries.get("xl/worksheets/sheet3.xml"),
    });
    const file = path.join(dir, "ark.xlsx");
    await fs.writeFile(file, bytes);
    const out = path.join(dir, "ark-huvudfil.xlsx");
    const result = await cli("generate", file, "--period", "T1", "--year", "2024", "--out", out);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const master = new ExcelJS.Workbook();
    await master.xlsx.readFile(out);
    const uppdrag = master.getWorksheet("Uppdrag");
    expect(uppdrag?.actualRowCount).toBeGreaterThan(5);
    expect(master.worksheets.filter((sheet) => / T1 2024$/.test(sheet.name)).length).toBeGreaterThan(3);
  });

  test("XML parts in UTF-16, with a byte-order mark or told by the declaration", async () => {
    const utf16le = (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const utf16be = (xml: string) => Buffer.from(xml, "utf16le").swap16();
    const declared = (xml: string) => xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = examplePackage({
      "xl/sharedStrings.xml": utf16le(declared(text("xl/sharedStrings.xml"))),
      "xl/worksheets/sheet3.xml": utf16be(declared(text("xl/worksheets/sheet3.xml"))),
      "xl/workbook.xml": utf16le(text("xl/workbook.xml")),
    });
    const result = await validate(bytes, "utf16.xlsx");
    expect(result.err).toBe("");
    expect(JSON.parse(result.out).plan).toEqual(planJson);
  });

  test("100 000 nested elements and an extension list inside the cell data: the sheet is read, not emptied", async () => {
    const nested = "<x>".repeat(100_000) + "</x>".repeat(100_000);
    const sheet = text("xl/worksheets/sheet3.xml")
      .replace("<sheetData>", `<sheetData>${nested}`)
      .replace("</row>", '<extLst><ext uri="{0}"><y/></ext></extLst></row>');
    expect(sheet).toContain(nested);
    const result = await validate(examplePackage({ "xl/worksheets/sheet3.xml": sheet }), "nastlad.xlsx");
    expect(result.err).toBe("");
    expect(JSON.parse(result.out).plan).toEqual(planJson);
  });

  test("a merged range to the sheet's last cell is clipped to the rows that exist, its value on each of them", async () => {
    const rows = [
      ["Uppdrag", "År", "Ansvarig nämnd"],
      ["Utreda A", 2024, "KS"],
      ["Utreda B", 2024, null],
      ["Utreda C", 2025, null],
    ];
    const sheetData = rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((value, c) => {
              const ref = `${"ABC"[c]}${r + 1}`;
              if (value === null) return `<c r="${ref}" s="0"/>`;
              if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
              return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
            })
            .join("")}</row>`,
      )
      .join("");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Uppdrag");
    const base = await unzipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
    for (const ref of ["C2:XFD1048576", "C2:Z1048576"]) {
      base.set(
        "xl/worksheets/sheet1.xml",
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
            `<sheetData>${sheetData}</sheetData><mergeCells count="2"><mergeCell ref="${ref}"/>` +
            '<mergeCell ref="A20:XFD1048576"/></mergeCells></worksheet>',
        ),
      );
      const read = await readWorkbookBuffer(rawZip([...base].map(([name, data]) => ({ name, data }))), "sammanfogad");
      const [grid] = read.grids;
      expect(grid.values).toEqual(rows);
      // A20:XFD1048576 has no row to cover and is gone; C2 reaches as far down as the sheet has rows.
      expect(grid.merges).toEqual([{ top: 1, left: 2, bottom: 3, right: 2 }]);
    }
  });
});

describe("packages built to exhaust memory are refused at a limit, which the line names", () => {
  const rows = (bytes: number) => "<row/>".repeat(Math.ceil(bytes / 6));
  const sheet = (sheetData: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  const bomb = (replacements: RawEntry[]) => {
    const names = new Set(replacements.map((entry) => entry.name));
    return rawZip([
      ...[...entries].filter(([name]) => !names.has(name)).map(([name, data]) => ({ name, data })),
      ...replacements,
    ]);
  };

  test("a compressed bomb: one sheet that inflates 1 000 times, stopped at 1 MB", async () => {
    const message = await refusal(bomb([{ name: "xl/worksheets/sheet3.xml", data: sheet(rows(20 * 1024 * 1024)) }]));
    expect(message).toBe(
      'Filen läses inte eftersom delen "xl/worksheets/sheet3.xml" packas upp till mer än 100 gånger sin storlek i ' +
        "filen (en gräns mot skadliga filer, långt över vad en plan behöver): bomb.xlsx",
    );
  });

  test("a directory that understates the size of a part is not believed: counted while inflating", async () => {
    const part: RawEntry = {
      name: "xl/sharedStrings.xml",
      data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${"x".repeat(70 * 1024 * 1024)}</t></si></sst>`,
      padding: 1024 * 1024, // so the compressed size makes the ratio look harmless
      declaredSize: 1000,
    };
    expect(await refusal(bomb([part]))).toContain('delen "xl/sharedStrings.xml" är större än 64 MB uppackad');
  });

  test("parts each under the limit, together past it", async () => {
    const part = (n: number): RawEntry => ({
      name: `xl/worksheets/sheet${n}.xml`,
      data: sheet(rows(50 * 1024 * 1024)),
      padding: 600 * 1024,
    });
    expect(await refusal(bomb([part(3), part(4)]))).toContain("innehållet är större än 96 MB uppackat");
  });

  test("more parts than a workbook has", async () => {
    const extra = Array.from({ length: 10_000 }, (_, i) => ({
      name: `customXml/item${i}.xml`,
      data: "<a/>",
      store: true,
    }));
    expect(await refusal(bomb(extra))).toContain("den har fler än 10\u00a0000 delar");
  });

  test("absurd nesting outside the cell data", async () => {
    const strings = text("xl/sharedStrings.xml").replace("</sst>", `${"<x>".repeat(101)}${"</x>".repeat(101)}</sst>`);
    expect(await refusal(bomb([{ name: "xl/sharedStrings.xml", data: strings }]))).toContain(
      'delen "xl/sharedStrings.xml" har element inuti varandra i mer än 100 nivåer',
    );
  });

  test("merged ranges that cover too many cells of the used range, named by sheet; in the CLI, one line", async () => {
    const cells = '<row r="1"><c r="A1"><v>1</v></c></row><row r="100000"><c r="K100000"><v>2</v></c></row>';
    const xml = sheet(cells).replace(
      "</sheetData>",
      '</sheetData><mergeCells><mergeCell ref="A1:K100000"/></mergeCells>',
    );
    const bytes = bomb([{ name: "xl/worksheets/sheet3.xml", data: xml }]);
    expect(await refusal(bytes)).toContain(
      'sammanfogade celler på bladet "Uppdrag" täcker mer än 1\u00a0000\u00a0000 celler',
    );
    const result = await validate(bytes, "sammanfogad.xlsx");
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err.trim().split("\n")).toEqual([
      expect.stringMatching(/^maltavlan: Filen läses inte eftersom sammanfogade celler på bladet "Uppdrag"/),
    ]);
  });
});
