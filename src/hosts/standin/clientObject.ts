/**
 * The base of every proxy: its object path, what it resolved to at sync, what has been loaded into it, and load()
 * with Office.js's rules (nothing read before load and sync).
 */
import { Context } from "./context";
import { fail } from "./errors";
import { SheetModel } from "./model";

export interface Tracked {
  synced: boolean;
}

/** Base of every proxy: its object path, what it resolved to at sync, what has been loaded into it. */
export abstract class ClientObject<T> implements Tracked {
  /** undefined: its path has not been resolved by a sync yet; null: a null object. */
  target: T | null | undefined = undefined;
  synced = false;
  /** A navigation property (workbook.worksheets, range.format, …) rather than an object a method returned. */
  navigation = false;
  private readonly resolver: () => T | null;
  protected readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();

  /** `resolve` finds the object at sync, in queue order; with `bound` it is known now (no request needed). */
  constructor(
    readonly context: Context,
    readonly pathId: number,
    resolve: () => T | null,
    bound = false,
  ) {
    this.resolver = resolve;
    if (bound) {
      this.target = resolve();
      this.synced = true;
      return;
    }
    context.track(this);
    context.queue.push({ wire: null, run: () => (this.target = resolve()) });
  }

  get isNullObject(): boolean {
    if (!this.synced) notLoaded("isNullObject");
    return this.target === null;
  }

  /** The object this proxy stands for, at sync. */
  live(): T {
    // A navigation property's path is sent again with every request until it has been resolved.
    if (this.target === undefined && this.navigation) this.target = this.resolver();
    if (this.target === undefined) fail("InvalidObjectPath", "The object path is not valid (it was never synced).");
    if (this.target === null) fail("ItemNotFound", "The requested resource doesn't exist.");
    if (this.target instanceof SheetModel && this.target.deleted) {
      fail("ItemNotFound", "The requested resource doesn't exist (the sheet was deleted).");
    }
    return this.target;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Queues a property set. */
  protected assign(property: string, value: unknown, apply: (target: T) => void): void {
    this.context.action(this.pathId, property, [value], () => apply(this.live()));
  }

  protected child<C>(name: string, make: (pathId: number) => C): C {
    let object = this.children.get(name) as C | undefined;
    if (!object) {
      object = make(this.context.path(name, this.pathId, []));
      (object as unknown as ClientObject<unknown>).navigation = true;
      this.children.set(name, object);
    }
    return object;
  }

  /** Property names this object loads, with their value at sync. */
  protected abstract loadable(): Record<string, (target: T) => unknown>;

  load(names?: string | string[] | { select?: string }): this {
    const list = (
      typeof names === "string" ? names.split(",") : Array.isArray(names) ? names : (names?.select?.split(",") ?? [])
    )
      .map((name) => name.trim())
      .filter(Boolean);
    if (list.length === 0) fail("InvalidArgument", "stand-in: load() without property names is not modelled.");
    const own: string[] = [];
    const nested = new Map<ClientObject<unknown>, string[]>(); // one load per navigation property, as Office.js sends
    for (const name of list) {
      const slash = name.indexOf("/");
      if (slash > 0 && !(this instanceof CollectionProxy)) {
        const navigation = (this as unknown as Record<string, unknown>)[name.slice(0, slash)];
        if (!(navigation instanceof ClientObject)) fail("InvalidArgument", `Cannot load ${name}.`);
        nested.set(navigation, [...(nested.get(navigation) ?? []), name.slice(slash + 1)]);
      } else own.push(name);
    }
    for (const [navigation, names] of nested) navigation.load(names);
    if (own.length) this.loadOwn(own);
    return this;
  }

  protected loadOwn(names: string[]): void {
    const getters = this.loadable();
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      if (this.target === null) return; // a null object loads nothing; reading it is the caller's error
      const target = this.live();
      const data: Record<string, unknown> = {};
      for (const name of names) {
        const getter = getters[name];
        if (!getter) fail("InvalidArgument", `The property '${name}' cannot be loaded (not in the stand-in's subset).`);
        data[name] = getter(target);
      }
      this.context.respond(data, () => {
        for (const name of names) this.loaded.set(name, data[name]);
      });
    });
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

function notLoaded(property: string): never {
  fail(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
  );
}

export abstract class CollectionProxy<T> extends ClientObject<T> {}
