/**
 * The one contract of the Excel host's write (write.ts): the workbook's sheets, their cells and each part of their
 * layout are turned into ops by small builders, one per part (as ExcelJS has one class per XML part); an op queues
 * its Office.js actions when its sync comes and says beforehand how many request bytes they take, so that `pack`
 * can fill each sync up to the budget and a large write spans as many syncs as it needs.
 */
import type { SheetSpec } from "../../../sheet/spec";

/**
 * Estimated request bytes of one queued action (a property set or a method call, with small arguments) and of one
 * new proxy object (a range, or a navigation property such as `format` or `font`). Office.js sends an action as a
 * JSON object with ids and a name (about 90 bytes), and an object as its path plus the action that instantiates it
 * (about 170); the estimates round up.
 */
const ACTION_BYTES = 110;
const OBJECT_BYTES = 180;

/** Estimated request bytes of `objects` new proxies and `actions` actions. */
export function cost(objects: number, actions: number): number {
  return objects * OBJECT_BYTES + actions * ACTION_BYTES;
}

/** What this Excel supports of what a write asks for. */
export interface Features {
  calculation: boolean;
  events: boolean;
  conditional: boolean;
  validation: boolean;
  print: boolean;
  autoFilter: boolean;
  /** Worksheet.getRanges (ExcelApi 1.9): a rule over several areas in one op. */
  areas: boolean;
}

/** What one write has queued so far: the proxies later operations use. */
export interface WriteState {
  sheets: Map<string, Excel.Worksheet>;
}

/** One unit of queued work with its estimated request bytes; a sync takes as many as fit in the budget. */
export interface Op {
  bytes: number;
  queue(context: Excel.RequestContext, state: WriteState): void;
  /** A chunk of cells: where its filled cells stand and what reading them back will take. */
  extent?: Extent;
}

export interface Extent {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Response bytes of reading the chunk's rows back on ExcelApi 1.9, and its cells (more bytes before 1.9). */
  bytes: number;
  cells: number;
}

/** An op builder: the ops of one part of a sheet (its cells, columns, dropdowns, print setup, …), in the order queued. */
export type SheetOpBuilder = (spec: SheetSpec, features: Features) => Op[];

export function sheetOf(state: WriteState, name: string): Excel.Worksheet {
  const sheet = state.sheets.get(name);
  if (!sheet) throw new Error(`internal: no proxy for sheet ${name}`);
  return sheet;
}

/** An op on one sheet of this write, queued on its proxy. */
export function sheetOp(
  name: string,
  bytes: number,
  queue: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void,
): Op {
  return { bytes, queue: (context, state) => queue(sheetOf(state, name), context) };
}

/** Ops in order into syncs of at most `budget` estimated bytes (an op larger than that gets a sync of its own). */
export function pack(ops: Op[], budget: number): Op[][] {
  const batches: Op[][] = [];
  let batch: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (batch.length && bytes + op.bytes > budget) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(op);
    bytes += op.bytes;
  }
  if (batch.length) batches.push(batch);
  return batches;
}
