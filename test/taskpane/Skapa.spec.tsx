import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { FollowUpOutline, GenerateOutcome, LedgerOutcome } from "../../src/taskpane/workbook";
import {
  FINDINGS,
  OUTLINE,
  REGENERATION_FINDINGS,
  deferred,
  fakeWorkbook,
  importLedgerAsThePaneDoes,
  syncError,
  validation,
} from "./fakes";
import { FILE_FINDINGS_SHOWN } from "../../src/taskpane/steps/FileFindings";
import type { FileFinding } from "../../src/domain/findings";
import { PANE_STRINGS } from "../../src/i18n/pane";

function pane(workbook = fakeWorkbook(validation())) {
  render(<App inExcel workbook={workbook} initialStep="skapa" />);
  return workbook;
}

describe("Skapa uppföljning", () => {
  test("period, year and answer-by date; the outline per nämnd says created or updated and that answers are kept", async () => {
    const workbook = fakeWorkbook(validation());
    // The outline is held back until the spinner has been seen, so the test never races the fake's answer.
    const computed = deferred<FollowUpOutline>();
    workbook.outlineFollowUp.mockReturnValueOnce(computed.promise);
    pane(workbook);
    expect(await screen.findByRole("combobox", { name: "Period" })).toHaveTextContent("T1");
    // The plan's budget year once the plan is read.
    await waitFor(() => expect(screen.getByRole("spinbutton", { name: "År" })).toHaveValue(2024));
    // A Swedish date field, not the browser's mm/dd/yyyy.
    expect(screen.getByLabelText("Svara senast")).not.toHaveAttribute("type", "date");
    expect(screen.getByLabelText("Svara senast")).toHaveAttribute("placeholder", "åååå-mm-dd");
    expect(await screen.findByText("Räknar fram bladen …")).toBeVisible();
    computed.resolve(OUTLINE);
    const table = await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const [ks, san] = within(table).getAllByRole("row").slice(1);
    expect(ks).toHaveTextContent(
      /KS T1 2024.*KS Kommunstyrelsen.*uppdateras.*2 svar behålls.*2 mål, 3 uppdrag, 1 ramjust\., 0 nyckeltal/,
    );
    expect(san).toHaveTextContent(/SAN T1 2024.*skapas.*inga svar än/);
    expect(workbook.outlineFollowUp).toHaveBeenCalledTimes(1);
  });

  test("changing period and year updates the outline; the request carries the date", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    await user.click(screen.getByRole("combobox", { name: "Period" }));
    await user.click(screen.getByRole("option", { name: /Delår/ }));
    const year = screen.getByRole("spinbutton", { name: "År" });
    await user.clear(year);
    await user.type(year, "2024");
    await waitFor(() =>
      expect(workbook.outlineFollowUp).toHaveBeenLastCalledWith(
        expect.objectContaining({ period: { name: "Delår", kind: "forecast" }, year: 2024 }),
      ),
    );
    await user.type(screen.getByLabelText("Svara senast"), "2024-09-15");
    await waitFor(() => expect(screen.queryByText("Räknar fram bladen …")).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith({
      period: { name: "Delår", kind: "forecast" },
      year: 2024,
      due: "2024-09-15",
    });
  });

  test("a year that is not four digits is told at the field and nothing can be created", async () => {
    const user = userEvent.setup();
    pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const year = screen.getByRole("spinbutton", { name: "År" });
    await user.clear(year);
    await user.type(year, "24");
    expect(screen.getByText("Skriv året med fyra siffror, t.ex. 2025.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeDisabled();
  });

  test("generating: progress with text, the button disabled; a double-click writes once; success says how many", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const written = deferred<GenerateOutcome>();
    workbook.generate.mockImplementationOnce(() => written.promise);
    await user.dblClick(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeDisabled();
    expect(screen.getByText("Skapar uppföljningsbladen …")).toBeVisible();
    written.resolve({
      written: true,
      sheets: ["KS T1 2024", "SAN T1 2024"],
      carried: [
        { sheet: "KS T1 2024", answers: 0 },
        { sheet: "SAN T1 2024", answers: 0 },
      ],
      findings: [],
      warnings: [],
      validation: validation(),
    });
    expect(await screen.findByText("Skapade 2 uppföljningsblad")).toBeVisible();
    expect(workbook.generate).toHaveBeenCalledTimes(1);
    // The outline is read again, now that the sheets exist.
    await waitFor(() => expect(workbook.outlineFollowUp).toHaveBeenCalledTimes(2));
  });

  test("a plan with errors: the button is disabled with the reason beside it, and the way to the errors", async () => {
    const user = userEvent.setup();
    const workbook = pane(fakeWorkbook(validation(FINDINGS)));
    const reason = await screen.findByText(/Planen har 2 fel\. Rätta dem under Validera/);
    expect(reason).toBeVisible();
    const button = screen.getByRole("button", { name: "Skapa uppföljningsblad" });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/^Planen har 2 fel\. Rätta dem under Validera/);
    await user.click(button);
    expect(workbook.generate).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Visa felen" }));
    expect(screen.getByRole("tab", { name: "Validera" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByRole("button", { name: /^Uppdrag!E3/ })).toBeVisible();
  });

  test("after writing: how many answers went over, to which sheets; the title apart from the body", async () => {
    const user = userEvent.setup();
    pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    const title = await screen.findByText("Skapade 2 uppföljningsblad");
    const body = screen.getByText("2 ifyllda svar följde med: 2 till KS T1 2024.");
    // Two elements, the title on its own line: they cannot read as one sentence.
    expect(title).not.toContainElement(body);
    expect(title).toHaveStyle({ display: "block" });
    expect(screen.queryByText(/inga ifyllda svar/i)).not.toBeInTheDocument();
  });

  /** Generates once with `findings` from reading the earlier sheets; the list under its heading, as shown. */
  async function generateWith(findings: FileFinding[], language: "sv" | "en" = "sv") {
    const user = userEvent.setup();
    const workbook = fakeWorkbook(validation());
    const written = await workbook.generate({ period: { name: "T1", kind: "forecast" }, year: 2024, due: null });
    workbook.generate.mockResolvedValueOnce({ ...written, findings } as GenerateOutcome);
    render(<App inExcel workbook={workbook} initialStep="skapa" strings={PANE_STRINGS[language]} />);
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: PANE_STRINGS[language].generate }));
    await screen.findByText(PANE_STRINGS[language].generated(2));
    return workbook;
  }

  test("after writing: what reading the earlier sheets found, errors first, each at its cell with its message", async () => {
    const workbook = await generateWith(REGENERATION_FINDINGS);
    const list = screen.getByRole("region", { name: "Fynd i de tidigare bladen (3)" });
    const items = within(list)
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(items).toEqual([
      "SAN T1 2024!F40: Fel: Cellen innehåller en formel men filen saknar dess uträknade värde (den sparades av ett " +
        "program som inte räknar), så svaret kan inte läsas. Öppna filen i Excel och spara den igen, eller skriv in " +
        "värdet.",
      'KS T1 2024!B31: Varning: Uppdraget "Förbättra kvinnors förutsättningar" (U1) finns inte i planen längre, och ' +
        "planens U1a, U1b bygger på dess ID: det lästes som uppdelat eller sammanslaget. Svaret från KS står kvar " +
        "under Utgår ur planen och visas låst på U1a, U1b (bladen för KS, TN), som besvaras för sig. Kontrollera att " +
        "det är rätt uppdrag.",
      "KFN T1 2024!A2: Varning: Bladet gäller nämnden KFN, som inte finns i planen längre. Det lästes som KUF, som " +
        "har samma namn. Kontrollera att det är rätt nämnd.",
    ]);
    // The cells named are in the sheets as they were before this write replaced them: nothing to go to.
    expect(within(list).queryByRole("button")).not.toBeInTheDocument();
    expect(workbook.goToCell).not.toHaveBeenCalled();
  });

  test("after writing: the findings in English in an English pane", async () => {
    await generateWith(REGENERATION_FINDINGS.slice(0, 1), "en");
    const list = screen.getByRole("region", { name: "Findings in the earlier sheets (1)" });
    expect(within(list).getByRole("listitem")).toHaveTextContent(
      'KS T1 2024!B31: Warning: The assignment "Förbättra kvinnors förutsättningar" (U1) is no longer in the plan, ' +
        "and the plan's U1a, U1b builds on its ID: it was read as split or merged.",
    );
  });

  test("after writing with nothing found: no list", async () => {
    await generateWith([]);
    expect(screen.queryByRole("region", { name: /Fynd i de tidigare bladen/ })).not.toBeInTheDocument();
  });

  test("after writing: many findings, the first shown and the rest counted", async () => {
    const many = Array.from({ length: FILE_FINDINGS_SHOWN + 3 }, (_, i) => ({
      ...REGENERATION_FINDINGS[1],
      cell: `A${i + 2}`,
    }));
    await generateWith(many);
    const list = screen.getByRole("region", { name: `Fynd i de tidigare bladen (${FILE_FINDINGS_SHOWN + 3})` });
    expect(within(list).getAllByRole("listitem")).toHaveLength(FILE_FINDINGS_SHOWN);
    expect(within(list).getByText("… och 3 till.")).toBeVisible();
  });

  test("after writing where nothing was filled in: it says no answers were there, not that they went over", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    workbook.generate.mockResolvedValueOnce({
      written: true,
      sheets: ["KS T1 2024"],
      carried: [{ sheet: "KS T1 2024", answers: 0 }],
      findings: [],
      warnings: [],
      validation: validation(),
    });
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(await screen.findByText("Inga ifyllda svar fanns att föra över.")).toBeVisible();
    expect(screen.queryByText(/följde med/)).not.toBeInTheDocument();
  });

  test("the answer-by date is typed åååå-mm-dd: 2025-05-15 is taken, 15/05/2025 is refused at the field", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const date = screen.getByLabelText("Svara senast");
    await user.type(date, "15/05/2025");
    expect(screen.getByText("Skriv datumet som åååå-mm-dd, t.ex. 2025-05-15.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeDisabled();
    await user.clear(date);
    await user.type(date, "2025-02-30");
    expect(screen.getByText("Skriv datumet som åååå-mm-dd, t.ex. 2025-05-15.")).toBeVisible();
    await user.clear(date);
    await user.type(date, "2025-05-15");
    expect(screen.queryByText(/Skriv datumet som/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith(expect.objectContaining({ due: "2025-05-15" }));
  });

  test("in English the date field asks for yyyy-mm-dd", async () => {
    render(<App inExcel workbook={fakeWorkbook(validation())} initialStep="skapa" strings={PANE_STRINGS.en} />);
    expect(await screen.findByLabelText("Answer by")).toHaveAttribute("placeholder", "yyyy-mm-dd");
  });

  test("errors from Excel while writing: Swedish, with what to do", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    workbook.generate.mockRejectedValueOnce(syncError("RequestPayloadSizeLimitExceeded", "writeSheets"));
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/för stort \(skriva bladen; .*\)\. Dela upp arbetet/);
    expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeEnabled();
  });

  test("empty: a plan without nämnder to follow up says so", async () => {
    const workbook = fakeWorkbook(validation());
    workbook.outlineFollowUp.mockResolvedValue({ ...OUTLINE, rows: [] } as FollowUpOutline);
    pane(workbook);
    expect(await screen.findByText(/Planen har inga nämnder/)).toBeVisible();
  });
});

describe("Skapa uppföljning: password and export", () => {
  beforeAll(() => {
    // jsdom has no object URLs; the pane only needs one per file to link to.
    let next = 0;
    URL.createObjectURL = () => `blob:test/${++next}`;
    URL.revokeObjectURL = () => undefined;
  });

  test("a password typed for this run goes with the request, and nowhere else", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const field = screen.getByLabelText("Lösenord för bladskyddet (valfritt)");
    expect(field).toHaveAttribute("type", "password");
    await user.type(field, "hemligt");
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith(expect.objectContaining({ password: "hemligt" }));
    expect(workbook.saveSettings).not.toHaveBeenCalled();
    expect(window.localStorage.length).toBe(0);
  });

  test("export gives one link per nämnd and one for all of them, without writing into the workbook", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    await user.click(screen.getByRole("button", { name: "Exportera en arbetsbok per nämnd" }));
    expect(await screen.findByText("2 arbetsböcker klara")).toBeVisible();
    const all = screen.getByRole("link", { name: "Ladda ner alla (Uppföljning T1 2024.zip)" });
    expect(all).toHaveAttribute("download", "Uppföljning T1 2024.zip");
    expect(screen.getByRole("link", { name: "KS-T1-2024.xlsx" })).toHaveAttribute("download", "KS-T1-2024.xlsx");
    expect(screen.getByRole("link", { name: "SAN-T1-2024.xlsx" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^blob:/),
    );
    expect(workbook.exportFollowUp).toHaveBeenCalledTimes(1);
    expect(workbook.generate).not.toHaveBeenCalled();
  });

  test("export of a plan with errors builds nothing and says why", async () => {
    const user = userEvent.setup();
    const workbook = pane(fakeWorkbook(validation(FINDINGS)));
    await user.click(await screen.findByRole("button", { name: "Exportera en arbetsbok per nämnd" }));
    await waitFor(() => expect(workbook.exportFollowUp).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/Planen har 2 fel/)).toBeVisible();
    expect(screen.queryByRole("link")).not.toBeInTheDocument();
  });
});

describe("Skapa: utfall ur ekonomisystemet", () => {
  const csv = (name: string, lines: string[]) => new File([lines.join("\r\n")], name, { type: "text/csv" });
  const LEDGER = [
    "Ansvar;Ansvarsnamn;Konto;Belopp",
    "1100;Kommunledning;4010;1 250 000,00",
    "1100;Kommunledning;3811;-500 000",
    "2100;Äldreomsorg;4010;2 500 000",
    "9100;Okänt ansvar;4010;300 000",
  ];

  async function pick(file: File) {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    // A button of the pane's own, reachable by keyboard, opens the hidden file field.
    const button = screen.getByRole("button", { name: "Välj utfall ur ekonomisystemet" });
    expect(button).toHaveAccessibleDescription(/\.csv, \.txt eller \.xlsx/);
    await user.upload(screen.getByLabelText("Välj utfall ur ekonomisystemet"), file);
    return { user, workbook };
  }

  test("a picked CSV is summed per nämnd, the whole file is its parts, and generate gets the outcomes", async () => {
    const { user, workbook } = await pick(csv("utfall.csv", LEDGER));
    const table = await screen.findByRole("table", { name: "Utfall per nämnd" });
    const [ks, san] = within(table).getAllByRole("row").slice(1);
    expect(ks).toHaveTextContent(/KS.*Kommunstyrelsen.*1 250 tkr/);
    expect(san).toHaveTextContent(/SAN.*2 500 tkr/);
    expect(screen.getByText(/^1 ansvar hör inte till någon nämnd, sammanlagt 300 tkr \(9100\)/)).toBeVisible();
    expect(
      screen.getByText(
        "Hela filen: 4 rader, 3 550 tkr = nämnderna 3 750 tkr + utan nämnd 300 tkr + konton som inte räknas −500 tkr.",
      ),
    ).toBeVisible();
    expect(workbook.importLedger).toHaveBeenCalledWith(expect.objectContaining({ name: "utfall.csv" }));
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith(
      expect.objectContaining({
        ledgerOutcomes: new Map([
          ["KS", 125_000_000],
          ["SAN", 250_000_000],
        ]),
      }),
    );
  });

  test("an amount that cannot be read is a finding at its cell, and that nämnd gets no outcome", async () => {
    const { user, workbook } = await pick(csv("utfall.csv", [...LEDGER, "2200;Hemtjänst;4010;tolv"]));
    const table = await screen.findByRole("table", { name: "Utfall per nämnd" });
    expect(within(table).getAllByRole("row")[2]).toHaveTextContent(
      /SAN.*1 belopp går inte att läsa; inget utfall skrivs/,
    );
    expect(screen.getByRole("heading", { name: "Fynd i utfallet (1)" })).toBeVisible();
    expect(screen.getByText(/^utfall\.csv!D6: Fel: "tolv"/)).toBeVisible();
    expect(screen.getByText(/1 rad vars belopp inte går att läsa ingår inte\./)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith(
      expect.objectContaining({ ledgerOutcomes: new Map([["KS", 125_000_000]]) }),
    );
  });

  test("while the export is read nothing can be made: its outcomes go with the sheets whole or not at all", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const held = deferred<LedgerOutcome>();
    workbook.importLedger.mockImplementationOnce(() => held.promise);
    await user.upload(screen.getByLabelText("Välj utfall ur ekonomisystemet"), csv("utfall.csv", LEDGER));
    expect(await screen.findByText("Läser utfallet …")).toBeVisible();
    expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeDisabled();
    held.resolve(await importLedgerAsThePaneDoes(csv("utfall.csv", LEDGER)));
    await screen.findByRole("table", { name: "Utfall per nämnd" });
    await waitFor(() => expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeEnabled());
  });

  test("Ta bort clears the pick: the sheets are made without an outcome", async () => {
    const { user, workbook } = await pick(csv("utfall.csv", LEDGER));
    await screen.findByRole("table", { name: "Utfall per nämnd" });
    await user.click(screen.getByRole("button", { name: "Ta bort utfall.csv" }));
    expect(screen.queryByRole("table", { name: "Utfall per nämnd" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith(expect.not.objectContaining({ ledgerOutcomes: expect.anything() }));
  });

  test("a file that cannot be used says so in one line and nothing of it is used", async () => {
    const { user, workbook } = await pick(csv("anteckningar.txt", ["Inköpslista", "mjölk", "bröd"]));
    expect(
      await screen.findByText(
        "anteckningar.txt går inte att använda som utfall: ingen rubrikrad med Ansvar och Belopp hittades. Inget utfall används.",
      ),
    ).toBeVisible();
    expect(screen.queryByRole("table", { name: "Utfall per nämnd" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenCalledWith(expect.not.objectContaining({ ledgerOutcomes: expect.anything() }));
  });

  test("a broken workbook is said as other file problems are", async () => {
    await pick(new File(["PK\u0003\u0004 not a zip"], "utfall.xlsx"));
    expect(await screen.findByRole("alert")).toHaveTextContent(/utfall\.xlsx/);
    expect(screen.queryByRole("table", { name: "Utfall per nämnd" })).not.toBeInTheDocument();
  });
});
