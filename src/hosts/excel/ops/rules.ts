/**
 * A sheet's rules as ops: dropdowns with their input messages, input messages alone (ExcelApi 1.8), and conditional
 * fills (ExcelApi 1.6). Below those sets nothing is queued; the write warns instead (write.ts).
 *
 * A rule over several areas ("F5:F9,F12:F20", spec.ts) is one op on a RangeAreas (Worksheet.getRanges, ExcelApi 1.9):
 * one validation, one conditional format in Excel. Below 1.9 each area is an op of its own, on its Range.
 */
import { areasOf } from "../../../sheet/areas";
import type { ConditionalFill, InputPrompt } from "../../../sheet/spec";
import { type Features, type Op, type SheetOpBuilder, cost, sheetOp } from "./op";

export const validationOps: SheetOpBuilder = (spec, features) => {
  if (!features.validation) return [];
  const ops: Op[] = [];
  for (const { range, source, prompt } of spec.validations ?? []) {
    // range and dataValidation; the rule, whose source is an argument of its own size; the prompt likewise
    const bytes = cost(2, prompt ? 2 : 1) + source.length + promptBytes(prompt);
    for (const target of targets(range, features)) {
      ops.push(
        sheetOp(spec.name, bytes + addressBytes(target), (sheet) => {
          const validation = cells(sheet, target).dataValidation;
          validation.rule = { list: { inCellDropDown: true, source: `=${source.replace(/^=/, "")}` } };
          if (prompt) validation.prompt = officePrompt(prompt);
        }),
      );
    }
  }
  for (const { range, prompt } of spec.inputMessages ?? []) {
    for (const target of targets(range, features)) {
      ops.push(
        sheetOp(spec.name, cost(2, 1) + promptBytes(prompt) + addressBytes(target), (sheet) => {
          cells(sheet, target).dataValidation.prompt = officePrompt(prompt);
        }),
      );
    }
  }
  return ops;
};

/**
 * Fills one after another over the same range (a scale's colours over its dropdown's cells) are one op, so the range
 * is sent once; the order of the fills, which is their priority in Excel, stays the spec's.
 */
export const conditionalFillOps: SheetOpBuilder = (spec, features) => {
  if (!features.conditional) return [];
  const runs: { range: string; fills: ConditionalFill[] }[] = [];
  for (const fill of spec.conditionalFills ?? []) {
    const last = runs[runs.length - 1];
    if (last?.range === fill.range) last.fills.push(fill);
    else runs.push({ range: fill.range, fills: [fill] });
  }
  return runs.flatMap(({ range, fills }) =>
    targets(range, features).map((target) =>
      // range and conditionalFormats; per fill add(), cellValue, its format, fill and font, two colours and the rule
      sheetOp(spec.name, cost(2 + 5 * fills.length, 3 * fills.length) + addressBytes(target), (sheet) => {
        const formats = cells(sheet, target).conditionalFormats;
        for (const fill of fills) conditionalFill(formats, fill);
      }),
    ),
  );
};

/** The addresses a rule's ops take: the whole range from ExcelApi 1.9 (getRanges), else each area apart. */
function targets(range: string, features: Features): string[] {
  return features.areas ? [range] : areasOf(range);
}

/** The cells of an address: a RangeAreas when it has several areas (ExcelApi 1.9), else a Range. */
function cells(sheet: Excel.Worksheet, address: string): Excel.Range | Excel.RangeAreas {
  return areasOf(address).length > 1 ? sheet.getRanges(address) : sheet.getRange(address);
}

/** A long address is an argument of its own size; one area's is within the estimate of its proxy. */
function addressBytes(address: string): number {
  return areasOf(address).length > 1 ? address.length : 0;
}

/** A prompt as Office.js takes it (DataValidation.prompt, ExcelApi 1.8). */
function officePrompt(prompt: InputPrompt): Excel.DataValidationPrompt {
  return { showPrompt: true, title: prompt.title, message: prompt.text };
}

function promptBytes(prompt: InputPrompt | undefined): number {
  return prompt ? prompt.title.length + prompt.text.length * 1.2 + 40 : 0;
}

function conditionalFill(formats: Excel.ConditionalFormatCollection, { when, fill, fontColor }: ConditionalFill): void {
  const format = formats.add("CellValue");
  format.cellValue.format.fill.color = `#${fill}`;
  if (fontColor) format.cellValue.format.font.color = `#${fontColor}`;
  format.cellValue.rule =
    "equals" in when
      ? { formula1: `="${when.equals.replace(/"/g, '""')}"`, operator: "EqualTo" }
      : { formula1: `=${when.greaterThan}`, operator: "GreaterThan" };
}
