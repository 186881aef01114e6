import { CellRef, refName } from "../sheet/grid";
import { oreToTkr } from "./amounts";
import { CommitteeKind, Duration, Origin, Plan } from "./model";
import { RamYear } from "./resolve/ramReconcile";

/** Per nämnd: how many uppdrag it has and what its ramjusteringar add up to, exactly, in öre. */
export interface CommitteeSummary {
  code: string;
  name: string | null;
  assignments: number;
  totalOre: number;
  permanentOre: number;
  temporaryOre: number;
  unspecifiedOre: number;
}

export function summarizeByCommittee(plan: Plan): CommitteeSummary[] {
  return plan.committees.map(({ code, name }) => {
    const adjustments = plan.adjustments.filter((a) => a.committee === code);
    const sum = (duration: string | null) =>
      adjustments.filter((a) => a.duration === duration).reduce((total, a) => total + a.amountOre, 0);
    return {
      code,
      name,
      assignments: plan.assignments.filter((a) => a.committees.includes(code)).length,
      totalOre: adjustments.reduce((total, a) => total + a.amountOre, 0),
      permanentOre: sum("permanent"),
      temporaryOre: sum("temporary"),
      unspecifiedOre: sum(null),
    };
  });
}

/**
 * The words --json has always written for the plan's enums (docs/schemas/validate-output.schema.json): the schema
 * stays as documented, so they are turned into these here, and only here.
 */
const JSON_COMMITTEE_KIND = { committee: "namnd", company: "bolag" } as const satisfies Record<CommitteeKind, string>;
const JSON_ORIGIN = { council: "fullmaktige", committee: "namnd" } as const satisfies Record<Origin, string>;
const JSON_DURATION = { permanent: "varaktig", temporary: "tillfallig" } as const satisfies Record<Duration, string>;

/** "Driftbudget!E11": where a budget was read; null when the plan was not read from a workbook's cells. */
function sourceName(sources: ReadonlyMap<string, CellRef>, id: string): string | null {
  const ref = sources.get(id);
  return ref ? `${ref.sheet}!${refName(ref)}` : null;
}

/** The plan in the CLI's JSON shape (README: "JSON-utdata"); amounts as signed tkr. */
export function planToJson(plan: Plan, sources: ReadonlyMap<string, CellRef> = new Map()) {
  return {
    years: plan.years,
    committees: plan.committees.map(({ code, name, kind }) => ({ code, name, kind: JSON_COMMITTEE_KIND[kind] })),
    goals: plan.goals.map(({ id, level, name, parentIds, committee, target }) => ({
      id,
      level,
      name,
      parentIds,
      committee,
      target,
    })),
    assignments: plan.assignments.map(({ id, title, clarification, goalIds, committees, origin, year }) => ({
      id,
      title,
      clarification,
      goalIds,
      committees,
      origin: JSON_ORIGIN[origin],
      year,
    })),
    adjustments: plan.adjustments.map((a) => ({
      id: a.id,
      committee: a.committee,
      year: a.year,
      amountTkr: oreToTkr(a.amountOre),
      direction: a.direction,
      duration: a.duration === null ? null : JSON_DURATION[a.duration],
      assignmentId: a.assignmentId,
      description: a.description,
      isIndex: a.isIndex,
    })),
    keyFigures: plan.keyFigures.map(({ id, name, koladaId, goalId, target, unit }) => ({
      id,
      name,
      koladaId,
      goalId,
      target,
      unit,
    })),
    budgets: plan.budgets.map(({ id, committee, year, amountOre, kind, description }) => ({
      id,
      committee,
      year,
      amountTkr: oreToTkr(amountOre),
      kind,
      description,
      source: sourceName(sources, id),
    })),
    investments: plan.investments.map(({ id, committee, project, year, amountOre }) => ({
      id,
      committee,
      project,
      year,
      amountTkr: oreToTkr(amountOre),
      source: sourceName(sources, id),
    })),
  };
}

export type PlanJson = ReturnType<typeof planToJson>;

/** The ram reconciliation in the CLI's JSON shape: each nämnd's year, amounts in tkr. */
export function reconciliationToJson(years: RamYear[]) {
  return years.map((y) => ({
    committee: y.committee,
    year: y.year,
    previousTkr: oreToTkr(y.previousOre),
    lastingTkr: oreToTkr(y.lastingOre),
    temporaryTkr: oreToTkr(y.temporaryOre),
    endingTemporaryTkr: oreToTkr(y.endingTemporaryOre),
    indexTkr: oreToTkr(y.indexOre),
    frameTkr: oreToTkr(y.frameOre),
    expectedTkr: oreToTkr(y.expectedOre),
    addsUp: y.addsUp,
    differenceTkr: oreToTkr(y.frameOre - y.expectedOre),
    temporaryBasis: y.temporaryBasis,
    cell: y.cell,
    source: y.source,
    changesComplete: y.changesComplete,
  }));
}
