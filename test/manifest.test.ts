import { promises as fs } from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";

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

const ROOT = path.join(__dirname, "..");
let manifest: XmlElement;
beforeAll(async () => {
  manifest = parse(await fs.readFile(path.join(ROOT, "manifest.xml"), "utf8"));
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

test("every resid is defined once and is at most 32 characters", () => {
  const defined: string[] = [];
  const used = new Set<string>();
  walk(manifest, (e) => {
    if (e.attributes.resid) used.add(e.attributes.resid);
    if (/^bt:(Image|Url|String)$/.test(e.name) && e.attributes.id) defined.push(e.attributes.id);
  });
  expect(new Set(defined).size).toBe(defined.length);
  for (const id of used) expect(defined).toContain(id);
  for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
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
