import { KeyFigure } from "../model";
import { KoladaGender, KoladaRead } from "./model";

/**
 * The plan's nyckeltal matched with Kolada's values by Kolada ID: per nyckeltal the latest year the files have a
 * value for, up to the follow-up's year (Kolada publishes most figures months after a year ends, so at Helår 2025 the
 * latest is often 2024). The plan cannot ask for another gender today: the total (T) is taken.
 */

export interface KoladaOutcome {
  koladaId: string;
  value: number;
  year: number;
  gender: KoladaGender;
  /** Later years up to the follow-up's that the files have without a value (not yet published). */
  missingYears: number[];
}

export interface KoladaMatch {
  /** By Kolada ID. */
  outcomes: Map<string, KoladaOutcome>;
  /** The plan's names of the nyckeltal of each Kolada ID. */
  names: Map<string, string[]>;
  /** Nyckeltal whose Kolada ID the files do not have at all (for the kommun), with the plan's names. */
  notInFile: { koladaId: string; names: string[] }[];
  /** In the files, but no value for the follow-up's year or before: the years given without a value. */
  noValue: { koladaId: string; names: string[]; years: number[] }[];
  /** In the files only for years after the follow-up's. */
  onlyLater: { koladaId: string; names: string[]; years: number[] }[];
}

export const DEFAULT_KOLADA_GENDER: KoladaGender = "T";

export function matchKolada(
  keyFigures: KeyFigure[],
  read: KoladaRead,
  year: number,
  gender: KoladaGender = DEFAULT_KOLADA_GENDER,
): KoladaMatch {
  const byKpi = new Map<string, Map<number, number | null>>();
  for (const v of read.values) {
    if (v.gender !== gender) continue;
    let years = byKpi.get(v.kpi);
    if (!years) byKpi.set(v.kpi, (years = new Map()));
    // Two files with the same year (pages that overlap): a value beats none.
    if (v.value !== null || !years.has(v.year)) years.set(v.year, v.value);
  }
  const names = new Map<string, string[]>();
  for (const k of keyFigures) if (k.koladaId) names.set(k.koladaId, [...(names.get(k.koladaId) ?? []), k.name]);
  const match: KoladaMatch = { outcomes: new Map(), names, notInFile: [], noValue: [], onlyLater: [] };
  for (const [koladaId, named] of names) {
    const years = byKpi.get(koladaId);
    if (!years) {
      match.notInFile.push({ koladaId, names: named });
      continue;
    }
    const upTo = [...years.keys()].filter((y) => y <= year).sort((a, b) => b - a);
    const found = upTo.find((y) => years.get(y) !== null);
    if (found === undefined) {
      if (upTo.length) match.noValue.push({ koladaId, names: named, years: upTo.reverse() });
      else match.onlyLater.push({ koladaId, names: named, years: [...years.keys()].sort((a, b) => a - b) });
      continue;
    }
    const missingYears = upTo.filter((y) => y > found).reverse();
    match.outcomes.set(koladaId, { koladaId, value: years.get(found)!, year: found, gender, missingYears });
  }
  return match;
}
