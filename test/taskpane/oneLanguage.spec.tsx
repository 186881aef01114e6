import "./setup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HOST_STRINGS, excelProblemMessage, fileProblemMessage, writeWarningMessage } from "../../src/i18n/errors";
import type { Language } from "../../src/i18n/findings";
import { PANE_STRINGS } from "../../src/i18n/pane";
import { App } from "../../src/taskpane/App";
import type { PaneValidation } from "../../src/taskpane/workbook";
import {
  CONSOLIDATION,
  FINDINGS,
  PLAN,
  OUTLINE,
  REGENERATION_FINDINGS,
  fakeWorkbook,
  hostError,
  inThreadFiles,
  syncError,
  validation,
} from "./fakes";

/**
 * One language at a time: the pane is walked through every step, with errors from Excel and from a file, and after
 * each action no text of the UI's own in the other language may show. The forbidden texts come from the tables
 * themselves (src/i18n/pane.ts, src/i18n/errors.ts), never from a hand-made list.
 */

const MARK = "\u0001";
/**
 * Stands in for any parameter of a sentence: as text, number, list or count it reads as MARK, and so does any field
 * of it (a problem object's `file`, its list of paths).
 */
const ANY_PARAMETER: unknown = new Proxy(Object.assign([MARK], { toLocaleString: () => MARK }), {
  get: (target, key) => (typeof key === "symbol" || key in target ? Reflect.get(target, key) : ANY_PARAMETER),
});
/** Sentences that hand their parameter to another table (walked on its own) or format a number (no words). */
const DELEGATING = new Set(["amount", "levelName"]);

/** The fixed words of a table: its strings, and its sentences split where their parameters go. */
function fragments(table: unknown, key = ""): string[] {
  if (typeof table === "string") return table.split(new RegExp(`${MARK}|undefined`)).map(trimmed);
  if (typeof table === "function") {
    if (DELEGATING.has(key)) return [];
    const anyParameters = Array.from({ length: Math.max(table.length, 1) }, () => ANY_PARAMETER);
    return fragments(Reflect.apply(table, undefined, anyParameters));
  }
  if (typeof table === "object" && table !== null) {
    return Object.entries(table).flatMap(([name, value]) => fragments(value, name));
  }
  return [];
}

const trimmed = (text: string) => text.replace(/^[\s.,:;!?()"…–-]+|[\s.,:;!?()"…–-]+$/g, "");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Each fragment's pattern, made once: the walk tests hundreds of fragments against every text it sees. */
const wordPatterns = new Map<string, RegExp>();
/** `fragment` as whole words in `text`. */
function wordsIn(text: string, fragment: string): boolean {
  // Not in the text at all, the usual answer: a plain search says so far faster than the pattern.
  if (!text.includes(fragment)) return false;
  let pattern = wordPatterns.get(fragment);
  if (pattern === undefined) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(fragment)}(?![\\p{L}\\p{N}])`, "u");
    wordPatterns.set(fragment, pattern);
  }
  return pattern.test(text);
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The plan's own words (nämnder, goals, sheet and file names, the kommun's settings): they show in either language. */
const PLAN_CONTENT = strings([
  validation(FINDINGS),
  OUTLINE,
  CONSOLIDATION,
  ["Översikt", "Måluppfyllelse", "Svar", "Saknas", "Fynd", "Uppföljning T1 2024.zip", "svar.xlsx"],
]);

/** The UI's texts in `other` that are not also its texts in `language`, nor plan content; longer than 3 letters. */
function forbiddenIn(language: Language): string[] {
  const other: Language = language === "sv" ? "en" : "sv";
  const own = [...fragments(PANE_STRINGS[language]), ...fragments(HOST_STRINGS[language])];
  const ownSet = new Set(own);
  const candidates = new Set([...fragments(PANE_STRINGS[other]), ...fragments(HOST_STRINGS[other])]);
  return [...candidates].filter(
    (text) =>
      text.length > 3 &&
      !ownSet.has(text) &&
      !own.some((mine) => wordsIn(mine, text)) &&
      !PLAN_CONTENT.some((content) => wordsIn(content, text)),
  );
}

/** Everything the pane shows or tells a screen reader now. */
function shownText(): string {
  const labels = [...document.querySelectorAll("*")].flatMap((element) =>
    ["aria-label", "aria-description", "title", "placeholder", "alt"].flatMap((name) => {
      const value = element.getAttribute(name);
      return value ? [value] : [];
    }),
  );
  return [document.body.textContent ?? "", ...labels].join("\n");
}

/** The plan of the fakes with an amount that shows how the language writes numbers, and a permanent adjustment. */
const PLAN_WITH_AMOUNTS: PaneValidation = validation([FINDINGS[2]], {
  plan: {
    ...PLAN,
    adjustments: [{ ...PLAN.adjustments[0], amountOre: -120_050_000, duration: "permanent" }],
  },
});

async function walk(language: Language): Promise<string[]> {
  const t = PANE_STRINGS[language];
  const forbidden = forbiddenIn(language);
  const seen = new Set<string>();
  const check = () => {
    const text = shownText();
    for (const fragment of forbidden) if (wordsIn(text, fragment)) seen.add(fragment);
  };

  const notAnswering = syncError("Timeout", "readSheets");
  const denied = syncError("AccessDenied", "writeSheets");
  const hidden = hostError({ code: "sheetHidden", sheet: "Ramjusteringar" }, "InvalidOperation");
  const tooLarge = syncError("RequestPayloadSizeLimitExceeded", "writeSheets");
  const taken = hostError({ code: "sheetNamesTaken", names: ["Översikt"] }, "ItemAlreadyExists");

  const user = userEvent.setup();
  const workbook = fakeWorkbook(PLAN_WITH_AMOUNTS);
  workbook.validate.mockRejectedValueOnce(notAnswering);
  workbook.saveSettings.mockRejectedValueOnce(denied);
  workbook.goToCell.mockRejectedValueOnce(hidden);
  workbook.generate
    .mockResolvedValueOnce({
      written: true,
      sheets: ["KS T1 2024", "SAN T1 2024"],
      carried: [
        { sheet: "KS T1 2024", answers: 2 },
        { sheet: "SAN T1 2024", answers: 0 },
      ],
      findings: REGENERATION_FINDINGS,
      warnings: ["noDropdowns", "noInputMessages", "noConditionalFills", "noPrintSetup"],
      validation: PLAN_WITH_AMOUNTS,
    })
    .mockRejectedValueOnce(tooLarge);
  const files = inThreadFiles();
  workbook.readFiles.mockImplementation((picked) => files.readFiles(picked));
  workbook.consolidate.mockRejectedValueOnce(taken);
  render(<App inExcel workbook={workbook} strings={t} />);

  // Koppla: Excel does not answer at first; validating again reads the plan.
  expect(await screen.findByText(excelProblemMessage(notAnswering.problem, language))).toBeVisible();
  check();
  await user.click(screen.getByRole("tab", { name: t.tabs.validera }));
  await user.click(await screen.findByRole("button", { name: t.validate }));
  expect(await screen.findByText(t.summary(0, 1))).toBeVisible();
  check();

  // Koppla: how the plan is read, a mapping saved once Excel stops refusing it.
  await user.click(screen.getByRole("tab", { name: t.tabs.koppla }));
  expect(await screen.findByRole("table", { name: t.sheetsCaption })).toBeVisible();
  // As the language writes it; Testing Library reads the non-breaking spaces as plain ones.
  // The plan as read comes once the step's controls are painted.
  expect(await screen.findByText(t.amount(-120_050_000).replace(/\s/g, " "))).toBeVisible();
  expect(screen.getAllByText(t.durations.permanent).length).toBeGreaterThan(0);
  check();
  await user.selectOptions(screen.getByRole("combobox", { name: t.readAsLabel("Anteckningar") }), t.kinds.assignment);
  await user.click(screen.getByRole("button", { name: t.saveMapping }));
  expect(await screen.findByText(excelProblemMessage(denied.problem, language))).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: t.saveMapping }));
  expect(await screen.findByText(t.mappingSaved)).toBeVisible();
  check();

  // Validera: mark and unmark, go to a finding's cell on a hidden sheet.
  await user.click(screen.getByRole("tab", { name: t.tabs.validera }));
  expect(await screen.findByText(t.summary(0, 1))).toBeVisible();
  await user.click(screen.getByRole("button", { name: t.markCells }));
  expect(await screen.findByText(t.marked(1))).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: t.clearMarks }));
  expect(await screen.findByText(t.cleared(2))).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: /^Ramjusteringar!D5/ }));
  expect(await screen.findByText(excelProblemMessage(hidden.problem, language))).toBeVisible();
  check();

  // Skapa uppföljning: the outline, a write that warns, a write Excel refuses, the export per nämnd.
  await user.click(screen.getByRole("tab", { name: t.tabs.skapa }));
  expect(await screen.findByRole("table", { name: t.followUpCaption })).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: t.generate }));
  expect(await screen.findByText(t.generated(2))).toBeVisible();
  check();
  expect(await screen.findByText(writeWarningMessage("noPrintSetup", language))).toBeVisible();
  await user.click(screen.getByRole("button", { name: t.generate }));
  expect(await screen.findByText(excelProblemMessage(tooLarge.problem, language))).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: t.exportPerCommittee }));
  expect(await screen.findByText(t.exported(2))).toBeVisible();
  check();
  // The ledger export: its summary with a finding and a code of no nämnd, then a file with no ledger header.
  await user.upload(
    screen.getByLabelText(t.ledgerFile),
    new File(["Ansvar;Belopp\n1100;1 000\n9100;5\n2100;tolv\n"], "ledger.csv"),
  );
  expect(await screen.findByRole("table", { name: t.ledgerCaption })).toBeVisible();
  expect(screen.getByRole("heading", { name: t.ledgerFindings(1) })).toBeVisible();
  check();
  await user.upload(screen.getByLabelText(t.ledgerFile), new File(["Inköpslista\nmjölk\n"], "lista.txt"));
  expect(await screen.findByText(/^lista\.txt/)).toBeVisible();
  check();

  // Sammanställ: what is missing, a picked file that is no workbook, a report Excel refuses, then the report.
  await user.click(screen.getByRole("tab", { name: t.tabs.sammanstall }));
  expect(await screen.findByRole("region", { name: t.missingHeading })).toBeVisible();
  check();
  await user.upload(screen.getByLabelText(t.files), new File(["Nämnd;Svar\nKS;Klart\n"], "svar.xlsx"));
  expect(
    await screen.findByText(fileProblemMessage({ code: "notWorkbook", file: "svar.xlsx", hint: "text" }, language)),
  ).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: t.consolidate }));
  expect(await screen.findByText(excelProblemMessage(taken.problem, language))).toBeVisible();
  check();
  await user.click(screen.getByRole("button", { name: t.consolidate }));
  expect(
    await screen.findByText(t.consolidated(["Översikt", "Måluppfyllelse", "Svar", "Saknas", "Fynd"]), { exact: false }),
  ).toBeVisible();
  check();

  expect(forbidden.length).toBeGreaterThan(100);
  return [...seen];
}

describe("one language at a time", () => {
  beforeEach(() => {
    // jsdom has no object URLs; the export only needs one per file to link to.
    URL.createObjectURL = () => "blob:test";
    URL.revokeObjectURL = () => undefined;
  });

  test("an English pane shows none of the UI's Swedish texts, errors from Excel and from files included", async () => {
    expect(await walk("en")).toEqual([]);
  });

  test("a Swedish pane shows none of the UI's English texts, errors from Excel and from files included", async () => {
    expect(await walk("sv")).toEqual([]);
  });

  test("the forbidden texts are the other language's own: an English pane would catch Excel's Swedish errors", () => {
    const forbidden = forbiddenIn("en");
    expect(forbidden).toEqual(expect.arrayContaining(["Excel svarar inte", "Filen är inte en Excel-arbetsbok (.xlsx"]));
    expect(forbidden).not.toContain("Uppdrag"); // a sheet name of the plan
  });
});
