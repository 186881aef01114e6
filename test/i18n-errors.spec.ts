/** What the hosts report, said in both languages: every code has a sentence in each, and they are not the same. */
import type { ExcelProblem, ExcelStep, FileProblem, WriteWarning } from "../src/sheet/hostProblems";
import {
  HOST_STRINGS,
  excelProblemMessage,
  fileProblemMessage,
  interruptedMessage,
  leftoverTemporariesMessage,
  writeWarningMessage,
} from "../src/i18n/errors";
import { PANE_STRINGS } from "../src/i18n/pane";

/** One of each problem; the mapped types make a code left out here fail the type check. */
const FILE_PROBLEMS: { [C in FileProblem["code"]]: Extract<FileProblem, { code: C }> } = {
  missing: { code: "missing", file: "plan.xlsx" },
  isFolder: { code: "isFolder", file: "plan.xlsx" },
  noPermission: { code: "noPermission", file: "plan.xlsx" },
  locked: { code: "locked", file: "plan.xlsx" },
  unreadable: { code: "unreadable", file: "plan.xlsx", detail: "ENAMETOOLONG" },
  notWorkbook: { code: "notWorkbook", file: "plan.xlsx", hint: "text" },
  corrupt: { code: "corrupt", file: "plan.xlsx" },
  encrypted: { code: "encrypted", file: "plan.xlsx" },
  legacyFormat: { code: "legacyFormat", file: "plan.xlsx" },
  encryptedOrLegacy: { code: "encryptedOrLegacy", file: "plan.xlsx" },
  overLimit: { code: "overLimit", file: "plan.xlsx", limit: "ratio", max: 100, where: "xl/worksheets/sheet1.xml" },
  unwritable: { code: "unwritable", file: "ut.xlsx", errno: "ENOSPC" },
  exists: { code: "exists", file: "ut.xlsx", meanwhile: true },
  setInProgress: { code: "setInProgress", file: "ut", pid: 4242, host: "ekonomi-pc", remove: ["ut/KS-T1-2025.xlsx"] },
  setIncomplete: { code: "setIncomplete", file: "ut", pid: 4242, remove: ["ut/KS-T1-2025.xlsx"] },
};

const SYNC_FAILED: ExcelProblem = { code: "syncFailed", officeCode: "AccessDenied", step: "writeSheets" };
const EXCEL_PROBLEMS: { [C in ExcelProblem["code"]]: Extract<ExcelProblem, { code: C }> } = {
  syncFailed: { code: "syncFailed", officeCode: "Timeout", step: "readSheets", part: { index: 2, count: 3 } },
  sheetNamesTaken: { code: "sheetNamesTaken", names: ["Översikt", "Fynd"] },
  invalidSheetName: { code: "invalidSheetName", name: "Mål/Budget" },
  sheetGone: { code: "sheetGone", sheet: "Uppdrag" },
  sheetHidden: { code: "sheetHidden", sheet: "Uppdrag" },
  writeFailed: { code: "writeFailed", cause: SYNC_FAILED, undone: false, sheets: ["KS T1 2025"] },
};

const WARNINGS: WriteWarning[] = ["noDropdowns", "noConditionalFills", "noPrintSetup", "noAutoFilter"];
const STEPS = Object.keys(HOST_STRINGS.sv.steps) as ExcelStep[];

describe("host messages in Swedish and English", () => {
  test.each(Object.values(FILE_PROBLEMS))("file problem %j", (problem) => {
    const sv = fileProblemMessage(problem, "sv");
    const en = fileProblemMessage(problem, "en");
    expect(sv).toContain(problem.file);
    expect(en).toContain(problem.file);
    expect(en).not.toBe(sv);
    expect(`${sv}${en}`).not.toMatch(/undefined|null/);
  });

  test.each(Object.values(EXCEL_PROBLEMS))("Excel problem %j", (problem) => {
    const sv = excelProblemMessage(problem, "sv");
    const en = excelProblemMessage(problem, "en");
    expect(en).not.toBe(sv);
    expect(`${sv}${en}`).not.toMatch(/undefined|null/);
  });

  test("a sync names its step and part; a failed write says what happened to what it wrote", () => {
    expect(excelProblemMessage(EXCEL_PROBLEMS.syncFailed, "sv")).toBe(
      "Excel svarar inte (läsa bladen, del 2 av 3). Försök igen; om det upprepas, ladda om tillägget.",
    );
    expect(excelProblemMessage(EXCEL_PROBLEMS.syncFailed, "en")).toBe(
      "Excel is not answering (reading the sheets, part 2 of 3). Try again; if it happens again, reload the add-in.",
    );
    expect(excelProblemMessage(EXCEL_PROBLEMS.writeFailed, "en")).toMatch(
      /^Excel refused the change \(writing the sheets\):.* What was written could not be removed: check the sheets "KS T1 2025"/,
    );
    expect(excelProblemMessage({ ...EXCEL_PROBLEMS.writeFailed, undone: true }, "sv")).toMatch(
      /^Excel nekade ändringen \(skriva bladen\):.* Inget sparades: de blad som hann skapas togs bort/,
    );
  });

  test("an Office.js code without a sentence of its own is named in the general one", () => {
    const problem: ExcelProblem = { code: "syncFailed", officeCode: "SomethingNew", step: "showCell" };
    expect(excelProblemMessage(problem, "sv")).toBe(
      "Excel rapporterade ett fel (visa cellen; SomethingNew). Försök igen; om det upprepas, ladda om tillägget.",
    );
    expect(excelProblemMessage(problem, "en")).toBe(
      "Excel reported an error (showing the cell; SomethingNew). Try again; if it happens again, reload the add-in.",
    );
  });

  test("every step, warning and write reason differs between the languages", () => {
    for (const step of STEPS) expect(HOST_STRINGS.en.steps[step]).not.toBe(HOST_STRINGS.sv.steps[step]);
    for (const warning of WARNINGS)
      expect(writeWarningMessage(warning, "en")).not.toBe(writeWarningMessage(warning, "sv"));
    expect(Object.keys(HOST_STRINGS.en.writeReasons)).toEqual(Object.keys(HOST_STRINGS.sv.writeReasons));
    expect(fileProblemMessage({ code: "unwritable", file: "ut.xlsx", errno: "EWHAT" }, "en")).toBe(
      "The file cannot be written (EWHAT): ut.xlsx",
    );
    expect(fileProblemMessage({ code: "unwritable", file: "ut.xlsx", errno: null }, "sv")).toBe(
      "Filen kan inte skrivas (okänt fel): ut.xlsx",
    );
  });
});

describe("what the CLI says about its output", () => {
  test("an interrupted run and a stopped run's leftovers, in both languages", () => {
    const removed = ["ut/.maltavlan-skrivs.json", "ut/KS-T1-2025.xlsx"];
    expect(interruptedMessage("SIGINT", removed, [], "sv")).toBe(
      "Avbrutet (SIGINT). Det den här körningen hann skriva togs bort: ut/.maltavlan-skrivs.json, " +
        "ut/KS-T1-2025.xlsx. Inget av det finns kvar.",
    );
    expect(interruptedMessage("SIGTERM", [], [], "en")).toBe("Interrupted (SIGTERM). Nothing had been written.");
    expect(interruptedMessage("SIGINT", [], ["ut/KS-T1-2025.xlsx"], "en")).toBe(
      "Interrupted (SIGINT). What this run had written could not all be removed; remove ut/KS-T1-2025.xlsx.",
    );
    for (const lang of ["sv", "en"] as const) expect(leftoverTemporariesMessage(["a.tmp"], lang)).toContain("a.tmp");
    expect(leftoverTemporariesMessage(["a.tmp"], "en")).not.toBe(leftoverTemporariesMessage(["a.tmp"], "sv"));
    expect(fileProblemMessage({ code: "exists", file: "ut.xlsx" }, "sv")).toBe(
      "Filen finns redan och skrivs inte över: ut.xlsx. Ta med den som indata om den har svar, och spara under ett " +
        "nytt namn.",
    );
  });
});

describe("amounts in the pane's language", () => {
  test("Swedish groups with a non-breaking space and a decimal comma; English with a comma and a decimal point", () => {
    expect(PANE_STRINGS.sv.amount(-120_050_000)).toBe("\u22121\u00A0200,5\u00A0tkr");
    expect(PANE_STRINGS.en.amount(-120_050_000)).toBe("-1,200.5\u00A0tkr");
    expect(PANE_STRINGS.en.amount(25_000_000)).toBe("250\u00A0tkr");
  });

  test("varaktig is Permanent in English", () => {
    expect(PANE_STRINGS.en.durations.permanent).toBe("Permanent");
  });
});
