/**
 * The earlier period picked in the pane, with its real PaneWorkbook on the strict Excel stand-in holding the
 * Östersund example: T1 made and answered in the workbook, then Delår made with T1 picked from the workbook's
 * sheets shows T1's answers beside the new input, and the report compares with it.
 */
import "./setup";
import * as path from "path";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { COL } from "../../src/domain/followup/model";
import { MOVEMENT_SHEET } from "../../src/domain/followup/movementSheet";
import type { StandIn } from "../../src/hosts/standin";
import type { SheetModel } from "../../src/hosts/standin/model";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import type { Grid } from "../../src/sheet/grid";
import { App } from "../../src/taskpane/App";
import { inThreadPaneCore } from "../../src/taskpane/core.worker";
import { excelWorkbook } from "../../src/taskpane/excelWorkbook";
import { standInFromGrids } from "../excel/support";
import { EXAMPLES } from "../support/workbooks";
import { inThreadChapter, inThreadFiles } from "./fakes";

let grids: Grid[];
let standIn: StandIn;
let uninstall: () => void;

beforeAll(async () => {
  grids = (await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids;
});

beforeEach(() => {
  standIn = standInFromGrids(grids);
  uninstall = standIn.install();
});

afterEach(() => uninstall());

function pane(initialStep: "skapa" | "sammanstall") {
  const workbook = excelWorkbook({ core: inThreadPaneCore, files: inThreadFiles(), chapter: inThreadChapter() });
  return render(<App inExcel workbook={workbook} initialStep={initialStep} />);
}

const rowOf = (sheet: SheetModel, key: string) =>
  Array.from({ length: 300 }, (_, r) => r).find((r) => sheet.cell(r, COL.key)?.value === key)!;

const CHOICE = "Jämför med tidigare period";

/** T1 2024 made in the pane and answered in the workbook: KS on its first goal. */
async function t1Answered(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
  // Nothing to compare T1 with yet: the workbook holds no other period.
  expect(await screen.findByText(/Arbetsboken har inga uppföljningsblad från en annan period/)).toBeVisible();
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  await screen.findByText(/^Skapade \d+ uppföljningsblad/);
  const ks = standIn.workbook.sheet("KS T1 2024");
  const goal = rowOf(ks, "goal|NM1");
  ks.at(goal, COL.input).value = "Delvis uppfyllt";
  ks.at(goal, COL.comment).value = "Fler insatser behövs.";
}

async function chooseDelar(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("combobox", { name: "Period" }));
  await user.click(screen.getByRole("option", { name: /^Delår/ }));
}

test("Delår made with T1 picked from the workbook shows T1's answers in column G; with none, nothing", async () => {
  const user = userEvent.setup();
  pane("skapa");
  await t1Answered(user);
  await chooseDelar(user);

  // T1 is offered and chosen: the newest period before Delår.
  const choice = await screen.findByRole("combobox", { name: CHOICE });
  await waitFor(() => expect(choice).toHaveTextContent("T1 2024"));
  await user.click(choice);
  expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["T1 2024", "Ingen"]);
  await user.click(screen.getByRole("option", { name: "T1 2024" }));
  const create = screen.getByRole("button", { name: "Skapa uppföljningsblad" });
  await waitFor(() => expect(create).toBeEnabled());
  await user.click(create);
  await screen.findByText(/^Skapade \d+ uppföljningsblad/);
  const delar = standIn.workbook.sheet("KS Delår 2024");
  const goal = rowOf(delar, "goal|NM1");
  expect(String(delar.cell(goal, COL.input + 1)?.value)).toContain("Delvis uppfyllt – Fler insatser behövs.");
  // Shown, not given: the new input is empty.
  expect(delar.cell(goal, COL.input)?.value ?? null).toBeNull();
  // T1's sheets are kept beside Delår's.
  expect(standIn.workbook.find("KS T1 2024")).toBeDefined();

  // Made again with none: nothing of T1 beside the input.
  await user.click(screen.getByRole("combobox", { name: CHOICE }));
  await user.click(screen.getByRole("option", { name: "Ingen" }));
  await waitFor(() => expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  await waitFor(() => {
    const again = standIn.workbook.sheet("KS Delår 2024");
    expect(again.cell(rowOf(again, "goal|NM1"), COL.input + 1)?.value ?? null).toBeNull();
  });
});

test("Sammanställ of Delår compares with T1 from the workbook: the report has its Förändring sheet", async () => {
  const user = userEvent.setup();
  const { unmount } = pane("skapa");
  await t1Answered(user);
  await chooseDelar(user);
  await waitFor(() => expect(screen.getByRole("combobox", { name: CHOICE })).toHaveTextContent("T1 2024"));
  await waitFor(() => expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
  await screen.findByText(/^Skapade \d+ uppföljningsblad/);
  const delar = standIn.workbook.sheet("KS Delår 2024");
  delar.at(rowOf(delar, "goal|NM1"), COL.input).value = "Uppfyllt";
  unmount();

  pane("sammanstall");
  const choice = await screen.findByRole("combobox", { name: CHOICE });
  expect(choice).toHaveTextContent("T1 2024");
  await user.click(screen.getByRole("button", { name: "Sammanställ" }));
  await screen.findByText(/^Rapporten är skriven på bladen .*Förändring/);
  const movement = standIn.workbook.sheet(MOVEMENT_SHEET);
  const rows = Array.from({ length: 80 }, (_, r) => Array.from({ length: 6 }, (_, c) => movement.cell(r, c)?.value));
  expect(rows).toContainEqual(["KS", "Mål", expect.any(String), "Delvis uppfyllt", "Uppfyllt", "Bättre"]);
  expect(movement.cell(0, 0)?.value).toMatch(/^Förändring sedan T1 2024/);
});
