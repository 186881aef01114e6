/**
 * The request context: actions and object paths queued by the proxies, applied in order at sync, with every
 * request and response measured against Excel's limits and any injected failure.
 */
import { Tracked } from "./clientObject";
import { fail, StandInError } from "./errors";
import { StandIn } from "./index";
import { ApplicationProxy, RuntimeProxy, WorkbookProxy } from "./workbook";

interface Action {
  /** What Office.js would send for it: measured, never interpreted. */
  wire: unknown;
  run(): void;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  calculationSuspended: boolean;
  /** Values assigned to Runtime.enableEvents in this sync, in order. */
  eventsSet: boolean[];
  error?: string;
}

export interface Injection {
  /** 1-based number of the sync to act on. */
  sync: number;
  /** The sync never resolves (nothing is applied). */
  hang?: boolean;
  /** Apply this many actions, then fail with `code`. */
  afterActions?: number;
  code?: string;
}

export interface StandInOptions {
  /** Highest ExcelApi 1.x minor version supported (default 17: Office 2024). */
  apiVersion?: number;
  requestLimit?: number;
  responseLimit?: number;
  /** Sheets the workbook starts with (default one visible "Blad1"). */
  sheets?: string[];
}

/** Excel on the web's cap on a request and a response; 5 MB read strictly (decimal), in UTF-8 bytes. */
export const PAYLOAD_LIMIT = 5_000_000;

/**
 * UTF-8 bytes of `text`: Node's Buffer.byteLength under Node; in a browser (the preview, which has no Buffer) counted
 * as TextEncoder would encode it, without building the bytes: a lone surrogate becomes U+FFFD, 3 bytes.
 */
function utf8Bytes(text: string): number {
  if (typeof Buffer !== "undefined") return Buffer.byteLength(text, "utf8");
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

export class Context {
  queue: Action[] = [];
  private nextPath = 1;
  private pendingLoads: (() => void)[] = [];
  private created: Tracked[] = [];
  private responseBytes = 0;
  private cellsRead = 0;
  private suspended = false;
  /** The record of the sync being applied. */
  record: SyncRecord | null = null;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly runtime: RuntimeProxy;

  constructor(readonly standIn: StandIn) {
    // The root objects always exist: bound now, whatever becomes of the first sync.
    this.workbook = new WorkbookProxy(this, this.pathId(), () => standIn.workbook, true);
    this.application = new ApplicationProxy(this, this.pathId(), () => standIn.workbook, true);
    this.runtime = new RuntimeProxy(this, this.pathId(), () => standIn.workbook, true);
  }

  /** An object path id for an object that needs no request (an item of a loaded collection). */
  pathId(): number {
    return this.nextPath++;
  }

  /** A new object path id; its creation is part of the request: the path, and the action instantiating it. */
  path(name: string, parent: number | null, args: unknown[]): number {
    const id = this.nextPath++;
    this.queue.push({
      wire: { Id: id, ObjectPathType: 1, Name: name, ParentObjectPathId: parent, ArgumentInfo: { Arguments: args } },
      run: () => undefined,
    });
    this.queue.push({
      wire: { Id: this.queue.length + 1, ActionType: 1, Name: "", ObjectPathId: id },
      run: () => undefined,
    });
    return id;
  }

  track(object: Tracked): void {
    this.created.push(object);
  }

  action(path: number, name: string, args: unknown[], run: () => void): void {
    this.queue.push({
      wire: {
        Id: this.queue.length + 1,
        ActionType: 1,
        Name: name,
        ObjectPathId: path,
        ArgumentInfo: { Arguments: args },
      },
      run,
    });
  }

  requires(minor: number, what: string): void {
    if (minor > this.standIn.apiVersion) {
      fail("ApiNotFound", `The API you are trying to use could not be found (${what}, ExcelApi 1.${minor}).`);
    }
  }

  /** Registers a load's result: counted in the response, delivered to the proxy only if the whole sync succeeds. */
  respond(data: unknown, deliver: () => void): void {
    this.responseBytes += utf8Bytes(JSON.stringify(data));
    this.pendingLoads.push(deliver);
  }

  countCellsRead(cells: number): void {
    this.cellsRead += cells;
    if (cells > 5_000_000)
      fail("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  async sync(): Promise<void> {
    const standIn = this.standIn;
    const number = ++standIn.syncCount;
    const queue = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    this.pendingLoads = [];
    this.responseBytes = 0;
    this.cellsRead = 0;
    this.suspended = false;
    const requestBytes = queue.reduce((sum, action) => sum + utf8Bytes(JSON.stringify(action.wire)) + 1, 2);
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      actions: queue.length,
      calculationSuspended: false,
      eventsSet: [],
    };
    this.record = record;
    standIn.log.push(record);
    const injection = standIn.injections.find((i) => i.sync === number);
    await Promise.resolve();
    if (injection?.hang) return new Promise<void>(() => undefined);
    try {
      if (requestBytes > standIn.requestLimit) {
        fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      }
      queue.forEach((action, i) => {
        if (injection && injection.afterActions === i) {
          fail(injection.code ?? "GeneralException", "There was an internal error while processing the request.");
        }
        action.run();
      });
      record.calculationSuspended = this.suspended;
      record.responseBytes = this.responseBytes;
      if (this.responseBytes > standIn.responseLimit) {
        fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      }
    } catch (error) {
      record.error = error instanceof StandInError ? error.code : String(error);
      this.pendingLoads = [];
      for (const object of created) object.synced = true;
      throw error;
    }
    for (const deliver of this.pendingLoads) deliver();
    this.pendingLoads = [];
    for (const object of created) object.synced = true;
  }
}
