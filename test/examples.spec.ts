import { promises as fs } from "fs";
import * as path from "path";
import { readPlan } from "../src/domain/readPlan";
import { planToJson } from "../src/domain/summary";
import { readWorkbookFile } from "../src/hosts/xlsx/read";

// Each bundled example, read from its real .xlsx, must give the plan written by hand in test/expected (not a snapshot
// of the reader's output).
const EXAMPLES = ["ostersund-2024-mall", "ostersund-2024-klistrad", "kiruna-2020-fri", "sandviken-2024-fri"];

describe.each(EXAMPLES)("example %s", (name) => {
  test("reads into the hand-written expected plan with no errors or warnings", async () => {
    const { grids } = await readWorkbookFile(path.join(__dirname, "..", "examples", `${name}.xlsx`));
    const expected = JSON.parse(await fs.readFile(path.join(__dirname, "expected", `${name}.json`), "utf8"));
    const { plan, findings } = readPlan(grids);
    // Each example opens with a sheet about itself, which is no plan: it is said to be not read, and nothing else.
    expect(findings.map(({ severity, rule, sheet }) => [severity, rule, sheet])).toEqual([
      ["info", "sheet-not-read", "Om exemplet"],
    ]);
    expect(planToJson(plan)).toEqual(expected);
  });
});

test("the pasted page and the template give the same real uppdrag and ramjusteringar", async () => {
  const read = async (name: string) =>
    planToJson(readPlan((await readWorkbookFile(path.join(__dirname, "..", "examples", `${name}.xlsx`))).grids).plan);
  const pasted = await read("ostersund-2024-klistrad");
  const template = await read("ostersund-2024-mall");
  const byTitle = (plan: typeof pasted) =>
    new Map(plan.assignments.map((a) => [a.title, { committees: a.committees, origin: a.origin, year: a.year }]));
  const templateAssignments = byTitle(template);
  for (const [title, assignment] of byTitle(pasted)) expect(templateAssignments.get(title)).toEqual(assignment);
  const amounts = (plan: typeof pasted) =>
    plan.adjustments
      .filter((a) => a.assignmentId !== null)
      .map((a) => ({
        title: plan.assignments.find((x) => x.id === a.assignmentId)?.title,
        committee: a.committee,
        amountTkr: a.amountTkr,
        duration: a.duration,
      }));
  const templateAmounts = amounts(template);
  for (const adjustment of amounts(pasted)) expect(templateAmounts).toContainEqual(adjustment);
});
