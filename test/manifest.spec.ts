import { promises as fs } from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";
import { DEV_URL, manifestForUrl } from "../scripts/manifest-url";
import { STEPS, stepFromUrl } from "../src/taskpane/launch";

// Microsoft's validation (`npm run validate`) needs its web service; this checks offline what most often breaks a
// sideload: element order, resources, https and icons.

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parse(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: "",
    };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => (stack[stack.length - 1].text += text));
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function walk(element: XmlElement, visit: (e: XmlElement) => void): void {
  visit(element);
  for (const child of element.children) walk(child, visit);
}

function all(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  walk(element, (e) => e.name === name && found.push(e));
  return found;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

const ROOT = path.join(__dirname, "..");
let source: string;
let manifest: XmlElement;
/** Resource id → its element (bt:Image, bt:Url or bt:String). */
let resources: Map<string, XmlElement>;
beforeAll(async () => {
  source = await fs.readFile(path.join(ROOT, "manifest.xml"), "utf8");
  manifest = parse(source);
  resources = new Map();
  walk(manifest, (e) => {
    if (/^bt:(Image|Url|String)$/.test(e.name) && e.attributes.id) resources.set(e.attributes.id, e);
  });
});

test("is a task pane add-in for Excel with ExcelApi 1.7 as its minimum", () => {
  expect(manifest.name).toBe("OfficeApp");
  expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
  const hosts: string[] = [];
  walk(manifest, (e) => e.name === "Host" && e.attributes.Name && hosts.push(e.attributes.Name));
  expect(hosts).toEqual(["Workbook"]);
  const sets: Record<string, string>[] = [];
  walk(manifest, (e) => e.name === "Set" && sets.push(e.attributes));
  expect(sets).toEqual([{ Name: "ExcelApi", MinVersion: "1.7" }]);
});

test("top-level elements stand in the schema's order", () => {
  // OfficeApp's sequence in the TaskPaneApp schema (optional elements may be left out, never reordered).
  const order = [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ];
  const names = manifest.children.map((c) => c.name);
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "DefaultSettings",
    "Permissions",
  ]) {
    expect(names).toContain(required);
  }
  const positions = names.map((n) => order.indexOf(n));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test("every resid is defined once, used, and at most 32 characters", () => {
  const defined: string[] = [];
  const used = new Set<string>();
  walk(manifest, (e) => {
    if (e.attributes.resid) used.add(e.attributes.resid);
    if (/^bt:(Image|Url|String)$/.test(e.name) && e.attributes.id) defined.push(e.attributes.id);
  });
  expect(new Set(defined).size).toBe(defined.length);
  expect([...used].filter((id) => !defined.includes(id))).toEqual([]);
  expect(defined.filter((id) => !used.has(id))).toEqual([]);
  for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
});

test("the Måltavlan group on the Home tab has the four buttons, in the order of the steps", () => {
  const tabs = all(manifest, "OfficeTab");
  expect(tabs.map((t) => t.attributes.id)).toEqual(["TabHome"]);
  const groups = all(tabs[0], "Group");
  expect(groups.map((g) => g.attributes.id)).toEqual(["Maltavlan.Group"]);
  const controls = all(groups[0], "Control");
  const labels = controls.map((c) => resources.get(child(c, "Label")!.attributes.resid)!.attributes.DefaultValue);
  expect(labels).toEqual(["Öppna Måltavlan", "Validera", "Skapa uppföljning", "Sammanställ"]);
  const steps = controls.map((c) => {
    const url = resources.get(child(child(c, "Action")!, "SourceLocation")!.attributes.resid)!.attributes.DefaultValue;
    return stepFromUrl(url);
  });
  expect(steps).toEqual([...STEPS]);
  const ids = controls.map((c) => c.attributes.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test("every button has a label, a supertip, icons at 16, 32 and 80 and an action, in the schema's order", () => {
  const controls = all(manifest, "Control");
  expect(controls.length).toBe(4);
  for (const control of controls) {
    expect(control.attributes["xsi:type"]).toBe("Button");
    expect(control.children.map((c) => c.name)).toEqual(["Label", "Supertip", "Icon", "Action"]);
    const supertip = child(control, "Supertip")!;
    expect(supertip.children.map((c) => c.name)).toEqual(["Title", "Description"]);
    for (const text of [child(control, "Label")!, ...supertip.children]) {
      expect(resources.get(text.attributes.resid)?.name).toBe("bt:String");
    }
    // Labels and titles are short strings (≤ 125 characters), descriptions long ones (≤ 250).
    expect(resources.get(supertip.children[1].attributes.resid)!.attributes.DefaultValue.length).toBeLessThan(250);
    const images = child(control, "Icon")!.children;
    expect(images.map((i) => i.attributes.size)).toEqual(["16", "32", "80"]);
    for (const image of images) expect(resources.get(image.attributes.resid)?.name).toBe("bt:Image");
  }
  const strings = all(manifest, "bt:ShortStrings").flatMap((s) => s.children);
  for (const string of strings) expect(string.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
});

test("every button opens the one task pane at a step that the pane knows", () => {
  const actions = all(manifest, "Action");
  expect(actions.length).toBe(4);
  for (const action of actions) {
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId")?.text).toBe("Maltavlan.Taskpane");
    const url = new URL(resources.get(child(action, "SourceLocation")!.attributes.resid)!.attributes.DefaultValue);
    expect(url.origin + url.pathname).toBe(`${DEV_URL}/taskpane.html`);
    expect([...url.searchParams.keys()]).toEqual(["steg"]);
    expect(STEPS as readonly string[]).toContain(url.searchParams.get("steg"));
  }
});

test("every button icon is a PNG of the size it is declared at", async () => {
  for (const image of all(manifest, "Control").flatMap((c) => child(c, "Icon")!.children)) {
    const url = new URL(resources.get(image.attributes.resid)!.attributes.DefaultValue);
    const png = await fs.readFile(path.join(ROOT, url.pathname));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      Number(image.attributes.size),
      Number(image.attributes.size),
    ]);
  }
});

test("every URL is https and every icon it names exists in assets/", async () => {
  const urls: string[] = [];
  walk(manifest, (e) => {
    if (e.attributes.DefaultValue?.includes("://")) urls.push(e.attributes.DefaultValue);
    if (e.name === "AppDomain") urls.push(e.text.trim());
  });
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url).toMatch(/^https:\/\//);
  const icons = urls.filter((url) => /\.png$/.test(url)).map((url) => new URL(url).pathname.replace(/^\//, ""));
  expect(icons.length).toBeGreaterThanOrEqual(4);
  for (const icon of icons) await expect(fs.stat(path.join(ROOT, icon))).resolves.toBeDefined();
});

test("names and descriptions are Swedish with English overrides", () => {
  const withoutEnglish: string[] = [];
  walk(manifest, (e) => {
    // Elements that carry their own text; one with a resid only points at a bt:String, checked in its own right.
    const carriesText = ["DisplayName", "Description", "bt:String"].includes(e.name) && "DefaultValue" in e.attributes;
    if (carriesText && !e.children.some((c) => /Override$/.test(c.name) && c.attributes.Locale === "en-US")) {
      withoutEnglish.push(e.attributes.id ?? e.name);
    }
  });
  expect(withoutEnglish).toEqual([]);
  const defaultLocale = manifest.children.find((c) => c.name === "DefaultLocale")!;
  expect(defaultLocale.text).toBe("sv-SE");
});

describe("production manifest (ADDIN_URL)", () => {
  const urlsIn = (xml: string): string[] => {
    const urls: string[] = [];
    walk(parse(xml), (e) => {
      if (e.attributes.DefaultValue?.includes("://")) urls.push(e.attributes.DefaultValue);
      if (e.name === "AppDomain") urls.push(e.text.trim());
    });
    return urls;
  };

  test("names the production server everywhere and still parses", () => {
    const production = manifestForUrl(source, "https://maltavlan.example.se");
    expect(production).not.toMatch(/localhost/);
    const urls = urlsIn(production);
    expect(urls.length).toBe(urlsIn(source).length);
    for (const url of urls) expect(url).toMatch(/^https:\/\/maltavlan\.example\.se(\/|$)/);
    expect(production).toContain('"https://maltavlan.example.se/taskpane.html?steg=validera"');
    expect(production).toContain("<AppDomain>https://maltavlan.example.se</AppDomain>");
  });

  test("a server path is kept in URLs and left out of the app domain", () => {
    const production = manifestForUrl(source, "https://intranat.example.se/maltavlan/");
    expect(production).not.toMatch(/localhost/);
    expect(production).toContain('"https://intranat.example.se/maltavlan/assets/icon-32.png"');
    expect(production).toContain("<AppDomain>https://intranat.example.se</AppDomain>");
    for (const url of urlsIn(production)) expect(url).toMatch(/^https:\/\//);
  });

  test("without ADDIN_URL the manifest is left as it is (a development build)", () => {
    expect(manifestForUrl(source, undefined)).toBe(source);
    expect(manifestForUrl(source, "")).toBe(source);
  });

  test("refuses an ADDIN_URL that is not a plain https address", () => {
    for (const bad of [
      "http://maltavlan.example.se",
      "maltavlan.example.se",
      "https://x.example.se/?a=1",
      "https://x.example.se/#a",
    ]) {
      expect(() => manifestForUrl(source, bad)).toThrow(/ADDIN_URL/);
    }
  });
});
