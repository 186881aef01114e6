import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { loadPaneStrings } from "../../src/i18n/paneLanguage";
import { WorkerFailure } from "../../src/taskpane/workerFailure";
import type { SavedFile } from "../../src/taskpane/workbook";
import { deferred, fakeWorkbook, validation } from "./fakes";

let saved: { blob: Blob; download: string }[];
let blobs: Map<string, Blob>;

beforeEach(() => {
  saved = [];
  blobs = new Map();
  let next = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${++next}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  // jsdom does not navigate: what the pane's hidden link would save is recorded instead.
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, download: this.download });
  });
});

afterEach(() => jest.restoreAllMocks());

async function consolidated(language: "sv" | "en" = "sv") {
  const user = userEvent.setup();
  const workbook = fakeWorkbook(validation());
  const strings = await loadPaneStrings(language);
  render(<App inExcel workbook={workbook} initialStep="sammanstall" strings={strings} />);
  const consolidate = language === "sv" ? "Sammanställ" : "Consolidate";
  await screen.findByRole("button", { name: consolidate });
  await user.click(screen.getAllByRole("button", { name: consolidate }).at(-1)!);
  return { user, workbook };
}

describe("after Sammanställ: Måluppfyllelse down the goal tree", () => {
  test("each goal above the nämnder with its level and overall status in words; opened by keyboard to the nämnder", async () => {
    const { user } = await consolidated();
    const tree = await screen.findByRole("tree", { name: "Måluppfyllelse per mål och nämnd" });
    const section = screen.getByRole("region", { name: "Måluppfyllelse" });
    expect(section).toHaveTextContent("Sammantagen bedömning: den vanligaste bedömningen; vid lika antal den svagare.");
    // Only the top goal shows, closed: its level, name and status as text.
    const top = within(tree).getByRole("treeitem");
    expect(top).toHaveTextContent("MålområdeLivskvalitetDelvis uppfyllt");
    expect(top).toHaveAttribute("aria-expanded", "false");

    top.focus();
    await user.keyboard("{ArrowRight}");
    expect(top).toHaveAttribute("aria-expanded", "true");
    const items = within(tree).getAllByRole("treeitem");
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining("Livskvalitet"),
      "KommunmålNäringsliv och tillväxtUppfyllt",
      "KS Kommunstyrelsen: Delvis uppfyllt",
      "SAN Social- och arbetsmarknadsnämnden: Ej inkommet",
    ]);
    // Down to the goal under it, and open it: its own nämnd.
    await user.keyboard("{ArrowDown}");
    expect(items[1]).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(within(items[1]).getByRole("treeitem")).toHaveTextContent("KS Kommunstyrelsen: Uppfyllt");
  });

  test("in English: the level's English name and the words for a nämnd that has not answered", async () => {
    const { user } = await consolidated("en");
    const tree = await screen.findByRole("tree", { name: "Goal attainment per goal and committee" });
    const top = within(tree).getByRole("treeitem");
    expect(top).toHaveTextContent("Goal areaLivskvalitetDelvis uppfyllt");
    top.focus();
    await user.keyboard("{ArrowRight}");
    expect(tree).toHaveTextContent("SAN Social- och arbetsmarknadsnämnden: Not received");
  });
});

describe("Skapa kapitel i Word", () => {
  test("progress while it is built, then the .docx is saved through a link with download", async () => {
    const { user, workbook } = await consolidated();
    const built = deferred<SavedFile>();
    workbook.chapterDocx.mockImplementationOnce(() => built.promise);
    await user.click(await screen.findByRole("button", { name: "Skapa kapitel i Word" }));
    expect(screen.getByText("Skapar kapitlet i Word …")).toBeVisible();
    expect(screen.getByRole("button", { name: "Skapa kapitel i Word" })).toBeDisabled();
    built.resolve({ fileName: "Måluppfyllelse T1 2024.docx", data: new Uint8Array([80, 75, 3, 4]) });
    expect(await screen.findByText("Kapitlet är sparat som Måluppfyllelse T1 2024.docx.")).toBeVisible();
    expect(saved).toHaveLength(1);
    expect(saved[0].download).toBe("Måluppfyllelse T1 2024.docx");
    expect(saved[0].blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(saved[0].blob.size).toBe(4);
    expect(screen.getByRole("link", { name: "Spara Måluppfyllelse T1 2024.docx igen" })).toHaveAttribute(
      "download",
      "Måluppfyllelse T1 2024.docx",
    );
    expect(workbook.chapterDocx).toHaveBeenCalledTimes(1);
  });

  test("a failure is said in Swedish, and nothing is saved", async () => {
    const { user, workbook } = await consolidated();
    workbook.chapterDocx.mockRejectedValueOnce(new WorkerFailure("chapterNotBuilt", "resvg: out of memory"));
    await user.click(await screen.findByRole("button", { name: "Skapa kapitel i Word" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Kapitlet i Word kunde inte skapas");
    expect(alert).toHaveTextContent("Word-dokumentet kunde inte skapas (resvg: out of memory).");
    expect(saved).toEqual([]);
  });
});
