/**
 * ConditionalFormatCollection [1.6]: cell-value rules with a fill and a font colour; a Range's, or a RangeAreas' [1.9],
 * where a format added is one format over every area.
 */
import { areasAddress, parseAreas } from "./addresses";
import { ClientObject, CollectionProxy } from "./clientObject";
import { Context } from "./context";
import { fail } from "./errors";
import { checkColor } from "./formats";
import { Area, ConditionalFormatModel, SheetModel } from "./model";
import { AreasTarget } from "./range";
import { checkUnprotected } from "./worksheet";

export class ConditionalFormatCollectionProxy extends CollectionProxy<AreasTarget> {
  get items(): ConditionalFormatProxy[] {
    return this.read("items");
  }

  add(type: string): ConditionalFormatProxy {
    const pathId = this.context.path("Add", this.pathId, [type]);
    return new ConditionalFormatProxy(this.context, pathId, () => {
      this.context.requires(6, "ConditionalFormatCollection.add");
      const target = this.live();
      checkUnprotected(target.sheet);
      if (type !== "CellValue" && type !== "Custom") {
        fail("InvalidArgument", `stand-in: conditional format type ${type} is not modelled.`);
      }
      const format: ConditionalFormatModel = { range: areasAddress(target.areas), type };
      target.sheet.conditionalFormats.push(format);
      return format;
    });
  }

  protected loadable() {
    return {};
  }

  /** The conditional formats that intersect the range, as Office.js gives them; only `items/type` is modelled. */
  protected override loadOwn(names: string[]): void {
    if (names.some((name) => name !== "items/type")) fail("InvalidArgument", `stand-in: cannot load ${names}.`);
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      const { sheet, areas } = this.live();
      const formats = sheet.conditionalFormats.filter((format) =>
        parseAreas(format.range).some((a) => areas.some((b) => intersects(a, b))),
      );
      const data = formats.map((format) => ({ type: format.type }));
      this.context.respond({ items: data }, () => {
        this.loaded.set(
          "items",
          formats.map((format, i) => ConditionalFormatProxy.loadedFor(this.context, sheet, format, data[i])),
        );
      });
    });
  }
}

function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

class ConditionalFormatProxy extends ClientObject<ConditionalFormatModel> {
  private static readonly getters: Record<string, (format: ConditionalFormatModel) => unknown> = {
    type: (format) => format.type,
  };

  /** A proxy for an item of a loaded collection, bound and with its properties loaded. */
  static loadedFor(
    context: Context,
    sheet: SheetModel,
    format: ConditionalFormatModel,
    data: Record<string, unknown>,
  ): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(context, context.pathId(), () => format, true, sheet);
    for (const [name, value] of Object.entries(data)) proxy.loaded.set(name, value);
    return proxy;
  }

  constructor(
    context: Context,
    pathId: number,
    resolve: () => ConditionalFormatModel | null,
    bound = false,
    private readonly sheet?: SheetModel,
  ) {
    super(context, pathId, resolve, bound);
  }

  get type(): string {
    return this.read("type");
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this.child("CellValue", (id) => new CellValueConditionalFormatProxy(this.context, id, () => this.live()));
  }

  get custom(): CustomConditionalFormatProxy {
    return this.child("Custom", (id) => new CustomConditionalFormatProxy(this.context, id, () => this.live()));
  }

  delete(): void {
    this.context.action(this.pathId, "Delete", [], () => {
      const format = this.live();
      const sheet =
        this.sheet ?? this.context.standIn.workbook.sheets.find((s) => s.conditionalFormats.includes(format));
      if (!sheet) fail("ItemNotFound", "The conditional format no longer exists.");
      checkUnprotected(sheet);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(format), 1);
    });
  }

  protected loadable() {
    return ConditionalFormatProxy.getters;
  }
}

/** What each kind of conditional format has (custom, cellValue): the format it applies, and nothing to load. */
abstract class ConditionalFormatKindProxy extends ClientObject<ConditionalFormatModel> {
  get format(): ConditionalRangeFormatProxy {
    return this.child("Format", (id) => new ConditionalRangeFormatProxy(this.context, id, () => this.live()));
  }

  protected loadable() {
    return {};
  }
}

class CustomConditionalFormatProxy extends ConditionalFormatKindProxy {
  get rule(): ConditionalFormatRuleProxy {
    return this.child("Rule", (id) => new ConditionalFormatRuleProxy(this.context, id, () => this.live()));
  }
}

class ConditionalFormatRuleProxy extends ClientObject<ConditionalFormatModel> {
  private static readonly getters: Record<string, (format: ConditionalFormatModel) => unknown> = {
    formula: (format) => format.formula ?? null,
  };

  get formula(): string {
    return this.read("formula");
  }

  set formula(formula: string) {
    this.assign("Formula", formula, (format) => {
      if (format.type !== "Custom") fail("InvalidArgument", "Only a Custom conditional format has a rule formula.");
      if (typeof formula !== "string" || !formula.startsWith("=")) fail("InvalidArgument", `Formula ${formula}.`);
      format.formula = formula;
    });
  }

  protected loadable() {
    return ConditionalFormatRuleProxy.getters;
  }
}

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

class CellValueConditionalFormatProxy extends ConditionalFormatKindProxy {
  set rule(rule: { formula1: string; formula2?: string; operator: string }) {
    this.assign("Rule", rule, (format) => {
      if (!OPERATORS.includes(rule?.operator) || typeof rule.formula1 !== "string" || rule.formula1 === "") {
        fail("InvalidArgument", `Conditional format rule ${JSON.stringify(rule)}.`);
      }
      format.rule = { ...rule };
    });
  }
}

class ConditionalRangeFormatProxy extends ClientObject<ConditionalFormatModel> {
  get fill(): ConditionalColorProxy {
    return this.child(
      "Fill",
      (id) =>
        new ConditionalColorProxy(
          this.context,
          id,
          () => this.live(),
          (format, color) => (format.fill = color),
        ),
    );
  }

  get font(): ConditionalColorProxy {
    return this.child(
      "Font",
      (id) =>
        new ConditionalColorProxy(
          this.context,
          id,
          () => this.live(),
          (format, color) => (format.fontColor = color),
        ),
    );
  }

  protected loadable() {
    return {};
  }
}

class ConditionalColorProxy extends ClientObject<ConditionalFormatModel> {
  constructor(
    context: Context,
    pathId: number,
    resolve: () => ConditionalFormatModel,
    private readonly apply: (format: ConditionalFormatModel, color: string) => void,
  ) {
    super(context, pathId, resolve);
  }

  set color(color: string) {
    this.assign("Color", color, (format) => this.apply(format, checkColor(color)));
  }

  protected loadable() {
    return {};
  }
}
