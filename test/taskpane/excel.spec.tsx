/**
 * The pane with its real PaneWorkbook (Excel.run and the Excel host's jobs) on the strict Excel stand-in holding the
 * Östersund example: the four steps as a user walks them, and what the workbook holds afterwards. The core is passed
 * in as the pane passes its Web Worker; here it records its calls, and a test holds one open to see the pane stay
 * usable while the core works.
 */
import "./setup";
import * as path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PlanRead } from "../../src/domain/planRead";
import { inThreadCore } from "../../src/hosts/coreSteps";
import JSZip from "jszip";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/hosts/xlsx/read";
import type { Grid } from "../../src/sheet/grid";
import { App } from "../../src/taskpane/App";
import { excelWorkbook } from "../../src/taskpane/excelWorkbook";
import { inThreadPaneCore } from "../../src/taskpane/core.worker";
import type { PaneCore } from "../../src/taskpane/followUpOutline";
import type { StandIn } from "../../src/hosts/standin";
import { standInFromGrids } from "../excel/support";
import { COL, ECONOMY_COL } from "../../src/domain/followup/model";
import { benchPlanGrids } from "../support/benchPlan";
import { EXAMPLES } from "../support/workbooks";
import { writeWarningMessage } from "../../src/i18n/errors";
import { LEDGER_SETTINGS, deferred, inThreadChapter, inThreadFiles } from "./fakes";

let grids: Grid[];
let standIn: StandIn;
let uninstall: () => void;
let calls: string[];
let hold: Promise<void> | null;

const core: PaneCore = {
  readPlan: async (...args) => {
    calls.push("readPlan");
    if (hold) await hold;
    return inThreadCore.readPlan(...args);
  },
  prepareFollowUp: async (...args) => {
    calls.push("prepareFollowUp");
    return inThreadCore.prepareFollowUp(...args);
  },
  prepareReport: async (...args) => {
    calls.push("prepareReport");
    return inThreadCore.prepareReport(...args);
  },
  outlineFollowUp: async (...args) => {
    calls.push("outlineFollowUp");
    return inThreadPaneCore.outlineFollowUp(...args);
  },
  importLedger: async (...args) => {
    calls.push("importLedger");
    return inThreadCore.importLedger(...args);
  },
};

beforeAll(async () => {
  grids = (await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids;
});

beforeEach(() => {
  standIn = standInFromGrids(grids);
  uninstall = standIn.install();
  calls = [];
  hold = null;
});

afterEach(() => uninstall());

function pane(initialStep?: "koppla" | "validera" | "skapa" | "sammanstall") {
  const workbook = excelWorkbook({ core, files: inThreadFiles(), chapter: inThreadChapter() });
  render(<App inExcel workbook={workbook} initialStep={initialStep} />);
}

test("the four steps on the Östersund example, in the stand-in's workbook", async () => {
  const user = userEvent.setup();
  pane();
  // Koppla: the sheets as read, and the plan's first rows.
  const sheets = await screen.findByRole("table", { name: "Bladen i arbetsboken" });
  expect(within(sheets).getByRole("combobox", { name: "Läs bladet Uppdrag som" })).toHaveDisplayValue("Uppdrag");
  expect(await screen.findByRole("table", { name: "Nämnder" })).toHaveTextContent("KS");
  expect(screen.getByRole("table", { name: "Ramjusteringar" })).toHaveTextContent(/tkr/);
  expect(calls).toEqual(["readPlan"]);

  // Validera: no errors.
  await user.click(screen.getByRole("tab", { name: "Validera" }));
  expect(await screen.findByText(/^0 fel, \d+ varning/)).toBeVisible();

  // Skapa uppföljning: T1 of the plan's first year; every nämnd's sheet will be created.
  await user.click(screen.getByRole("tab", { name: "Skapa uppföljning" }));
  expect(await screen.findByRole("spinbutton", { name: "År" })).toHaveValue(2024);
  const outline = await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
  const rows = within(outline).getAllByRole("row").slice(1);
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) expect(row).toHaveTextContent(/T1 2024.*skapas/);
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  expect(await screen.findByText(`Skapade ${rows.length} uppföljningsblad`)).toBeVisible();
  const names = standIn.workbook.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(["KS T1 2024"]));
  // The outline is read again: the sheets are now updated, not created.
  await waitFor(() =>
    expect(
      within(screen.getByRole("table", { name: "Uppföljningsbladen per nämnd" })).getAllByText("uppdateras"),
    ).toHaveLength(rows.length),
  );

  // Sammanställ: nothing answered yet; the report is written into the workbook.
  await user.click(screen.getByRole("tab", { name: "Sammanställ" }));
  const missing = await screen.findByRole("region", { name: "Det här saknas per nämnd" });
  // The follow-up sheets just written hold nothing typed: no nämnd has answered from them.
  expect(within(missing).getByText(`0 av ${rows.length} nämnder har svarat.`)).toBeVisible();
  expect(within(missing).getByRole("list", { name: "Har inte svarat" })).toHaveTextContent("KS Kommunstyrelsen");
  await user.click(screen.getByRole("button", { name: "Sammanställ" }));
  expect(await screen.findByText(/Rapporten är skriven på bladen Översikt/)).toBeVisible();
  await user.click(screen.getByRole("button", { name: "Gå till rapportens Översikt" }));
  expect(standIn.workbook.active?.name).toBe("Översikt");
  expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Översikt", "Fynd"]));
  // Every step's core work went through the core passed in (the pane's worker), none in the pane's thread.
  expect(new Set(calls)).toEqual(new Set(["readPlan", "outlineFollowUp", "prepareFollowUp", "prepareReport"]));
});

test("below ExcelApi 1.9 the report is written without filters and footers, and the pane says so", async () => {
  uninstall();
  standIn = standInFromGrids(grids, 8);
  uninstall = standIn.install();
  const user = userEvent.setup();
  pane("skapa");
  // Enabled once the outline has said which earlier periods the workbook holds.
  const create = await screen.findByRole("button", { name: "Skapa uppföljningsblad" });
  await waitFor(() => expect(create).toBeEnabled());
  await user.click(create);
  expect(await screen.findByText(/^Skapade \d+ uppföljningsblad/)).toBeVisible();
  await user.click(screen.getByRole("tab", { name: "Sammanställ" }));
  await user.click(await screen.findByRole("button", { name: "Sammanställ" }));
  expect(await screen.findByText(/Rapporten är skriven på bladen Översikt/)).toBeVisible();
  expect(await screen.findByText(writeWarningMessage("noAutoFilter", "sv"))).toBeVisible();
  // Said once by Skapa (the follow-up sheets' print setup) and once by Sammanställ (the report's).
  expect(screen.getAllByText(writeWarningMessage("noPrintSetup", "sv"))).toHaveLength(2);
  expect([standIn.workbook.sheet("Svar").autoFilter, standIn.workbook.sheet("Svar").pageLayout]).toEqual([null, {}]);
});

test("Skapa with a ledger export: read in the files worker, summed in the core, its utfall on the nämnd's sheet", async () => {
  uninstall();
  standIn = standInFromGrids([...grids.filter((g) => g.sheet !== "Inställningar"), LEDGER_SETTINGS]);
  uninstall = standIn.install();
  const user = userEvent.setup();
  pane("skapa");
  await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
  const csv = new File(["Ansvar;Belopp\n1100;1 234,56\n1200;-234,56\n9900;5\n"], "utfall.csv");
  await user.upload(screen.getByLabelText("Välj utfall ur ekonomisystemet"), csv);
  const table = await screen.findByRole("table", { name: "Utfall per nämnd" });
  expect(within(table).getAllByRole("row")[1]).toHaveTextContent(/KS.*1 tkr/);
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  await screen.findByText(/^Skapade \d+ uppföljningsblad/);
  const ks = standIn.workbook.find("KS T1 2024")!;
  const drift = Array.from({ length: 300 }, (_, r) => r).find(
    (r) => ks.cell(r, COL.title)?.value === "Driftbudget, nettokostnad",
  )!;
  expect(ks.cell(drift, ECONOMY_COL.outcome)?.value).toBeCloseTo(1, 8);
  expect(calls).toEqual(expect.arrayContaining(["importLedger"]));
});

test("created again after the plan moved an answered uppdrag: the step lists what reading the earlier sheets found", async () => {
  const user = userEvent.setup();
  pane("skapa");
  await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
  const create = () => user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  await create();
  await screen.findByText(/^Skapade \d+ uppföljningsblad/);
  expect(screen.queryByRole("region", { name: /Fynd i de tidigare bladen/ })).not.toBeInTheDocument();

  // KS answers U1; the economist then gives U1 to TN.
  const ks = standIn.workbook.find("KS T1 2024")!;
  const row = Array.from({ length: 200 }, (_, r) => r).find((r) => ks.cell(r, 0)?.value === "assignment|U1")!;
  ks.at(row, 5).value = "Påbörjat";
  const uppdrag = standIn.workbook.find("Uppdrag")!;
  const u1 = Array.from({ length: 20 }, (_, r) => r).find((r) => uppdrag.cell(r, 0)?.value === "U1")!;
  uppdrag.at(u1, 4).value = "TN";
  await waitFor(() => expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeEnabled());
  await create();
  const found = await screen.findByRole("region", { name: "Fynd i de tidigare bladen (1)" });
  expect(within(found).getByRole("listitem")).toHaveTextContent(
    `KS T1 2024!B${row + 1}: Varning: "Förbättra kvinnors förutsättningar för företagande i kommunen." har flyttats ` +
      "från nämnden KS till TN i planen.",
  );
});

test("Sammanställ: the goal tree from the core's consolidation, and the chapter in Word as a .docx with every goal", async () => {
  const user = userEvent.setup();
  const saved: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => {
    saved.push(blob);
    return "blob:test";
  };
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  pane("skapa");
  await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  await screen.findByText(/^Skapade \d+ uppföljningsblad/);
  // KS answers every goal on its sheet: Kan inte bedömas (shown, not voting) except the first, Uppfyllt.
  const ks = standIn.workbook.find("KS T1 2024")!;
  const goalRows = Array.from({ length: 300 }, (_, r) => r).filter((r) =>
    String(ks.cell(r, COL.key)?.value ?? "").startsWith("goal|"),
  );
  expect(goalRows.length).toBeGreaterThan(1);
  goalRows.forEach((r, i) => (ks.at(r, COL.input).value = i === 0 ? "Uppfyllt" : "Kan inte bedömas"));

  await user.click(screen.getByRole("tab", { name: "Sammanställ" }));
  await screen.findByRole("region", { name: "Det här saknas per nämnd" });
  await user.click(screen.getByRole("button", { name: "Sammanställ" }));
  const tree = await screen.findByRole("tree", { name: "Måluppfyllelse per mål och nämnd" });
  const tops = within(tree).getAllByRole("treeitem");
  expect(tops.length).toBeGreaterThan(1);
  // Open every top goal: each nämnd that has not answered is Ej inkommet; KS's answers are there in words.
  for (const top of tops) {
    top.focus();
    await user.keyboard("{ArrowRight}");
  }
  expect(within(tree).getAllByText(/: Ej inkommet$/).length).toBeGreaterThan(0);
  expect(within(tree).getAllByText(/^KS Kommunstyrelsen: (Uppfyllt|Kan inte bedömas)$/).length).toBeGreaterThan(0);

  await user.click(screen.getByRole("button", { name: "Skapa kapitel i Word" }));
  const done = await screen.findByText(
    /^Kapitlet är sparat som Måluppfyllelse T1 2024\.docx\.$/,
    {},
    { timeout: 20_000 },
  );
  expect(done).toBeVisible();
  expect(click).toHaveBeenCalledTimes(1);
  const docx = await JSZip.loadAsync(await saved[0].arrayBuffer());
  const xml = await docx.file("word/document.xml")!.async("string");
  const text = xml
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
  // Every goal above the nämnder (not the vision at the top) has its heading in the chapter, and its item in the tree.
  const { plan } = await inThreadCore.readPlan(grids);
  const assessed = plan.goals.filter((g) => g.committee === null && g.level !== plan.levels[0].id);
  expect(assessed.length).toBeGreaterThan(1);
  for (const goal of assessed) expect(text).toContain(goal.name);
  expect(within(tree).getAllByRole("treeitem").length).toBeGreaterThanOrEqual(assessed.length);
  expect(text).toContain("Kan inte bedömas");
  click.mockRestore();
}, 60_000);

test("an error in the plan: shown at its cell, and a click selects that cell in Excel", async () => {
  const user = userEvent.setup();
  standIn.workbook.sheet("Uppdrag").put("E3", "Nämnden som inte finns");
  pane("validera");
  const finding = await screen.findByRole("button", { name: /^Uppdrag!E3 Nämnden "Nämnden som inte finns"/ });
  await user.click(finding);
  await waitFor(() => expect(standIn.workbook.selection).toBe("Uppdrag!E3"));
  expect(standIn.workbook.active?.name).toBe("Uppdrag");

  // Nothing is created while the plan has errors.
  await user.click(screen.getByRole("tab", { name: "Skapa uppföljning" }));
  expect(await screen.findByText(/Planen har 1 fel/)).toBeVisible();
  const before = standIn.workbook.sheets.map((s) => s.name);
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  expect(await screen.findAllByText(/Planen har 1 fel/)).not.toHaveLength(0);
  expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(before);
});

test("while the core works (in the pane's worker), the pane stays usable: tabs switch, the spinner shows", async () => {
  const user = userEvent.setup();
  const release = deferred<void>();
  hold = release.promise;
  pane();
  expect(await screen.findByText("Läser arbetsboken …")).toBeVisible();
  await user.click(screen.getByRole("tab", { name: "Validera" }));
  expect(screen.getByRole("tab", { name: "Validera" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("button", { name: "Validera" })).toBeDisabled();
  expect(screen.getByText("Validerar planen …")).toBeVisible();
  await user.click(screen.getByRole("tab", { name: "Koppla" }));
  expect(calls).toEqual(["readPlan"]);
  release.resolve();
  expect(await screen.findByRole("table", { name: "Bladen i arbetsboken" })).toBeVisible();
});

test("an empty workbook: the template sheets are created and then read", async () => {
  const user = userEvent.setup();
  uninstall();
  standIn = standInFromGrids([]);
  standIn.workbook.addSheet("Blad1");
  uninstall = standIn.install();
  pane();
  await user.click(await screen.findByRole("button", { name: "Skapa mallbladen" }));
  expect(await screen.findByText(/Mallbladen är skapade/)).toBeVisible();
  expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Nämnder", "Mål", "Uppdrag"]));
  expect(await screen.findByRole("combobox", { name: "Läs bladet Uppdrag som" })).toBeVisible();
});

test("a saved mapping is kept in the workbook and used when reading again", async () => {
  const user = userEvent.setup();
  pane();
  await user.selectOptions(await screen.findByRole("combobox", { name: "Läs bladet Nyckeltal som" }), "Läses inte");
  await user.click(screen.getByRole("button", { name: "Spara kopplingen" }));
  expect(await screen.findByText(/Kopplingen är sparad/)).toBeVisible();
  const read: PlanRead = await inThreadCore.readPlan(
    await standIn.run(async (context) => (await import("../../src/hosts/excel/read")).readWorkbook(context)),
  );
  expect(read.settings.mapping.sheets?.Nyckeltal).toEqual({ kind: "ignore" });
  expect(read.plan.keyFigures).toEqual([]);
});

test("a core without the outline step (any CoreSteps): the same outline, computed from the sheets", async () => {
  const choice = { period: { name: "T1", kind: "forecast" as const }, year: 2024, due: null };
  const files = inThreadFiles();
  const plain = await excelWorkbook({ core: inThreadCore, files, chapter: inThreadChapter() }).outlineFollowUp(choice);
  const pane = await excelWorkbook({ core: inThreadPaneCore, files, chapter: inThreadChapter() }).outlineFollowUp(
    choice,
  );
  expect(plain.ok && plain.rows.length).toBeGreaterThan(1);
  expect(plain).toEqual(pane);
});

test("export: one workbook per nämnd, each with its follow-up sheet, and the open workbook unchanged", async () => {
  const before = standIn.workbook.sheets.map((s) => s.name);
  const choice = { period: { name: "T1", kind: "forecast" as const }, year: 2024, due: null, password: "x" };
  const outcome = await excelWorkbook({ core, files: inThreadFiles(), chapter: inThreadChapter() }).exportFollowUp(
    choice,
  );
  if (!outcome.ok) throw new Error("the example plan has errors");
  const read = await inThreadCore.readPlan(grids);
  const codes = read.plan.committees
    .map((c) => c.code)
    .filter((code) => outcome.files.some((f) => f.committee === code));
  expect(outcome.files.map((f) => f.fileName)).toEqual(codes.map((code) => `${code}-T1-2024.xlsx`));
  for (const file of outcome.files) {
    const { grids: inFile } = await readWorkbookBuffer(file.data, file.fileName);
    expect(inFile.map((g) => g.sheet)).toEqual([`${file.committee} T1 2024`, "Måltavlan listor", "Måltavlan"]);
  }
  const zip = await JSZip.loadAsync(outcome.zip.data);
  expect(Object.keys(zip.files).sort()).toEqual(outcome.files.map((f) => f.fileName).sort());
  expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(before);
});

test.each([
  [12, true],
  [13, false],
])("ExcelApi 1.%i: Koppla notes merged cells Excel did not give: %s", async (apiVersion, noted) => {
  uninstall();
  standIn = standInFromGrids(grids, apiVersion);
  uninstall = standIn.install();
  pane();
  await screen.findByRole("table", { name: "Bladen i arbetsboken" });
  const note = screen.queryByText(/Excel gav inte tillägget de sammanfogade cellerna/);
  if (noted) expect(note).toBeVisible();
  else expect(note).not.toBeInTheDocument();
  // Two syncs either way: the merged areas come with the sheets.
  expect(standIn.log.map((s) => s.error)).toEqual([undefined, undefined]);
});

test("the pane remembers the workbook's size: after one job, a workbook over 5 MB is read without a refused sync", async () => {
  uninstall();
  standIn = standInFromGrids(benchPlanGrids({ assignments: 8_000, adjustments: 8_000 }));
  uninstall = standIn.install();
  const choice = { period: { name: "T1", kind: "forecast" as const }, year: 2025, due: null };
  const refusedIn = async (job: () => Promise<unknown>) => {
    const from = standIn.log.length;
    await job();
    return standIn.log.slice(from).filter((s) => s.error).length;
  };
  // The first generate writes the follow-up sheets: from then on the workbook is over 5 MB.
  const pane = excelWorkbook({ core, files: inThreadFiles(), chapter: inThreadChapter() });
  expect(await refusedIn(() => pane.generate(choice))).toBe(0);
  // A pane that has seen the workbook reads it in blocks from the start; a fresh one has to be refused first.
  expect(await refusedIn(() => pane.generate(choice))).toBe(0);
  expect(
    await refusedIn(() => excelWorkbook({ core, files: inThreadFiles(), chapter: inThreadChapter() }).validate()),
  ).toBe(1);
}, 60_000);
