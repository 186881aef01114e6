import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { PaneValidation } from "../../src/taskpane/workbook";
import { FINDINGS, deferred, fakeWorkbook, hostError, syncError, validation } from "./fakes";

function pane(workbook = fakeWorkbook()) {
  render(<App inExcel workbook={workbook} initialStep="validera" />);
  return workbook;
}

describe("Validera", () => {
  test("loading: a spinner with text, the button disabled; a double-click validates once", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook();
    const first = deferred<PaneValidation>();
    workbook.validate.mockImplementationOnce(() => first.promise);
    pane(workbook);
    expect(await screen.findByText("Validerar planen …")).toBeVisible();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Validera" });
    expect(button).toBeDisabled();
    first.resolve(validation(FINDINGS));
    await screen.findByText("2 fel, 1 varning");

    const second = deferred<PaneValidation>();
    workbook.validate.mockImplementationOnce(() => second.promise);
    await user.dblClick(screen.getByRole("button", { name: "Validera" }));
    await user.click(screen.getByRole("button", { name: "Validera" }));
    expect(workbook.validate).toHaveBeenCalledTimes(2);
    second.resolve(validation([]));
    expect(await screen.findByText(/Inga fel/)).toBeVisible();
    expect(screen.getByRole("button", { name: "Validera" })).toBeEnabled();
  });

  test("findings by sheet then rule, errors first, with counts; a finding goes to its cell", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    expect(await screen.findByText("2 fel, 1 varning")).toBeVisible();
    const sheets = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(sheets).toEqual(["Uppdrag", "Ramjusteringar"]);
    const ramjusteringar = screen.getByRole("region", { name: "Ramjusteringar" });
    expect(
      within(ramjusteringar)
        .getAllByRole("heading", { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(["Fel: Tvetydigt belopp (1)", "Varning: Varaktighet saknas (1)"]);
    const finding = screen.getByRole("button", { name: /^Uppdrag!E3 Nämnden "Nämnden som inte finns" finns inte/ });
    await user.click(finding);
    expect(workbook.goToCell).toHaveBeenCalledWith("Uppdrag", "E3");
    await user.click(screen.getByRole("button", { name: /^Ramjusteringar!D2 Beloppet "1\.200"/ }));
    expect(workbook.goToCell).toHaveBeenLastCalledWith("Ramjusteringar", "D2");
  });

  test("a sheet not read is listed as Info: no error, no warning, and nothing to mark in a cell", async () => {
    const user = userEvent.setup();
    const info = {
      severity: "info" as const,
      rule: "sheet-not-read" as const,
      sheet: "Anteckningar",
      cell: "A1",
      params: { why: "notRecognised", cells: 4 },
    };
    const workbook = pane(fakeWorkbook(validation([FINDINGS[2], info])));
    expect(await screen.findByText("0 fel, 1 varning")).toBeVisible();
    const notes = screen.getByRole("region", { name: "Anteckningar" });
    expect(within(notes).getByRole("heading", { level: 3 })).toHaveTextContent("Info: Blad som inte läses (1)");
    expect(within(notes).getByRole("button")).toHaveTextContent(/Bladet läses inte \(4 ifyllda celler\)/);
    await user.click(screen.getByRole("button", { name: "Markera cellerna i bladen" }));
    expect(workbook.markCells).toHaveBeenCalledWith([FINDINGS[2]]);
  });

  test("only info findings: Inga fel och inga varningar", async () => {
    pane(
      fakeWorkbook(
        validation([
          { severity: "info", rule: "sheet-not-read", sheet: "Om", cell: "A1", params: { why: "mapping", cells: 2 } },
        ]),
      ),
    );
    expect(await screen.findByText("0 fel, 0 varningar")).toBeVisible();
    expect(screen.getByText(/Inga fel och inga varningar/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Markera cellerna i bladen" })).not.toBeInTheDocument();
  });

  test("no findings: Inga fel", async () => {
    pane(fakeWorkbook(validation([])));
    expect(await screen.findByText("0 fel, 0 varningar")).toBeVisible();
    expect(screen.getByText(/Inga fel och inga varningar/)).toBeVisible();
    expect(screen.queryAllByRole("button", { name: /!/ })).toEqual([]);
  });

  test("only warnings: says they do not stop the follow-up", async () => {
    pane(fakeWorkbook(validation(FINDINGS.filter((f) => f.severity === "warning"))));
    expect(await screen.findByText("0 fel, 1 varning")).toBeVisible();
    expect(screen.getByText(/Inga fel; varningarna nedan hindrar inte/)).toBeVisible();
  });

  test("errors: Excel's own Swedish message in an error bar; a cell that cannot be shown says why", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook();
    workbook.validate.mockRejectedValueOnce(syncError("Timeout", "readSheets"));
    pane(workbook);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Excel svarar inte.*Försök igen/);
    expect(screen.getByRole("button", { name: "Validera" })).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "Validera" }));
    await screen.findByText("2 fel, 1 varning");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    workbook.goToCell.mockRejectedValueOnce(hostError({ code: "sheetGone", sheet: "Uppdrag" }, "ItemNotFound"));
    await user.click(screen.getByRole("button", { name: /^Uppdrag!E3/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /Kunde inte visa cellen.*finns inte längre\. Validera igen/,
    );
  });

  test("an unexpected error is wrapped in a sentence that says what to do", async () => {
    const workbook = fakeWorkbook();
    workbook.validate.mockRejectedValueOnce(new TypeError("x is undefined"));
    pane(workbook);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Något gick fel: x is undefined\. Försök igen/);
  });

  test("a plan with thousands of findings shows the first of each kind and counts the rest", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...FINDINGS[0], cell: `E${i + 2}` }));
    pane(fakeWorkbook(validation(many)));
    expect(await screen.findByText("3 000 fel, 0 varningar")).toBeVisible();
    expect(screen.getAllByRole("button", { name: /^Uppdrag!E/ })).toHaveLength(50);
    expect(screen.getByText(/och 2 950 till av samma slag/)).toBeVisible();
    expect(screen.getByRole("heading", { level: 3 })).toHaveTextContent("Fel: Okänd nämnd (3000)");
  });

  test("the findings' cells can be marked in the sheets and the marks removed again", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await user.click(await screen.findByRole("button", { name: "Markera cellerna i bladen" }));
    expect(workbook.markCells).toHaveBeenCalledWith(FINDINGS);
    expect(await screen.findByText(/3 celler är markerade i rött\. Cellerna själva är oförändrade\./)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Ta bort markeringarna" }));
    // Every sheet of the user's; Måltavlan's own sheets carry no marks.
    expect(workbook.clearMarks).toHaveBeenCalledWith([
      "Nämnder",
      "Mål",
      "Uppdrag",
      "Ramjusteringar",
      "Anteckningar",
      "Inställningar",
    ]);
    expect(await screen.findByText("2 markeringar togs bort.")).toBeVisible();
  });

  test("protected sheets are not marked, and the pane says which", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    workbook.markCells.mockResolvedValueOnce({ marked: 1, skippedSheets: ["Uppdrag"] });
    await user.click(await screen.findByRole("button", { name: "Markera cellerna i bladen" }));
    expect(await screen.findByText(/Skyddade blad markerades inte: Uppdrag\./)).toBeVisible();
  });
});
