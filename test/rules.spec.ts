/**
 * Every validation rule, from real broken workbooks (test/fixtures/build-fixtures.ts): each fixture is a valid base plan
 * with ONE defect and must give exactly the expected findings, at the exact cells, and nothing else.
 */
import { join } from "node:path";
import { main } from "../src/cli/main";
import { Finding, PlanRuleId } from "../src/domain/findings";
import { findingMessage } from "../src/i18n/findings";
import {
  BASES,
  CLEAN_FIXTURES,
  ExpectedFinding,
  FIXTURE_DIR,
  Layout,
  RULE_FIXTURES,
  readFixture,
  writeAndRead,
} from "./fixtures/build-fixtures";

/** Every rule id (the Record makes the compiler insist on all of them). */
const RULES: Record<PlanRuleId, true> = {
  "required-field": true,
  "error-value": true,
  "unknown-goal": true,
  "parent-level": true,
  "goal-cycle": true,
  "duplicate-id": true,
  "duplicate-assignment": true,
  "unknown-committee": true,
  "unknown-level": true,
  "amount-unparseable": true,
  "amount-ambiguous": true,
  "amount-sign": true,
  "direction-invalid": true,
  "adjustment-unknown-assignment": true,
  "adjustment-committee-ambiguous": true,
  "year-outside-plan": true,
  "year-invalid": true,
  "assignment-no-committee": true,
  "kolada-id": true,
  "duration-unspecified": true,
  "duration-invalid": true,
  "origin-invalid": true,
  "committee-kind-invalid": true,
  "ram-mismatch": true,
  "ram-previous-unclear": true,
};

const where = (f: Pick<Finding, "severity" | "rule" | "sheet" | "cell">) =>
  `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

const expectedWhere = (e: ExpectedFinding) => where({ ...e, severity: e.severity ?? "error" });

describe("the valid bases", () => {
  test.each(Object.keys(BASES) as Layout[])("the %s base reads with no findings", async (layout) => {
    const { findings, plan } = await writeAndRead(`base-${layout}`, BASES[layout]);
    expect(findings.map(where)).toEqual([]);
    expect(plan.assignments.length).toBeGreaterThan(0);
    expect(plan.adjustments.length).toBeGreaterThan(0);
  });

  test("the bases hold what the fixtures break", async () => {
    const template = (await writeAndRead("base-template", BASES.template)).plan;
    expect(template.years).toEqual([2024, 2025, 2026]);
    expect(template.committees.map((c) => c.code)).toEqual(["KS", "TN", "SAN", "ÖH"]);
    expect(template.goals.map((g) => g.id)).toEqual(["V1", "M1", "M2", "NM1", "NM2", "NM3"]);
    expect(template.adjustments.map((a) => [a.id, a.amountOre / 100_000])).toEqual([
      ["R1", 250],
      ["R2", 1200],
      ["R3", -500],
    ]);
    const free = (await writeAndRead("base-free", BASES.free)).plan;
    expect(free.years).toEqual([2024, 2025, 2026]);
    expect(free.committees.map((c) => [c.code, c.name])).toEqual([
      ["KS", "Kommunstyrelsen"],
      ["TN", "Tekniska nämnden"],
      ["SN", "Socialnämnden"],
    ]);
    expect(free.assignments.find((a) => a.title.startsWith("Säkerställ"))?.committees).toEqual(["TN", "KS"]);
    expect(free.adjustments.map((a) => [a.committee, a.amountOre / 100_000, a.duration])).toEqual([
      ["KS", 250, "temporary"],
      ["SN", 1200, "permanent"],
      ["TN", -500, "permanent"],
    ]);
    const pasted = (await writeAndRead("base-pasted", BASES.pasted)).plan;
    expect(pasted.assignments.map((a) => a.committees)).toEqual([["KS"], ["TN", "SAN", "KS"], ["SAN"], ["KS"]]);
    expect(pasted.adjustments.map((a) => [a.committee, a.amountOre / 100_000, a.duration])).toEqual([
      ["KS", 250, "temporary"],
      ["SAN", 1200, "permanent"],
    ]);
  });
});

test("every rule has at least one broken workbook", () => {
  const covered = new Set(RULE_FIXTURES.flatMap((f) => f.expected.map((e) => e.rule)));
  expect(Object.keys(RULES).filter((rule) => !covered.has(rule as PlanRuleId))).toEqual([]);
  expect(new Set(RULE_FIXTURES.map((f) => f.name)).size).toBe(RULE_FIXTURES.length);
});

describe.each(RULE_FIXTURES)("$name", (fixture) => {
  test(`${fixture.defect}: exactly ${fixture.expected.map((e) => e.rule).join(" + ")}`, async () => {
    const { findings } = await readFixture(fixture);
    // Exactly the expected findings at exactly their cells: no other error and no other warning.
    expect(findings.map(where).sort()).toEqual(fixture.expected.map(expectedWhere).sort());
    for (const expected of fixture.expected) {
      const found = findings.find((f) => where(f) === expectedWhere(expected));
      if (expected.params) expect(found?.params).toMatchObject(expected.params);
    }
    // Every finding can be told to the user in both languages.
    for (const f of findings) {
      expect(findingMessage(f, "sv")).not.toMatch(/undefined/);
      expect(findingMessage(f, "en")).not.toMatch(/undefined/);
    }
  });
});

describe("counter-cases: valid variations give no finding", () => {
  test.each(CLEAN_FIXTURES)("$name: $description", async (fixture) => {
    const { findings, plan } = await readFixture(fixture);
    expect(findings.map(where)).toEqual([]);
    fixture.check(plan);
  });
});

describe("the CLI's exit code follows the severity", () => {
  const run = async (name: string) => {
    const io = { out: () => undefined, err: () => undefined };
    return main(["validate", join(FIXTURE_DIR, `${name}.xlsx`)], io);
  };

  test("an error gives 1, a warning alone 0", async () => {
    const error = RULE_FIXTURES.find((f) => f.name === "template-amount-unparseable");
    const warning = RULE_FIXTURES.find((f) => f.name === "template-duration-unspecified");
    if (!error || !warning) throw new Error("fixtures renamed");
    await readFixture(error);
    await readFixture(warning);
    expect(await run(error.name)).toBe(1);
    expect(await run(warning.name)).toBe(0);
  });
});
