import "./setup";
import { promises as fs } from "fs";
import * as path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { KeyFigure } from "../../src/domain/model";
import { PLAN, fakeWorkbook, validation } from "./fakes";

/** The Östersund example's nyckeltal with Kolada IDs (one the bundled file does not have), on the fake plan. */
const KEY_FIGURES: KeyFigure[] = [
  { id: "N1", name: "Invånare totalt, antal", koladaId: "N01951", goalId: "M1", target: "75 000", unit: "antal" },
  {
    id: "N2",
    name: "Förvärvsarbetande 20-64 år, andel (%)",
    koladaId: "N00914",
    goalId: "M1",
    target: null,
    unit: "%",
  },
  { id: "N4", name: "Kostnad ekonomiskt bistånd, kr/inv", koladaId: "N31001", goalId: null, target: null, unit: null },
];

function pane() {
  const workbook = fakeWorkbook(validation([], { plan: { ...PLAN, keyFigures: KEY_FIGURES } }));
  render(<App inExcel workbook={workbook} initialStep="skapa" />);
  return workbook;
}

async function example(): Promise<File> {
  const text = await fs.readFile(path.join(__dirname, "..", "..", "examples", "ostersund-kolada.json"), "utf8");
  return new File([text], "ostersund-kolada.json", { type: "application/json" });
}

describe("Skapa: nyckeltal ur Kolada", () => {
  test("a picked Kolada file is read for the kommun, shown per nyckeltal, and generate gets the outcomes", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const button = screen.getByRole("button", { name: "Välj nyckeltal ur Kolada" });
    expect(button).toHaveAccessibleDescription(/Inget hämtas: filen läses här\./);
    await user.upload(screen.getByLabelText("Välj nyckeltal ur Kolada"), await example());
    const table = await screen.findByRole("table", { name: "Nyckeltal ur Kolada" });
    const [invanare, andel] = within(table).getAllByRole("row").slice(1);
    expect(invanare).toHaveTextContent(/Invånare totalt, antal.*N01951.*2024.*65 230/);
    expect(andel).toHaveTextContent(/N00914.*2023.*81,6/);
    expect(screen.getByText("N00914: 2024 saknar värde ännu, 2023 används")).toBeVisible();
    expect(screen.getByText("Finns inte i filen: N31001 Kostnad ekonomiskt bistånd, kr/inv")).toBeVisible();
    expect(workbook.readKolada).toHaveBeenCalledWith(
      [expect.objectContaining({ name: "ostersund-kolada.json" })],
      null,
    );

    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    const choice = workbook.generate.mock.calls[0][0];
    expect([...(choice.koladaOutcomes?.values() ?? [])].map((o) => [o.koladaId, o.year, o.value])).toEqual([
      ["N01951", 2024, 65230],
      ["N00914", 2023, 81.6],
    ]);

    // Ta bort: the sheets are made without Kolada's figures.
    await user.click(screen.getByRole("button", { name: "Ta bort ostersund-kolada.json" }));
    expect(screen.queryByRole("table", { name: "Nyckeltal ur Kolada" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate).toHaveBeenLastCalledWith(
      expect.not.objectContaining({ koladaOutcomes: expect.anything() }),
    );
  });

  test("a file of several kommuner fills nothing until the kommun's Kolada ID is given; then it is read again", async () => {
    const user = userEvent.setup();
    const workbook = pane();
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    const csv = new File(
      [["kpi;municipality;year;gender;value", "N01951;2380;2023;T;65005", "N01951;0180;2023;T;984748"].join("\n")],
      "kolada.csv",
      { type: "text/csv" },
    );
    await user.upload(screen.getByLabelText("Välj nyckeltal ur Kolada"), csv);
    expect(await screen.findByText(/^Filen har värden för flera kommuner \(2380, 0180\)/)).toBeVisible();
    expect(screen.queryByRole("table", { name: "Nyckeltal ur Kolada" })).not.toBeInTheDocument();

    const id = screen.getByRole("textbox", { name: "Kommunens Kolada-ID" });
    await user.type(id, "23");
    expect(await screen.findByText("Skriv fyra siffror, t.ex. 2380.")).toBeVisible();
    await user.type(id, "80");
    const table = await screen.findByRole("table", { name: "Nyckeltal ur Kolada" });
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent(/N01951.*2023.*65 005/);
    expect(screen.getByText("Andra kommuners värden som hoppades över: 1")).toBeVisible();
    expect(workbook.readKolada).toHaveBeenLastCalledWith([expect.objectContaining({ name: "kolada.csv" })], "2380");
    await waitFor(() => expect(screen.getByRole("button", { name: "Skapa uppföljningsblad" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Skapa uppföljningsblad" }));
    expect(workbook.generate.mock.calls[0][0].koladaOutcomes?.get("N01951")).toMatchObject({
      value: 65005,
      year: 2023,
    });
  });

  test("a plan without a nyckeltal with a Kolada ID has no Kolada pick", async () => {
    render(<App inExcel workbook={fakeWorkbook(validation())} initialStep="skapa" />);
    await screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" });
    expect(screen.getByRole("button", { name: "Välj utfall ur ekonomisystemet" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Välj nyckeltal ur Kolada" })).not.toBeInTheDocument();
  });
});
