import "./setup";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { FINDINGS, OUTLINE, fakeWorkbook, validation } from "./fakes";
import { PANE_STRINGS } from "../../src/i18n/pane";

describe("the pane's frame", () => {
  test("outside Excel it says, in Swedish, that Måltavlan must be opened in Excel", () => {
    render(<App inExcel={false} workbook={null} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/Måltavlan måste öppnas i Excel/);
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  test("four steps as tabs, in order; Koppla first unless the ribbon asked for another", async () => {
    const workbook = fakeWorkbook();
    render(<App inExcel workbook={workbook} />);
    const tabs = within(screen.getByRole("tablist", { name: "Steg" })).getAllByRole("tab");
    expect(tabs).toEqual(
      ["Koppla", "Validera", "Skapa uppföljning", "Sammanställ"].map((name) => screen.getByRole("tab", { name })),
    );
    expect(screen.getByRole("tab", { name: "Koppla" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByRole("table", { name: "Bladen i arbetsboken" })).toBeInTheDocument();
    expect(workbook.validate).toHaveBeenCalledTimes(1);
  });

  test("the ribbon's Validera opens the pane at Validera and validates", async () => {
    const workbook = fakeWorkbook();
    render(<App inExcel workbook={workbook} initialStep="validera" />);
    expect(screen.getByRole("tab", { name: "Validera" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("2 fel, 1 varning")).toBeInTheDocument();
  });

  test("English when Office's language is English", async () => {
    render(<App inExcel workbook={fakeWorkbook()} strings={PANE_STRINGS.en} initialStep="validera" />);
    expect(screen.getAllByRole("tab")).toEqual(
      ["Map", "Validate", "Create follow-up", "Consolidate"].map((name) => screen.getByRole("tab", { name })),
    );
    expect(await screen.findByText("2 errors, 1 warning")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Uppdrag!E3 The committee "Nämnden som inte finns"/ })).toBeVisible();
  });

  test("English outside Excel too", () => {
    render(<App inExcel={false} workbook={null} strings={PANE_STRINGS.en} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/must be opened in Excel/);
  });

  test("dark theme: the pane is painted with Fluent's dark tokens", () => {
    const { container } = render(<App inExcel={false} workbook={null} theme="dark" />);
    expect(container.firstElementChild).toHaveClass("fui-FluentProvider");
  });
});

describe("keyboard", () => {
  test("arrow keys move between the tabs, Enter and Space activate, Tab reaches the step's controls", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook(validation(FINDINGS));
    render(<App inExcel workbook={workbook} />);
    await screen.findByRole("table", { name: "Bladen i arbetsboken" });

    await user.tab();
    expect(screen.getByRole("tab", { name: "Koppla" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Validera" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Validera" })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Skapa uppföljning" })).toHaveFocus();
    await user.keyboard(" ");
    expect(screen.getByRole("tab", { name: "Skapa uppföljning" })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowLeft}{Enter}");
    expect(screen.getByRole("tab", { name: "Validera" })).toHaveAttribute("aria-selected", "true");

    // From the tabs, Tab goes to the step: the button, marking, then every finding, each activated by Enter or Space.
    await user.tab();
    expect(screen.getByRole("button", { name: "Validera" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Markera cellerna i bladen" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Ta bort markeringarna" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: /^Uppdrag!E3/ })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(workbook.goToCell).toHaveBeenLastCalledWith("Uppdrag", "E3");
    await user.tab();
    expect(screen.getByRole("button", { name: /^Ramjusteringar!D2/ })).toHaveFocus();
    await user.keyboard(" ");
    expect(workbook.goToCell).toHaveBeenLastCalledWith("Ramjusteringar", "D2");
    await user.tab();
    expect(screen.getByRole("button", { name: /^Ramjusteringar!D5/ })).toHaveFocus();
  });

  test("Tab reaches every control of Skapa uppföljning and Sammanställ", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook(validation());
    const earlier = { periods: [{ period: "Helår", year: 2023 }], suggested: { period: "Helår", year: 2023 } };
    workbook.outlineFollowUp.mockResolvedValue({ ...OUTLINE, earlier });
    render(<App inExcel workbook={workbook} initialStep="skapa" />);
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    screen.getByRole("tab", { name: "Skapa uppföljning" }).focus();
    const order = [
      screen.getByRole("combobox", { name: "Period" }),
      screen.getByRole("spinbutton", { name: "År" }),
      screen.getByLabelText("Svara senast"),
      await screen.findByRole("combobox", { name: "Jämför med tidigare period" }),
      screen.getByRole("button", { name: "Välj filer från den tidigare perioden" }),
      screen.getByLabelText("Lösenord för bladskyddet (valfritt)"),
      screen.getByRole("button", { name: "Välj utfall ur ekonomisystemet" }),
      screen.getByRole("button", { name: "Skapa uppföljningsblad" }),
      screen.getByRole("button", { name: "Exportera en arbetsbok per nämnd" }),
    ];
    act(() => screen.getByRole("tab", { name: "Skapa uppföljning" }).focus());
    for (const control of order) {
      await user.tab();
      expect(control).toHaveFocus();
    }

    await user.keyboard("{Shift>}{Tab}{Tab}{Tab}{Tab}{Tab}{Tab}{Tab}{Tab}{Tab}{/Shift}");
    expect(screen.getByRole("tab", { name: "Skapa uppföljning" })).toHaveFocus();
    await user.keyboard("{ArrowRight}{Enter}");
    await screen.findByText(/Det här saknas per nämnd/);
    for (const control of [
      screen.getByRole("button", { name: "Välj returnerade arbetsböcker" }),
      await screen.findByRole("button", { name: "Välj filer från den tidigare perioden" }),
      screen.getByRole("button", { name: "Sammanställ" }),
    ]) {
      await user.tab();
      expect(control).toHaveFocus();
    }
  });
});
