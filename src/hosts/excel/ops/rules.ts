/**
 * A sheet's rules as ops: dropdowns with their input messages, input messages alone (ExcelApi 1.8), and conditional
 * fills (ExcelApi 1.6). Below those sets nothing is queued; the write warns instead (write.ts).
 */
import type { ConditionalFill, InputPrompt } from "../../../sheet/spec";
import { type Op, type SheetOpBuilder, cost, sheetOp } from "./op";

export const validationOps: SheetOpBuilder = (spec, features) => {
  if (!features.validation) return [];
  const ops: Op[] = [];
  for (const { range, source, prompt } of spec.validations ?? []) {
    // range and dataValidation; the rule, whose source is an argument of its own size; the prompt likewise
    ops.push(
      sheetOp(spec.name, cost(2, prompt ? 2 : 1) + source.length + promptBytes(prompt), (sheet) => {
        const validation = sheet.getRange(range).dataValidation;
        validation.rule = { list: { inCellDropDown: true, source: `=${source.replace(/^=/, "")}` } };
        if (prompt) validation.prompt = officePrompt(prompt);
      }),
    );
  }
  for (const { range, prompt } of spec.inputMessages ?? []) {
    ops.push(
      sheetOp(spec.name, cost(2, 1) + promptBytes(prompt), (sheet) => {
        sheet.getRange(range).dataValidation.prompt = officePrompt(prompt);
      }),
    );
  }
  return ops;
};

export const conditionalFillOps: SheetOpBuilder = (spec, features) =>
  features.conditional
    ? // range, conditionalFormats, add(), cellValue, its format, fill and font; two colours and the rule
      (spec.conditionalFills ?? []).map((fill) =>
        sheetOp(spec.name, cost(7, 3), (sheet) => conditionalFill(sheet, fill)),
      )
    : [];

/** A prompt as Office.js takes it (DataValidation.prompt, ExcelApi 1.8). */
function officePrompt(prompt: InputPrompt): Excel.DataValidationPrompt {
  return { showPrompt: true, title: prompt.title, message: prompt.text };
}

function promptBytes(prompt: InputPrompt | undefined): number {
  return prompt ? prompt.title.length + prompt.text.length * 1.2 + 40 : 0;
}

function conditionalFill(sheet: Excel.Worksheet, { range, when, fill, fontColor }: ConditionalFill): void {
  const format = sheet.getRange(range).conditionalFormats.add("CellValue");
  format.cellValue.format.fill.color = `#${fill}`;
  if (fontColor) format.cellValue.format.font.color = `#${fontColor}`;
  format.cellValue.rule =
    "equals" in when
      ? { formula1: `="${when.equals.replace(/"/g, '""')}"`, operator: "EqualTo" }
      : { formula1: `=${when.greaterThan}`, operator: "GreaterThan" };
}
