import "./setup";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { PaneValidation } from "../../src/taskpane/workbook";
import { EMPTY_WORKBOOK, deferred, fakeWorkbook, syncError, validation } from "./fakes";
import { PANE_STRINGS } from "../../src/i18n/pane";

function pane(workbook = fakeWorkbook(validation())) {
  render(<App inExcel workbook={workbook} />);
  return workbook;
}

describe("Koppla", () => {
  test("loading: reading the workbook shows a spinner with text", async () => {
    const workbook = fakeWorkbook();
    const read = deferred<PaneValidation>();
    workbook.validate.mockImplementationOnce(() => read.promise);
    pane(workbook);
    expect(await screen.findByText("Läser arbetsboken …")).toBeVisible();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    read.resolve(validation());
    expect(await screen.findByRole("table", { name: "Bladen i arbetsboken" })).toBeVisible();
    expect(screen.queryByText("Läser arbetsboken …")).not.toBeInTheDocument();
  });

  test("the sheets as recognised, with header rows; Måltavlan's own sheets are left out", async () => {
    pane();
    const table = await screen.findByRole("table", { name: "Bladen i arbetsboken" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual([
      "Nämnder",
      "Mål",
      "Uppdrag",
      "Ramjusteringar",
      "Anteckningar",
      "Inställningar",
    ]);
    expect(screen.getByRole("combobox", { name: "Läs bladet Uppdrag som" })).toHaveDisplayValue("Uppdrag");
    // How sure each reading is, and how many columns the headers gave.
    expect(rows[0]).toHaveTextContent("säker · 3 kolumner igenkända");
    expect(rows[2]).toHaveTextContent("trolig, kontrollera · 5 kolumner igenkända");
    expect(screen.getByRole("combobox", { name: "Läs bladet Anteckningar som" })).toHaveDisplayValue("Läses inte");
    expect(within(rows[2]).getAllByRole("cell")[2]).toHaveTextContent("2");
    expect(screen.queryByRole("combobox", { name: "Läs bladet Inställningar som" })).not.toBeInTheDocument();
  });

  test("a sheet's header row and columns can be corrected and are saved with its kind", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await user.click(await screen.findByRole("button", { name: "Rubrikrad och kolumner: Uppdrag" }));
    const headerRow = screen.getByRole("spinbutton", { name: "Rubrikrad på bladet Uppdrag" });
    expect(headerRow).toHaveValue(2);
    await user.clear(headerRow);
    await user.type(headerRow, "3");
    const column = screen.getByRole("combobox", { name: "Läs kolumn B på bladet Uppdrag som" });
    expect(column).toHaveTextContent("Läses inte");
    await user.click(column);
    await user.click(screen.getByRole("option", { name: "Förtydligande" }));
    await user.click(screen.getByRole("button", { name: "Spara kopplingen" }));
    expect(await screen.findByText(/Kopplingen är sparad/)).toBeVisible();
    expect(workbook.saveSettings.mock.calls[0][0].mapping.sheets).toEqual({
      Uppdrag: { kind: "assignment", headerRow: 3, columns: { B: "clarification" } },
    });
  });

  test("a corrected kind is saved in the workbook's settings, and the plan is read again", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Läs bladet Anteckningar som" }), "Nyckeltal");
    expect(screen.getByRole("combobox", { name: "Läs bladet Anteckningar som" })).toHaveDisplayValue("Nyckeltal");
    await user.click(screen.getByRole("button", { name: "Spara kopplingen" }));
    expect(await screen.findByText(/Kopplingen är sparad/)).toBeVisible();
    expect(workbook.saveSettings).toHaveBeenCalledTimes(1);
    expect(workbook.saveSettings.mock.calls[0][0].mapping.sheets).toEqual({ Anteckningar: { kind: "keyFigure" } });
    expect(workbook.validate).toHaveBeenCalledTimes(2);
  });

  test("where the ram blocks do not show it, Koppla asks whether Ram föregående år holds last year's tillfälliga, and saves the answer", async () => {
    const user = userEvent.setup();
    const unclear = {
      severity: "info" as const,
      rule: "ram-previous-unclear" as const,
      sheet: "Ramjusteringar",
      cell: "B3",
      params: { year: 2025, ending: 500 },
    };
    const workbook = pane(fakeWorkbook(validation([unclear])));
    const question = "Innehåller ”Ram föregående år” förra årets tillfälliga ramjusteringar?";
    const choice = await screen.findByRole("combobox", { name: question });
    expect(choice).toHaveDisplayValue("Ja (antas om inget väljs)");
    await user.selectOptions(choice, "Nej, de har redan tagits bort");
    await user.click(screen.getByRole("button", { name: "Spara kopplingen" }));
    expect(await screen.findByText(/Kopplingen är sparad/)).toBeVisible();
    expect(workbook.saveSettings.mock.calls[0][0].mapping).toEqual({ sheets: {}, previousRamHoldsTemporary: false });
  });

  test("a plan whose ram blocks show it, and no answer saved: no such question", async () => {
    pane();
    // The question would come with the step's details, which come with the plan as read.
    expect(await screen.findByText("Så läses planen")).toBeVisible();
    expect(screen.queryByRole("combobox", { name: /Ram föregående år/ })).not.toBeInTheDocument();
  });

  test("saving fails: Swedish message, the user's choice kept, the button usable again", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    workbook.saveSettings.mockRejectedValueOnce(syncError("AccessDenied", "writeSheets"));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Läs bladet Anteckningar som" }), "Uppdrag");
    await user.click(screen.getByRole("button", { name: "Spara kopplingen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/skyddad, eller så saknas behörighet\. Ta bort skyddet/);
    expect(screen.getByRole("combobox", { name: "Läs bladet Anteckningar som" })).toHaveDisplayValue("Uppdrag");
    expect(screen.getByRole("button", { name: "Spara kopplingen" })).toBeEnabled();
  });

  test("the plan as read, live: nämnder, uppdrag and amounts in tkr", async () => {
    pane();
    const committees = await screen.findByRole("table", { name: "Nämnder" });
    expect(committees).toHaveTextContent("KSKommunstyrelsen");
    expect(screen.getByRole("table", { name: "Uppdrag" })).toHaveTextContent(/Förbättra kvinnors.*KS2024/);
    expect(screen.getByRole("table", { name: "Ramjusteringar" })).toHaveTextContent(/KS2024250 tkrTillfällig/);
  });

  test("the goals as a tree: levels as the plan names them, nyckeltal under their goal", async () => {
    const user = userEvent.setup();
    const read = validation();
    const levels = read.plan.levels.map((l) => (l.id === "kommunmal" ? { ...l, label: "KF-mål" } : l));
    const keyFigures = [
      { id: "N1", name: "Nystartade företag", koladaId: "N00999", goalId: "M1", target: null, unit: null },
    ];
    pane(fakeWorkbook({ ...read, plan: { ...read.plan, levels, keyFigures } }));
    const tree = await screen.findByRole("tree", { name: "Mål och nyckeltal" });
    expect(screen.getByText(/^2 mål, 1 nyckeltal\./)).toBeVisible();
    // Only the top is shown until it is opened.
    expect(
      within(tree)
        .getAllByRole("treeitem")
        .map((item) => item.textContent),
    ).toEqual(["Vision Östersund 2040"]);
    await user.click(within(tree).getByRole("treeitem", { name: /Östersund 2040/ }));
    const goal = within(tree).getByText("Näringsliv och tillväxt").closest<HTMLElement>('[role="treeitem"]');
    if (!goal) throw new Error("no tree item for the goal");
    expect(goal).toHaveAttribute("aria-level", "2");
    expect(goal).toHaveTextContent("KF-mål Näringsliv och tillväxt");
    expect(within(tree).queryByText(/Nystartade företag/)).not.toBeInTheDocument();
    await user.click(goal);
    expect(within(goal).getByRole("treeitem")).toHaveTextContent("Nyckeltal Nystartade företag (N00999)");
    // The tree scrolls in a region a keyboard user can reach.
    const region = screen.getByRole("region", { name: "Mål och nyckeltal" });
    expect(region).toContainElement(tree);
    expect(region).toHaveAttribute("tabindex", "0");
  });

  test("a column is offered the fields its sheet's kind has, and Läs inte", async () => {
    const user = userEvent.setup();
    pane();
    await user.click(await screen.findByRole("button", { name: "Rubrikrad och kolumner: Uppdrag" }));
    await user.click(screen.getByRole("combobox", { name: "Läs kolumn B på bladet Uppdrag som" }));
    const offered = () =>
      within(screen.getByRole("listbox"))
        .getAllByRole("option")
        .map((option) => option.textContent);
    expect(offered()).toEqual([
      "Läs inte",
      "ID",
      "Namn eller rubrik",
      "Förtydligande",
      "Överordnat mål",
      "Nämnd",
      "Fullmäktige eller nämnd",
      "År",
      "Kommentar",
    ]);
    await user.keyboard("{Escape}");
    // Read as a register of nämnder, the same sheet's columns are offered a register's fields.
    await user.selectOptions(screen.getByRole("combobox", { name: "Läs bladet Uppdrag som" }), "Nämnder");
    await user.click(screen.getByRole("combobox", { name: "Läs kolumn B på bladet Uppdrag som" }));
    expect(offered()).toEqual(["Läs inte", "ID", "Namn eller rubrik", "Typ", "Kommentar"]);
    expect(offered()).not.toContain("Belopp");
    expect(offered()).not.toContain("Kolada-ID");
  });

  test("Läs inte undoes a wrong mapping: the saved mapping no longer reads the column as a field", async () => {
    const user = userEvent.setup();
    const read = validation();
    const sheets = read.sheets.map((entry) =>
      entry.sheet === "Uppdrag"
        ? { ...entry, columns: entry.columns?.map((c) => (c.column === "B" ? { ...c, field: "amount" as const } : c)) }
        : entry,
    );
    const mapping = { sheets: { Uppdrag: { kind: "assignment" as const, columns: { B: "amount" as const } } } };
    const workbook = pane(fakeWorkbook({ ...read, sheets, settings: { ...read.settings, mapping } }));
    await user.click(await screen.findByRole("button", { name: "Rubrikrad och kolumner: Uppdrag" }));
    const column = screen.getByRole("combobox", { name: "Läs kolumn B på bladet Uppdrag som" });
    expect(column).toHaveTextContent("Belopp");
    await user.click(column);
    await user.click(screen.getByRole("option", { name: "Läs inte" }));
    expect(column).toHaveTextContent("Läses inte");
    await user.click(screen.getByRole("button", { name: "Spara kopplingen" }));
    expect(await screen.findByText(/Kopplingen är sparad/)).toBeVisible();
    expect(workbook.saveSettings.mock.calls[0][0].mapping.sheets).toEqual({
      Uppdrag: { kind: "assignment", columns: { B: "ignore" } },
    });
  });

  test("a long choice is cut to fit the pane and shown whole on hover", async () => {
    pane();
    const user = userEvent.setup();
    const kind = await screen.findByRole("combobox", { name: "Läs bladet Anteckningar som" });
    expect(kind).toHaveAttribute("title", "Läses inte");
    expect(kind.closest(".fui-Select")).toHaveStyle({ minWidth: "0", width: "100%" });
    await user.click(await screen.findByRole("button", { name: "Rubrikrad och kolumner: Uppdrag" }));
    const column = screen.getByRole("combobox", { name: "Läs kolumn B på bladet Uppdrag som" });
    expect(column).toHaveAttribute("title", "Läses inte");
    expect(column.closest(".fui-Dropdown")).toHaveStyle({ minWidth: "0", width: "100%" });
  });

  test("a 20 000-row plan: the plan as read shows the first rows only", async () => {
    const big = validation();
    const assignments = Array.from({ length: 20_000 }, (_, i) => ({
      ...big.plan.assignments[0],
      id: `U${i}`,
      title: `Uppdrag ${i}`,
    }));
    pane(fakeWorkbook({ ...big, plan: { ...big.plan, assignments } }));
    const table = await screen.findByRole("table", { name: "Uppdrag" });
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 5);
    expect(table).toHaveTextContent("De första 5 av 20 000.");
  });

  test("a workbook without plan sheets offers the template; a double-click creates it once", async () => {
    const user = userEvent.setup();
    const workbook = pane(fakeWorkbook(EMPTY_WORKBOOK));
    expect(await screen.findByText(/Arbetsboken har inga blad med en plan ännu/)).toBeVisible();
    const created = deferred<void>();
    workbook.createTemplate.mockImplementationOnce(() => created.promise);
    workbook.validate.mockResolvedValue(validation());
    await user.dblClick(screen.getByRole("button", { name: "Skapa mallbladen" }));
    expect(screen.getByRole("button", { name: "Skapa mallbladen" })).toBeDisabled();
    expect(screen.getByText("Skapar mallbladen …")).toBeVisible();
    created.resolve();
    expect(await screen.findByText(/Mallbladen är skapade/)).toBeVisible();
    expect(workbook.createTemplate).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("table", { name: "Nämnder" })).toBeVisible();
  });

  test("Ej läst: per sheet, what the plan does not take and why; an entry goes to its cells", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    const section = await screen.findByRole("region", { name: "Ej läst (13 celler)" });
    expect(
      within(section)
        .getAllByRole("heading", { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(["Uppdrag: 6 celler", "Ramjusteringar: 3 celler", "Anteckningar: 4 celler"]);
    const column = within(section).getByRole("button", { name: /B3:B9/ });
    expect(column).toHaveTextContent("kolumn som inte läses: Anteckning");
    expect(within(section).getByRole("button", { name: /A1:A4/ })).toHaveTextContent(
      "blad som inte läses: Ring ekonomen",
    );
    await user.click(column);
    expect(workbook.goToCell).toHaveBeenCalledWith("Uppdrag", "B3:B9");
  });

  test("Ej läst shows ten entries per sheet and counts the rest", async () => {
    const unread = Array.from({ length: 14 }, (_, i) => ({
      sheet: "MRP",
      cell: `A${i + 1}`,
      text: `Rad ${i + 1}`,
      reason: "prose" as const,
      cells: 1,
    }));
    pane(fakeWorkbook(validation([], { unread })));
    const section = await screen.findByRole("region", { name: "Ej läst (14 celler)" });
    expect(within(section).getAllByRole("button")).toHaveLength(10);
    expect(section).toHaveTextContent("… och 4 till");
  });

  test("merged cells Excel did not give: a note that they must be filled in or the sheet mapped", async () => {
    pane(fakeWorkbook(validation([], { mergesRead: false })));
    expect(await screen.findByText(/Excel gav inte tillägget de sammanfogade cellerna/)).toHaveTextContent(
      "gäller då bara den första raden. Fyll i cellerna eller koppla bladet.",
    );
  });

  test("merged cells Excel did not give, in English", async () => {
    render(<App inExcel workbook={fakeWorkbook(validation([], { mergesRead: false }))} strings={PANE_STRINGS.en} />);
    expect(await screen.findByText(/Excel did not give the add-in the merged cells/)).toHaveTextContent(
      "Fill in the cells or map the sheet.",
    );
  });

  test("no note about merged cells when Excel gave them, nor in a workbook without plan sheets", async () => {
    pane();
    await screen.findByRole("table", { name: "Bladen i arbetsboken" });
    expect(screen.queryByText(/sammanfogade celler/)).not.toBeInTheDocument();
    cleanup();
    pane(fakeWorkbook({ ...EMPTY_WORKBOOK, mergesRead: false }));
    await screen.findByText(/Arbetsboken har inga blad med en plan ännu/);
    expect(screen.queryByText(/sammanfogade celler/)).not.toBeInTheDocument();
  });

  test("reading fails: the error in Swedish", async () => {
    const workbook = fakeWorkbook();
    workbook.validate.mockRejectedValueOnce(syncError("RangeExceedsLimit", "readSheets"));
    pane(workbook);
    expect(await screen.findByRole("alert")).toHaveTextContent("Ett blad är för stort");
  });
});
