import { oreToTkr } from "./amounts";
import { CommitteeKind, Duration, Origin, Plan } from "./model";

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

/** The plan in the CLI's JSON shape (README: "JSON-utdata"); amounts as signed tkr. */
export function planToJson(plan: Plan) {
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
  };
}

export type PlanJson = ReturnType<typeof planToJson>;
