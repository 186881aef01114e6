/**
 * The workbook's proxies: Workbook, Application, Runtime and the worksheet collection.
 */
import { ClientObject, CollectionProxy } from "./clientObject";
import { fail } from "./errors";
import { StandInWorkbook } from "./model";
import { WorksheetProxy } from "./worksheet";

export class WorkbookProxy extends ClientObject<StandInWorkbook> {
  get worksheets(): WorksheetCollectionProxy {
    return this.child("Worksheets", (id) => new WorksheetCollectionProxy(this.context, id, () => this.live()));
  }

  get application(): ApplicationProxy {
    return this.context.application;
  }

  protected loadable() {
    return {};
  }
}

export class ApplicationProxy extends ClientObject<StandInWorkbook> {
  suspendApiCalculationUntilNextSync(): void {
    this.context.action(this.pathId, "SuspendApiCalculationUntilNextSync", [], () => {
      this.context.requires(6, "Application.suspendApiCalculationUntilNextSync");
      this.context.suspendCalculation();
    });
  }

  protected loadable() {
    return {};
  }
}

export class RuntimeProxy extends ClientObject<StandInWorkbook> {
  get enableEvents(): boolean {
    return this.read("enableEvents");
  }

  set enableEvents(value: boolean) {
    this.assign("EnableEvents", value, (workbook) => {
      this.context.requires(8, "Runtime.enableEvents");
      if (typeof value !== "boolean") fail("InvalidArgument", "enableEvents must be a boolean.");
      workbook.enableEvents = value;
      this.context.record?.eventsSet.push(value);
    });
  }

  protected loadable() {
    return { enableEvents: (workbook: StandInWorkbook) => workbook.enableEvents };
  }
}

class WorksheetCollectionProxy extends CollectionProxy<StandInWorkbook> {
  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  add(name?: string): WorksheetProxy {
    const sheet = new WorksheetProxy(this.context, this.context.path("Add", this.pathId, [name]), () => {
      const workbook = this.live();
      return workbook.addSheet(name ?? workbook.defaultName());
    });
    return sheet;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.context.path("GetItem", this.pathId, [name]), () => {
      const sheet = this.live().find(name);
      if (!sheet) fail("ItemNotFound", `The requested resource doesn't exist (sheet ${name}).`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this.context.path("GetItemOrNullObject", this.pathId, [name]),
      () => this.live().find(name) ?? null,
    );
  }

  protected loadable() {
    return {};
  }

  protected override loadOwn(names: string[]): void {
    const properties = names.map((name) => name.replace(/^items\//, ""));
    const getters = WorksheetProxy.getters;
    for (const property of properties) {
      if (!getters[property]) fail("InvalidArgument", `The property '${property}' cannot be loaded on worksheets.`);
    }
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      const sheets = [...this.live().sheets];
      const data = sheets.map((sheet) => Object.fromEntries(properties.map((p) => [p, getters[p](sheet)])));
      this.context.respond({ items: data }, () => {
        const items = sheets.map((sheet, i) => WorksheetProxy.loadedFor(this.context, sheet, data[i]));
        this.loaded.set("items", items);
      });
    });
  }
}
