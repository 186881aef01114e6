/**
 * The earlier period picked in Skapa and Sammanställ, on a fake workbook: the periods the outline lists, the one
 * suggested, what the request carries, and what reading the earlier period found.
 */
import "./setup";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FileFinding } from "../../src/domain/findings";
import { FOLLOW_UP_MARKER } from "../../src/domain/followup/model";
import type { Grid } from "../../src/sheet/grid";
import { App } from "../../src/taskpane/App";
import type { EarlierPeriods, FollowUpOutline, ReturnedWorkbook } from "../../src/taskpane/workbook";
import { CONSOLIDATION, OUTLINE, deferred, fakeWorkbook, validation } from "./fakes";

const CHOICE = "Jämför med tidigare period";
const HELD: EarlierPeriods = {
  periods: [
    { period: "Delår", year: 2024 },
    { period: "T1", year: 2024 },
    { period: "Helår", year: 2023 },
  ],
  suggested: { period: "T1", year: 2024 },
};
const RETURNED: ReturnedWorkbook = { file: "KS T1 2024.xlsx", grids: [], modified: null };
const NONE_FOUND: FileFinding = {
  file: "KS T1 2024.xlsx",
  sheet: "KS T1 2024",
  cell: "A1",
  severity: "error",
  rule: "followup-previous-none",
  params: { found: "Delår 2024" },
};

function skapa(earlier: EarlierPeriods = HELD) {
  const workbook = fakeWorkbook(validation());
  workbook.outlineFollowUp.mockResolvedValue({ ...OUTLINE, earlier });
  workbook.readFiles.mockResolvedValue({ workbooks: [RETURNED], problems: [] });
  render(<App inExcel workbook={workbook} initialStep="skapa" />);
  return workbook;
}

const create = () => screen.getByRole("button", { name: "Skapa uppföljningsblad" });

describe("the earlier period in Skapa", () => {
  test("the workbook's periods newest first and Ingen; the suggested one goes with the request", async () => {
    const user = userEvent.setup();
    const workbook = skapa();
    const choice = await screen.findByRole("combobox", { name: CHOICE });
    expect(choice).toHaveTextContent("T1 2024");
    await user.click(choice);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Delår 2024",
      "T1 2024",
      "Helår 2023",
      "Ingen",
    ]);
    await user.keyboard("{Escape}");
    await user.click(create());
    expect(workbook.generate).toHaveBeenLastCalledWith(
      expect.objectContaining({ previous: { period: { period: "T1", year: 2024 }, files: [] } }),
    );
  });

  test("picked by keyboard: Ingen leaves the earlier period out; the files of a period go with it", async () => {
    const user = userEvent.setup();
    const workbook = skapa();
    const choice = await screen.findByRole("combobox", { name: CHOICE });
    act(() => choice.focus());
    await user.keyboard("{Enter}{End}{Enter}");
    expect(choice).toHaveTextContent("Ingen");
    await user.click(create());
    expect(workbook.generate.mock.lastCall?.[0].previous).toBeUndefined();

    await user.upload(screen.getByLabelText("Välj filer från den tidigare perioden"), new File(["x"], RETURNED.file));
    expect(await screen.findByText("1 fil inlästa:")).toBeVisible();
    await user.click(choice);
    await user.click(screen.getByRole("option", { name: "Helår 2023" }));
    await user.click(create());
    expect(workbook.generate).toHaveBeenLastCalledWith(
      expect.objectContaining({ previous: { period: { period: "Helår", year: 2023 }, files: [RETURNED] } }),
    );
    await user.click(screen.getByRole("button", { name: `Ta bort ${RETURNED.file}` }));
    await user.click(create());
    expect(workbook.generate).toHaveBeenLastCalledWith(
      expect.objectContaining({ previous: { period: { period: "Helår", year: 2023 }, files: [] } }),
    );
  });

  test("a file without sheets of the chosen period is said to be unused", async () => {
    const user = userEvent.setup();
    const workbook = skapa();
    const meta = { format: 2, plan: "plan.xlsx", committee: "KS", committeeName: null, period: "Delår" };
    const delar: Grid = {
      sheet: "KS Delår 2024",
      top: 0,
      left: 0,
      values: [
        [FOLLOW_UP_MARKER],
        [JSON.stringify({ ...meta, periodKind: "prognos", year: 2024, due: null, generatedAt: "2024-08-01" })],
      ],
    };
    const file = "KS Delår 2024.xlsx";
    workbook.readFiles.mockResolvedValue({ workbooks: [{ file, grids: [delar], modified: null }], problems: [] });
    const choice = await screen.findByRole("combobox", { name: CHOICE });
    await user.upload(screen.getByLabelText("Välj filer från den tidigare perioden"), new File(["x"], file));
    const unused = `${file} har inga uppföljningsblad från T1 2024 (bara från Delår 2024) och används inte.`;
    expect(await screen.findByText(unused)).toBeVisible();
    await user.click(choice);
    await user.click(screen.getByRole("option", { name: "Delår 2024" }));
    expect(screen.queryByText(unused)).not.toBeInTheDocument();
    // With none of the workbook's periods the files are read whole.
    await user.click(choice);
    await user.click(screen.getByRole("option", { name: "Ingen" }));
    expect(screen.queryByText(/och används inte/)).not.toBeInTheDocument();
  });

  test("a workbook with no other period: said so, and files alone can be the earlier period", async () => {
    const user = userEvent.setup();
    const workbook = skapa({ periods: [], suggested: null });
    expect(await screen.findByText(/Arbetsboken har inga uppföljningsblad från en annan period/)).toBeVisible();
    expect(screen.queryByRole("combobox", { name: CHOICE })).not.toBeInTheDocument();
    await user.click(create());
    expect(workbook.generate.mock.lastCall?.[0].previous).toBeUndefined();
    await user.upload(screen.getByLabelText("Välj filer från den tidigare perioden"), new File(["x"], RETURNED.file));
    await screen.findByText("1 fil inlästa:");
    await user.click(create());
    expect(workbook.generate).toHaveBeenLastCalledWith(
      expect.objectContaining({ previous: { period: null, files: [RETURNED] } }),
    );
  });

  test("after the period changes, nothing is made until its outline has listed the earlier periods", async () => {
    const user = userEvent.setup();
    const workbook = skapa();
    await screen.findByRole("combobox", { name: CHOICE });
    await waitFor(() => expect(create()).toBeEnabled());
    const listed = deferred<FollowUpOutline>();
    workbook.outlineFollowUp.mockReturnValueOnce(listed.promise);
    await user.click(screen.getByRole("combobox", { name: "Period" }));
    await user.click(screen.getByRole("option", { name: /^Helår/ }));
    expect(create()).toBeDisabled();
    const delar = { period: "Delår", year: 2024 };
    listed.resolve({ ...OUTLINE, earlier: { periods: [delar, { period: "T1", year: 2024 }], suggested: delar } });
    await waitFor(() => expect(create()).toBeEnabled());
    expect(screen.getByRole("combobox", { name: CHOICE })).toHaveTextContent("Delår 2024");
    await user.click(create());
    expect(workbook.generate).toHaveBeenLastCalledWith(
      expect.objectContaining({
        period: expect.objectContaining({ name: "Helår" }),
        previous: { period: delar, files: [] },
      }),
    );
  });

  test("what reading the earlier period found is listed with the other findings of the write", async () => {
    const user = userEvent.setup();
    const workbook = skapa({ periods: [], suggested: null });
    workbook.generate.mockResolvedValueOnce({
      written: true,
      sheets: ["KS Delår 2024"],
      carried: [{ sheet: "KS Delår 2024", answers: 0 }],
      findings: [NONE_FOUND],
      warnings: [],
      validation: validation(),
    });
    await screen.findByText(/Arbetsboken har inga uppföljningsblad/);
    await user.click(create());
    const found = await screen.findByRole("region", { name: "Fynd i de tidigare bladen (1)" });
    expect(within(found).getByRole("listitem")).toHaveTextContent(
      "KS T1 2024!A1 i KS T1 2024.xlsx: Fel: Filen med den tidigare perioden har inga uppföljningsblad för en annan " +
        "period än den som skapas (bladen gäller Delår 2024)",
    );
  });
});

describe("the earlier period in Sammanställ", () => {
  test("compared with the suggested period; the report's findings include what reading it found", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook(validation());
    workbook.outlineConsolidation.mockResolvedValue({ ...CONSOLIDATION, earlier: HELD });
    const written = await workbook.consolidate({ returned: [], language: "sv" });
    if (!written.written) throw new Error("the fake writes");
    workbook.consolidate.mockResolvedValue({
      ...written,
      findings: [{ ...NONE_FOUND, rule: "followup-previous-other-plan", params: { period: "T1 2024" } }],
    });
    render(<App inExcel workbook={workbook} initialStep="sammanstall" />);
    const choice = await screen.findByRole("combobox", { name: CHOICE });
    expect(choice).toHaveTextContent("T1 2024");
    expect(screen.getByText("Rapportens blad Förändring visar vad som ändrats sedan den perioden.")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Sammanställ" }));
    await waitFor(() =>
      expect(workbook.consolidate).toHaveBeenLastCalledWith({
        returned: [],
        language: "sv",
        previous: { period: { period: "T1", year: 2024 }, files: [] },
      }),
    );
    const found = await screen.findByRole("region", { name: "Fynd i svaren (1)" });
    expect(found).toHaveTextContent("Uppföljningsbladen för T1 2024 i filen hör till en annan plan");
  });
});
