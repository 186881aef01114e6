import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { ConsolidateOutcome, ConsolidationOutline, FilesRead } from "../../src/taskpane/workbook";
import { CONSOLIDATION, FINDINGS, NO_EARLIER, deferred, fakeWorkbook, hostError, validation } from "./fakes";

function pane(workbook = fakeWorkbook(validation())) {
  render(<App inExcel workbook={workbook} initialStep="sammanstall" />);
  return workbook;
}

const xlsx = (name: string) =>
  new File(["PK"], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

describe("Sammanställ", () => {
  test("what is missing per nämnd, from this workbook's follow-up sheets", async () => {
    const workbook = fakeWorkbook(validation());
    const checked = deferred<ConsolidationOutline>();
    workbook.outlineConsolidation.mockImplementationOnce(() => checked.promise);
    pane(workbook);
    expect(await screen.findByText("Kontrollerar svaren …")).toBeVisible();
    checked.resolve(CONSOLIDATION);
    const missing = await screen.findByRole("region", { name: "Det här saknas per nämnd" });
    expect(missing).toHaveTextContent(
      /KS Kommunstyrelsen: 1 av 6 rader saknar svar.*Uppdrag: Förbättra kvinnors förutsättningar/,
    );
    expect(missing).toHaveTextContent("svar från denna arbetsbok");
    expect(within(missing).getByRole("list", { name: "Har inte svarat" })).toHaveTextContent(
      "SAN Social- och arbetsmarknadsnämnden",
    );
    expect(workbook.outlineConsolidation).toHaveBeenCalledWith({ returned: [], language: "sv" });
  });

  test("x av y nämnder har svarat, and who has not", async () => {
    const workbook = fakeWorkbook(validation());
    const codes = ["KS", "BUN", "SN", "TN", "KFN", "MBN", "VN"];
    workbook.outlineConsolidation.mockResolvedValue({
      ...(CONSOLIDATION as Extract<ConsolidationOutline, { ok: true }>),
      committees: codes.map((code, i) => ({
        code,
        name: null,
        source: i < 3 ? `${code}-T1-2024.xlsx` : null,
        answered: i < 3,
        total: 4,
        missing: [],
      })),
    });
    pane(workbook);
    const missing = await screen.findByRole("region", { name: "Det här saknas per nämnd" });
    expect(within(missing).getByText("3 av 7 nämnder har svarat.")).toBeVisible();
    const silent = within(missing).getByRole("list", { name: "Har inte svarat" });
    expect(
      within(silent)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["TN", "KFN", "MBN", "VN"]);
  });

  test("a follow-up sheet in this workbook with nothing typed is no answer: not listed as answered from it", async () => {
    const workbook = fakeWorkbook(validation());
    workbook.outlineConsolidation.mockResolvedValue({
      ...(CONSOLIDATION as Extract<ConsolidationOutline, { ok: true }>),
      committees: [
        { code: "KS", name: "Kommunstyrelsen", source: "denna arbetsbok", answered: false, total: 6, missing: [] },
        { code: "SAN", name: null, source: "SAN-T1-2024.xlsx", answered: true, total: 5, missing: [] },
      ],
    });
    pane(workbook);
    const missing = await screen.findByRole("region", { name: "Det här saknas per nämnd" });
    expect(within(missing).getByText("1 av 2 nämnder har svarat.")).toBeVisible();
    expect(within(missing).getByRole("list", { name: "Har inte svarat" })).toHaveTextContent("KS Kommunstyrelsen");
    expect(missing).not.toHaveTextContent("denna arbetsbok");
    expect(missing).not.toHaveTextContent("Alla nämnder har svarat");
  });

  test("empty: no follow-up sheets yet", async () => {
    const workbook = fakeWorkbook(validation());
    workbook.outlineConsolidation.mockResolvedValue({
      ok: true,
      followUp: null,
      committees: [],
      findings: [],
      earlier: NO_EARLIER,
    });
    pane(workbook);
    expect(await screen.findByText(/Hittade inga uppföljningsblad/)).toBeVisible();
  });

  test("returned workbooks are read in the pane, listed, used in the outline, and can be removed", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    const read = deferred<FilesRead>();
    workbook.readFiles.mockImplementationOnce(() => read.promise);
    const returned = { file: "KS-T1-2024.xlsx", grids: [], modified: null };
    await user.upload(screen.getByLabelText("Välj returnerade arbetsböcker"), [
      xlsx("KS-T1-2024.xlsx"),
      xlsx("trasig.xlsx"),
    ]);
    expect(screen.getByText("Läser filerna …")).toBeVisible();
    expect(screen.getByRole("button", { name: "Sammanställ" })).toBeDisabled();
    read.resolve({
      workbooks: [returned],
      problems: [{ file: "trasig.xlsx", problem: { code: "corrupt", file: "trasig.xlsx" } }],
    });
    expect(await screen.findByText("1 fil inlästa:")).toBeVisible();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Filen är skadad eller ofullständig och kan inte läsas: trasig.xlsx",
    );
    expect(workbook.readFiles.mock.calls[0][0].map((f) => f.name)).toEqual(["KS-T1-2024.xlsx", "trasig.xlsx"]);
    await waitFor(() =>
      expect(workbook.outlineConsolidation).toHaveBeenLastCalledWith({ returned: [returned], language: "sv" }),
    );
    await user.click(screen.getByRole("button", { name: "Ta bort KS-T1-2024.xlsx" }));
    await waitFor(() =>
      expect(workbook.outlineConsolidation).toHaveBeenLastCalledWith({ returned: [], language: "sv" }),
    );
  });

  test("consolidating: progress, started once on a double-click, then Rapporten är skriven", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("region", { name: "Det här saknas per nämnd" });
    const written = deferred<ConsolidateOutcome>();
    workbook.consolidate.mockImplementationOnce(() => written.promise);
    await user.dblClick(screen.getByRole("button", { name: "Sammanställ" }));
    expect(screen.getByRole("button", { name: "Sammanställ" })).toBeDisabled();
    expect(screen.getByText("Sammanställer svaren …")).toBeVisible();
    written.resolve({
      written: true,
      sheets: ["Översikt", "Måluppfyllelse", "Svar", "Saknas", "Fynd"],
      overview: "Översikt",
      committees: (CONSOLIDATION as Extract<ConsolidationOutline, { ok: true }>).committees,
      findings: [],
      warnings: [],
      goals: null,
    });
    expect(
      await screen.findByText(/Rapporten är skriven på bladen Översikt, Måluppfyllelse, Svar, Saknas, Fynd\./),
    ).toBeVisible();
    expect(workbook.consolidate).toHaveBeenCalledTimes(1);
  });

  test("after consolidating, one click goes to the report's Översikt; a failure to get there is said", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("region", { name: "Det här saknas per nämnd" });
    await user.click(screen.getByRole("button", { name: "Sammanställ" }));
    await user.click(await screen.findByRole("button", { name: "Gå till rapportens Översikt" }));
    expect(workbook.goToCell).toHaveBeenCalledWith("Översikt", "A1");
    workbook.goToCell.mockRejectedValueOnce(hostError({ code: "sheetGone", sheet: "Översikt" }));
    await user.click(screen.getByRole("button", { name: "Gå till rapportens Översikt" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Kunde inte visa cellen.*Bladet "Översikt" finns inte/);
  });

  test("errors: a report sheet name taken by the user's own sheet is said in Swedish", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    workbook.consolidate.mockRejectedValueOnce(
      hostError({ code: "sheetNamesTaken", names: ["Översikt"] }, "ItemAlreadyExists"),
    );
    await screen.findByRole("region", { name: "Det här saknas per nämnd" });
    await user.click(screen.getByRole("button", { name: "Sammanställ" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/heter "Översikt".*Inget skrevs/);
  });

  test("a plan with errors: the report is not written and the errors are one click away", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook(validation(FINDINGS));
    workbook.outlineConsolidation.mockResolvedValue({ ok: false, validation: validation(FINDINGS) });
    pane(workbook);
    expect(await screen.findByText(/Planen har 2 fel/)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Visa felen" }));
    expect(await screen.findByRole("button", { name: /^Uppdrag!E3/ })).toBeVisible();
  });

  test("what the consolidation found in the answers: in this workbook a button to the cell, in a returned file its name", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook(validation());
    workbook.outlineConsolidation.mockResolvedValue({
      ...(CONSOLIDATION as Extract<ConsolidationOutline, { ok: true }>),
      findings: [
        {
          severity: "warning",
          rule: "followup-comment-missing",
          sheet: "KS T1 2024",
          cell: "F12",
          params: { value: "Påbörjat" },
          file: "denna arbetsbok",
        },
        {
          severity: "error",
          rule: "followup-not-in-list",
          sheet: "VoN T1 2024",
          cell: "E9",
          params: { value: "Klart", allowed: "Genomfört, Påbörjat" },
          file: "VoN-T1-2024.xlsx",
        },
      ],
    });
    pane(workbook);
    const found = await screen.findByRole("region", { name: "Fynd i svaren (2)" });
    expect(found).toHaveTextContent(/VoN T1 2024!E9 i VoN-T1-2024\.xlsx: Fel: "Klart" finns inte i listan/);
    await user.click(screen.getByRole("button", { name: /^KS T1 2024!F12 Varning: Kommentar saknas/ }));
    expect(workbook.goToCell).toHaveBeenCalledWith("KS T1 2024", "F12");
  });
});
