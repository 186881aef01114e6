import { CellRef, Grid } from "../../sheet/grid";
import { FileFinding, FindingParams, FollowUpRuleId, Severity, finding } from "../findings";
import { Plan } from "../model";
import { Period, Settings } from "../settings";
import { normalizeName } from "../text";
import { FollowUpRead, isFollowUpSheet, readFollowUpSheet } from "./answers";
import { committeeKeys } from "./content";
import { expectedRows } from "./expected";
import { META_ROW } from "./model";
import { appendTo } from "../collections";

/**
 * The one way a follow-up sheet someone returned is recognised, for consolidation and for a regeneration alike: which
 * nämnd of today's plan it answers for, and for which period. By its metadata first, then by its name ("KS T1 2025"),
 * then by its rows, its investment projects among them (the nämnd whose rows it shares most of; of two alike, the one
 * its file has no other sheet for). A nämnd whose code changed in the plan is found by its name, or by its rows, and a
 * finding says so; a sheet that belongs to no nämnd of the plan, or to two alike, is a finding too.
 */

export interface SheetSource {
  /** File name or "this workbook", for findings. */
  file: string;
  grids: Grid[];
  /** The plan workbook itself (the economist's master), not a file a nämnd returned. */
  master: boolean;
}

export interface RecognisedSheet<S extends SheetSource = SheetSource> {
  source: S;
  read: FollowUpRead;
  /** The nämnd's code in today's plan. */
  committee: string;
  period: string;
  year: number;
}

export interface Recognition<S extends SheetSource> {
  period: Period;
  year: number;
  /** The sheets for `period` and `year`, each with its nämnd; in the order of the sources. */
  sheets: RecognisedSheet<S>[];
  findings: FileFinding[];
}

interface Claim {
  committee: string;
  committeeName: string | null;
  period: string;
  year: number;
  /** Where the claim was read: the metadata (A2) or the sheet's name. */
  from: "metadata" | "name";
}

/**
 * The rows that tell a nämnd's sheet from another's: its plan rows, and its investment projects of the year with their
 * åtgärder rows. The drift's rows are on every nämnd's sheet under one key, so they tell nothing.
 */
function recognisingKeys(plan: Plan, code: string, year: number): Set<string> {
  const keys = committeeKeys(plan, code);
  const economy = expectedRows(plan, code, year).filter((row) => row.kind === "investment" || row.kind === "measures");
  const projects = new Set(economy.filter((row) => row.kind === "investment").map((row) => row.id));
  for (const row of economy) if (projects.has(row.id)) keys.add(row.key);
  return keys;
}

/** "KS T1 2025": what a sheet name says when the marker is gone. */
function fromSheetName(name: string): Claim | null {
  const m = /^(.+?)(?: \(\d+\))? (\S+) (\d{4})$/.exec(name);
  return m ? { committee: m[1], committeeName: null, period: m[2], year: Number(m[3]), from: "name" } : null;
}

export function recogniseSheets<S extends SheetSource>(
  plan: Plan,
  sources: S[],
  settings: Settings,
  wanted?: { period: Period; year: number },
): Recognition<S> {
  const findings: FileFinding[] = [];
  const report = (file: string, severity: Severity, rule: FollowUpRuleId, at: CellRef, params: FindingParams = {}) =>
    findings.push({ ...finding(severity, rule, at, params), file });

  const read: { source: S; read: FollowUpRead; claim: Claim | null }[] = [];
  for (const source of sources) {
    for (const grid of source.grids.filter(isFollowUpSheet)) {
      const sheet = readFollowUpSheet(grid);
      if (!sheet.meta || !sheet.markerIntact)
        report(source.file, "warning", "followup-marker-missing", { sheet: grid.sheet, row: 0, col: 0 });
      const claim: Claim | null = sheet.meta ? { ...sheet.meta, from: "metadata" } : fromSheetName(grid.sheet);
      read.push({ source, read: sheet, claim });
    }
  }
  const newest = read
    .filter((r) => r.claim)
    .sort((a, b) => (b.read.meta?.generatedAt ?? "").localeCompare(a.read.meta?.generatedAt ?? ""))[0]?.claim;
  const period = wanted?.period ??
    settings.periods.find((p) => p.name === newest?.period) ?? { name: newest?.period ?? "", kind: "forecast" };
  const year = wanted?.year ?? newest?.year ?? new Date().getFullYear();

  const keys = new Map(plan.committees.map((c) => [c.code, recognisingKeys(plan, c.code, year)]));
  const overlap = (sheet: FollowUpRead, code: string) => sheet.rows.filter((r) => keys.get(code)!.has(r.key)).length;
  // The nämnder each file's other sheets say they are (metadata or name): a sheet known by its rows alone is rather
  // a nämnd whose sheet the file lacks.
  const claimed = new Map<S, Set<string>>();
  for (const { source, claim } of read) {
    if (claim && keys.has(claim.committee))
      claimed.set(source, (claimed.get(source) ?? new Set()).add(claim.committee));
  }
  /**
   * The nämnd whose rows the sheet shares most of (goals above a nämnd's own are on several sheets). Two that share
   * as many (a row moved from one to the other) are told apart only by the file's other sheets; else it is not
   * guessed: `tied` names them.
   */
  const byRows = (sheet: FollowUpRead, source: S): { code: string | null; tied: string[] } => {
    const shared = plan.committees.map((c) => ({ code: c.code, shared: overlap(sheet, c.code) }));
    const most = Math.max(0, ...shared.map((c) => c.shared));
    const best = shared.filter((c) => c.shared === most && most > 0).map((c) => c.code);
    const unclaimed = best.filter((code) => !claimed.get(source)?.has(code));
    const left = best.length > 1 && unclaimed.length > 0 ? unclaimed : best;
    return left.length === 1 ? { code: left[0], tied: [] } : { code: null, tied: left };
  };
  const byName = (name: string | null): string | null => {
    const matches = name ? plan.committees.filter((c) => c.name && normalizeName(c.name) === normalizeName(name)) : [];
    return matches.length === 1 ? matches[0].code : null;
  };

  const sheets: RecognisedSheet<S>[] = [];
  const others = new Map<S, string[]>();
  const forPeriod = new Set<S>();
  for (const { source, read: sheet, claim } of read) {
    // A sheet of another period is no answer for this one (the returned file is told below).
    if (claim && (claim.period !== period.name || claim.year !== year)) {
      appendTo(others, source, `${claim.period} ${claim.year}`);
      continue;
    }
    forPeriod.add(source);
    const at = { sheet: sheet.sheet, row: claim?.from === "metadata" ? META_ROW : 0, col: claim ? 0 : 1 };
    let committee: string | null = null;
    let tied: string[] = [];
    const rowsSay = () => {
      const found = byRows(sheet, source);
      tied = found.tied;
      return found.code;
    };
    if (claim && keys.has(claim.committee)) {
      // The metadata is the sheet's word; a name could be another nämnd's cleaned code ("S?N" is "S-N" in a name).
      const named = claim.committee;
      committee = claim.from === "metadata" || overlap(sheet, named) > 0 || !sheet.rows.length ? named : rowsSay();
    } else {
      const found = byName(claim?.committeeName ?? null);
      committee = found ?? rowsSay();
      if (committee && claim) {
        report(source.file, "warning", "followup-committee-recoded", at, {
          from: claim.committee,
          to: committee,
          how: found ? "name" : "rows",
        });
      }
    }
    if (committee) sheets.push({ source, read: sheet, committee, period: period.name, year });
    else if (sheet.rows.length) {
      report(source.file, "error", "followup-committee-unknown", at, {
        committee: claim?.committee ?? "",
        rows: sheet.rows.length,
        tied: tied.join(", "),
      });
    }
  }
  // A returned file that gives nothing for this period (the plan sent back, or the sheet of another period) says so:
  // whatever was typed in it would otherwise be left out without a word.
  for (const source of sources.filter((s) => !s.master && s.grids.length > 0)) {
    if (forPeriod.has(source)) continue;
    const sheet = read.find((r) => r.source === source)?.read.sheet ?? source.grids[0].sheet;
    const found = [...new Set(others.get(source) ?? [])].join(", ");
    report(
      source.file,
      "warning",
      "followup-no-sheet",
      { sheet, row: 0, col: 0 },
      { period: `${period.name} ${year}`, found },
    );
  }
  return { period, year, sheets, findings };
}
