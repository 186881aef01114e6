/**
 * The Måluppfyllelse sheet printed through LibreOffice to PDF: A4 landscape, the title, the rule and the column
 * headers on every page, and no text of the table under 8 pt with ten nämnder side by side.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GOAL_ATTAINMENT_SHEET, goalAttainmentSheet } from "../src/domain/followup/goalAttainmentSheet";
import { Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { workbookBuffer } from "../src/hosts/xlsx/write";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { PLAN, Typed, consolidation, goal } from "./support/goalPlan";
import { LibreOffice, startLibreOffice } from "./support/libreoffice";
import { CARLITO_LINE, wordHeights } from "./support/pdf";

let office: LibreOffice | null = null;
beforeAll(async () => {
  office = await startLibreOffice();
}, 60_000);
afterAll(async () => {
  await office?.close();
});

/** The plan's four nämnder and six more, each with a nämndmål under the first kommunmål. */
const EXTRA = ["E", "F", "G", "H", "I", "J"];
const WIDE: Plan = {
  ...PLAN,
  committees: [
    ...PLAN.committees,
    ...EXTRA.map((code) => ({ code, name: `Nämnd ${code}`, kind: "committee" as const })),
  ],
  goals: [...PLAN.goals, ...EXTRA.map((code) => goal(`${code}1`, "namndmal", ["M1"], code))],
};

test("ten nämnder print legibly on A4 landscape, the title rows on every page", async () => {
  const comment = "En lång kommentar om hur det har gått för målet under perioden, med orsaker och åtgärder. ";
  const answers: Record<string, Typed> = Object.fromEntries(
    WIDE.committees.map((c, i) => [
      c.code,
      Object.fromEntries(
        WIDE.goals
          .filter((g) => g.committee === c.code)
          .map((g) => [g.id, [["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"][i % 3], comment.repeat(10)]]),
      ),
    ]),
  );
  const spec = goalAttainmentSheet(WIDE, consolidation(answers, WIDE), DEFAULT_SETTINGS, GOAL_REPORT_WORDS.sv);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-goals-"));
  const file = path.join(dir, "maluppfyllelse.xlsx");
  await fs.writeFile(file, await workbookBuffer({ sheets: [{ ...spec, name: GOAL_ATTAINMENT_SHEET }] }));
  const [[pdf]] = await office!.convert([file], "pdf", path.join(dir, "pdf"));
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThan(1);
  const words = wordHeights(pdf);
  for (let page = 0; page < pages; page++) {
    const text = words.filter((w) => w.page === page).map((w) => w.word);
    expect(text).toEqual(expect.arrayContaining(["Måluppfyllelse", "Sammantagen", "Sammantaget", "J"]));
  }
  // The grey marker is no text of the table (and another change takes it off paper).
  const table = words.filter((w) => !w.word.startsWith("#maltavlan") && w.word !== "rapport");
  expect(Math.min(...table.map((w) => w.height)) / CARLITO_LINE).toBeGreaterThanOrEqual(8);
  await fs.rm(dir, { recursive: true, force: true });
}, 120_000);
