/**
 * The name `_xlnm._FilterDatabase` the xlsx host adds beside each autofilter, as Excel writes it: local to its sheet
 * (by the sheet's place in the workbook), hidden, an absolute reference with the sheet's name quoted.
 */
import ExcelJS from "exceljs";
import { withNames } from "../src/hosts/xlsx/filterNames";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { workbookBuffer, writeWorkbookCopy } from "../src/hosts/xlsx/write";
import type { SheetSpec } from "../src/sheet/spec";

const rows = [[{ value: "Nämnd" }], [{ value: "KS" }]];
const filtered = (name: string): SheetSpec => ({ name, blocks: [{ top: 0, left: 0, rows }], autoFilter: "A1:A2" });

async function filterNames(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
  return xml.match(/<definedName name="_xlnm._FilterDatabase"[^>]*>[^<]*<\/definedName>/g) ?? [];
}

const SHEETS = `<sheets><sheet sheetId="1" name="Översikt" r:id="rId3"/><sheet sheetId="2" name="Kultur &amp; fritid's" r:id="rId4"/></sheets>`;

test("in <definedNames> after </sheets>, made when the workbook has none, beside the names it has", () => {
  const filter = [{ sheet: "Kultur & fritid's", range: "A3:C9" }];
  const name =
    `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">` +
    `'Kultur &amp; fritid''s'!$A$3:$C$9</definedName>`;
  expect(withNames(`<workbook>${SHEETS}<calcPr/></workbook>`, filter)).toBe(
    `<workbook>${SHEETS}<definedNames>${name}</definedNames><calcPr/></workbook>`,
  );
  const other = `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Översikt'!$1:$3</definedName>`;
  expect(withNames(`<workbook>${SHEETS}<definedNames>${other}</definedNames></workbook>`, filter)).toBe(
    `<workbook>${SHEETS}<definedNames>${name}${other}</definedNames></workbook>`,
  );
  expect(() => withNames(`<workbook>${SHEETS}</workbook>`, [{ sheet: "Saknas", range: "A1:B2" }])).toThrow(/Saknas/);
});

test("a written workbook carries the name for its filtered sheet only, and ExcelJS reads the filter back", async () => {
  const bytes = await workbookBuffer({
    sheets: [{ name: "Blad", blocks: [{ top: 0, left: 0, rows }] }, filtered("Svar")],
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.getWorksheet("Svar")!.autoFilter).toBe("A1:A2");
  expect(workbook.getWorksheet("Blad")!.autoFilter).toBeUndefined();
  expect(await filterNames(bytes)).toEqual([
    `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Svar'!$A$1:$A$2</definedName>`,
  ]);
});

test("a copy of a workbook keeps its own sheets' filters local to them, beside the new sheets'", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-filter-names-"));
  try {
    const source = path.join(dir, "huvudfil.xlsx");
    await fs.writeFile(source, await workbookBuffer({ sheets: [filtered("Egen"), filtered("Svar")] }));
    const copy = path.join(dir, "kopia.xlsx");
    await writeWorkbookCopy(source, { remove: ["Svar"], add: [filtered("Saknas")] }, copy);
    expect(await filterNames(await fs.readFile(copy))).toEqual([
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Egen'!$A$1:$A$2</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Saknas'!$A$1:$A$2</definedName>`,
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
