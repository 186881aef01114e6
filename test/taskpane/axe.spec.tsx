import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { App } from "../../src/taskpane/App";
import type { Step } from "../../src/taskpane/launch";
import { EMPTY_WORKBOOK, FINDINGS, fakeWorkbook, syncError, validation } from "./fakes";
import { PANE_STRINGS } from "../../src/i18n/pane";

/** Serious and critical violations, as "rule: target" lines (empty when there are none). */
async function serious(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, { resultTypes: ["violations"] });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`));
}

const shown: Record<Step, () => Promise<unknown>> = {
  koppla: () => screen.findByRole("table", { name: "Nämnder" }),
  validera: () => screen.findByRole("button", { name: /^Uppdrag!E3/ }),
  skapa: () => screen.findByRole("table", { name: "Uppföljningsbladen per nämnd" }),
  sammanstall: () => screen.findByRole("region", { name: "Det här saknas per nämnd" }),
};

describe("axe-core finds no serious or critical violation", () => {
  test("the check itself catches a violation (a button without a name)", async () => {
    const { container } = render(<button type="button" />);
    expect(await serious(container)).toEqual([expect.stringMatching(/^button-name:/)]);
  });

  test.each(["koppla", "validera", "skapa", "sammanstall"] as Step[])("%s with content", async (step) => {
    const workbook = fakeWorkbook(step === "validera" ? validation(FINDINGS) : validation());
    const { container } = render(<App inExcel workbook={workbook} initialStep={step} />);
    await shown[step]();
    expect(await serious(container)).toEqual([]);
  });

  test("Skapa with a ledger export picked: its summary, a code of no nämnd and a finding", async () => {
    const user = userEvent.setup();
    const { container } = render(<App inExcel workbook={fakeWorkbook(validation())} initialStep="skapa" />);
    await shown.skapa();
    const csv = new File(["Ansvar;Belopp\n1100;1 000\n9100;5\n2100;tolv\n"], "utfall.csv");
    await user.upload(screen.getByLabelText("Välj utfall ur ekonomisystemet"), csv);
    await screen.findByRole("table", { name: "Utfall per nämnd" });
    expect(await serious(container)).toEqual([]);
  });

  test.each(["en", "sv"] as const)("every step in %s, dark theme", async (language) => {
    const { container } = render(
      <App inExcel workbook={fakeWorkbook(validation(FINDINGS))} strings={PANE_STRINGS[language]} theme="dark" />,
    );
    await screen.findByRole("table", { name: language === "sv" ? "Nämnder" : "Committees" });
    expect(await serious(container)).toEqual([]);
  });

  test("Koppla's goal tree, opened down to a nyckeltal", async () => {
    const user = userEvent.setup();
    const read = validation();
    const keyFigures = [
      { id: "N1", name: "Nystartade företag", koladaId: null, goalId: "M1", target: null, unit: null },
    ];
    const { container } = render(
      <App inExcel workbook={fakeWorkbook({ ...read, plan: { ...read.plan, keyFigures } })} />,
    );
    const tree = await screen.findByRole("tree", { name: "Mål och nyckeltal" });
    await user.click(within(tree).getByText("Östersund 2040"));
    await user.click(within(tree).getByText("Näringsliv och tillväxt"));
    expect(within(tree).getByText("Nystartade företag")).toBeVisible();
    expect(await serious(container)).toEqual([]);
  });

  test("Sammanställ after consolidating: Måluppfyllelse's tree opened, and the chapter's button", async () => {
    const user = userEvent.setup();
    const { container } = render(<App inExcel workbook={fakeWorkbook(validation())} initialStep="sammanstall" />);
    await shown.sammanstall();
    await user.click(screen.getAllByRole("button", { name: "Sammanställ" }).at(-1)!);
    const tree = await screen.findByRole("tree", { name: "Måluppfyllelse per mål och nämnd" });
    await user.click(within(tree).getByRole("treeitem"));
    await within(tree).findByText(/Ej inkommet$/);
    expect(screen.getByRole("button", { name: "Skapa kapitel i Word" })).toBeVisible();
    expect(await serious(container)).toEqual([]);
  });

  test("Koppla in an empty workbook, and an error", async () => {
    const { container } = render(<App inExcel workbook={fakeWorkbook(EMPTY_WORKBOOK)} />);
    await screen.findByRole("button", { name: "Skapa mallbladen" });
    expect(await serious(container)).toEqual([]);
  });

  test("errors and outside Excel", async () => {
    const workbook = fakeWorkbook();
    workbook.validate.mockRejectedValue(syncError("Timeout", "readSheets"));
    const { container, unmount } = render(<App inExcel workbook={workbook} initialStep="validera" />);
    await screen.findByRole("alert");
    expect(await serious(container)).toEqual([]);
    unmount();
    const outside = render(<App inExcel={false} workbook={null} />);
    expect(await serious(outside.container)).toEqual([]);
  });
});
