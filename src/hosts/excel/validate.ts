/**
 * Reading and validating the open workbook, the first part of every step in openWorkbook.ts: the pane needs only
 * this to show its first step, so its first chunks hold no writer.
 */
import type { PlanRead } from "../../domain/planRead";
import type { CoreSteps } from "../coreSteps";
import type { Mapping } from "../../domain/mapping";
import { type ReadOptions, type WorkbookReadResult, readWorkbookWithStats } from "./read";

export interface JobOptions extends ReadOptions {
  writeBudgetBytes?: number;
  /** Where the core runs: in this thread by default; the pane passes its Web Worker. */
  core?: CoreSteps;
}

export interface Validation extends PlanRead {
  workbook: WorkbookReadResult;
  hasErrors: boolean;
}

/** The core the job runs on; the in-thread one is loaded only when asked for, so the pane never downloads it twice. */
export async function coreOf(options: JobOptions): Promise<CoreSteps> {
  return options.core ?? (await import("../coreSteps")).inThreadCore;
}

/** What the core read, without the grids: what goes back to the core (the pane's worker gets no grids twice). */
export function planReadOf({
  plan,
  findings,
  sheets,
  settings,
  unread,
  sources,
  reconciliation,
}: Validation): PlanRead {
  return { plan, findings, sheets, settings, unread, sources, reconciliation };
}

/** Reads the open workbook and validates the plan in it: 2 syncs, 3 for a plan of up to some 6 MB (read.ts). */
export async function validateOpenWorkbook(
  context: Excel.RequestContext,
  mapping?: Mapping,
  options: JobOptions = {},
): Promise<Validation> {
  const workbook = await readWorkbookWithStats(context, options);
  const core = await coreOf(options);
  const read = await core.readPlan(workbook.grids, mapping);
  return { ...read, workbook, hasErrors: read.findings.some((f) => f.severity === "error") };
}
