/**
 * The task pane's Content-Security-Policy (decided in scripts/csp.js, which says why) as the pages are built and as
 * scripts/serve.js sends it. The promise it rests on, that Måltavlan's own code never evaluates a string, is
 * test/hostile-source.spec.ts's; the e2e walk (test/e2e) checks in Chromium that nothing violates the policy.
 */
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { OFFICE_JS_CDN, PRODUCTION_CSP, contentSecurityPolicy } from "../scripts/csp";
import { serve } from "../scripts/serve";

const ROOT = path.join(__dirname, "..");

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The policy of an HTML page: its Content-Security-Policy meta tag's content. */
function metaPolicy(html: string): string | null {
  // Quoted values may hold ">" (the template's <%= … %>).
  const tag = html
    .match(/<meta\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi)
    ?.find((t) => /http-equiv=["']?Content-Security-Policy/i.test(t));
  if (!tag) return null;
  return (
    /content=(?:"([^"]*)"|'([^']*)')/i
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined) ?? null
  );
}

/** What every build of the pane must hold, whichever office.js it loads. */
function expectSafe(policy: string): void {
  const d = directives(policy);
  expect(d.get("default-src")).toEqual(["'self'"]);
  expect(d.get("script-src")?.[0]).toBe("'self'");
  expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(d.get("worker-src")).toEqual(["'self'"]);
  expect(d.get("connect-src")?.[0]).toBe("'self'");
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'self'"]);
  for (const [name, sources] of d) {
    expect([name, sources.filter((s) => s === "'unsafe-eval'" || s === "'wasm-unsafe-eval'" || s === "*")]).toEqual([
      name,
      [],
    ]);
    if (name !== "style-src") expect([name, sources.includes("'unsafe-inline'")]).toEqual([name, false]);
  }
}

describe("the Content-Security-Policy", () => {
  test("production: scripts from the pane and office.js's CDN hosts, telemetry the only other connection", () => {
    expectSafe(PRODUCTION_CSP);
    const d = directives(PRODUCTION_CSP);
    expect(d.get("script-src")).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
      "https://ajax.aspnetcdn.com",
    ]);
    expect(d.get("connect-src")).toEqual(["'self'", "https://browser.pipe.aria.microsoft.com"]);
    expect(new URL(OFFICE_JS_CDN).origin).toBe("https://appsforoffice.microsoft.com");
  });

  test("with the local office.js (tests, preview): this origin only", () => {
    const policy = contentSecurityPolicy("office-js/office.js");
    expectSafe(policy);
    expect(directives(policy).get("script-src")).toEqual(["'self'"]);
    expect(directives(policy).get("connect-src")).toEqual(["'self'"]);
  });

  test("taskpane.html and preview.html carry the policy in a meta tag before any script", () => {
    for (const file of ["src/taskpane/taskpane.html", "src/preview/preview.html"]) {
      const html = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect([file, metaPolicy(html)]).toEqual([file, "<%= htmlWebpackPlugin.options.csp %>"]);
      const meta = html.search(/http-equiv="Content-Security-Policy"/);
      const script = html.search(/<script/);
      if (script >= 0) expect(meta).toBeLessThan(script);
    }
  });

  const built = path.join(ROOT, "dist", "taskpane.html");
  // dist/ is there after `npm run build` (CI builds before testing); without it only the template is checked.
  (fs.existsSync(built) ? test : test.skip)(
    "the built taskpane.html holds the policy for the office.js it loads",
    () => {
      const html = fs.readFileSync(built, "utf8");
      const policy = metaPolicy(html);
      expect(policy).not.toBeNull();
      const officeJs = /<script[^>]*src=["']?([^"' >]*office\.js)/i.exec(html)?.[1];
      expect(officeJs).toBeDefined();
      expect(policy).toBe(contentSecurityPolicy(officeJs as string));
      expectSafe(policy as string);
    },
  );

  test("scripts/serve.js sends the production policy with HTML, and none with scripts (the worker's own)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-serve-"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>t</title>");
    fs.writeFileSync(path.join(dir, "worker.js"), "self.onmessage = () => {};");
    const served = await serve({ dir, port: 0 });
    const headers = (url: string) =>
      new Promise<{ status: number; csp: string | undefined }>((resolve, reject) =>
        http
          .get(url, (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0, csp: response.headers["content-security-policy"] as string });
          })
          .on("error", reject),
      );
    const origin = `http://127.0.0.1:${served.port}`;
    try {
      expect(await headers(`${origin}/`)).toEqual({ status: 200, csp: PRODUCTION_CSP });
      expect(await headers(`${origin}/worker.js`)).toEqual({ status: 200, csp: undefined });
      expect((await headers(`${origin}/../package.json`)).status).not.toBe(200);
      expect((await headers(`${origin}/%2e%2e/package.json`)).status).not.toBe(200);
    } finally {
      await served.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
