"use strict";
/**
 * The task pane's Content-Security-Policy, decided once for every place that sends it: the <meta> tag in
 * src/taskpane/taskpane.html and src/preview/preview.html (webpack.config.js fills it in), and the header of
 * scripts/serve.js. test/csp.spec.ts checks the built policy; the e2e walk (test/e2e) checks that nothing violates it.
 *
 * Why each directive is what it is:
 * - script-src 'self', plus office.js's origin only when the build loads it from elsewhere (production: Microsoft's
 *   CDN; OFFICE_JS_URL in webpack.config.js). When MicrosoftAjax.js is not in the page yet, office.js loads it from
 *   ajax.aspnetcdn.com (its own code does: loadScriptParallel in office.js), so such a build names that host too.
 *   Microsoft publishes no canonical list (OfficeDev/office-js#1005, office-js-docs-pr#721, both open); these are
 *   the hosts office.js's own code loads scripts from. The local copy (tests, preview) is covered by 'self'. No 'unsafe-inline' and no 'unsafe-eval': nothing in
 *   Måltavlan's own code evaluates strings (test/hostile-source.spec.ts checks src/).
 * - style-src 'self' 'unsafe-inline': Fluent UI v9's styling engine (Griffel) inserts <style> rules at run time, and
 *   React sets style attributes. Neither carries script, so this does not open a way to run code.
 * - worker-src 'self': the pane runs the core and the file library (ExcelJS) in a Web Worker loaded from its own
 *   origin. ExcelJS's browser build calls `new Function`; a dedicated worker loaded from a URL gets its policy from
 *   the worker script's own response headers, not from the page's <meta> tag, so the worker may do that while the
 *   document may not. scripts/serve.js therefore sends this header with HTML documents only. The same holds for the
 *   chapter in Word (src/taskpane/chapter.worker.ts): resvg's WebAssembly, fetched from the pane's own origin, is
 *   compiled in that worker, so the document needs no 'wasm-unsafe-eval'.
 * - connect-src 'self': the pane fetches nothing from elsewhere. With the CDN build office.js also sends its
 *   telemetry (aria-web-telemetry.js) to browser.pipe.aria.microsoft.com; that is allowed there and nowhere else.
 * - img-src 'self' data:, font-src 'self': icons are inline SVG or data: URLs; fonts are the system's (Segoe UI).
 * - object-src 'none', base-uri 'self', form-action 'none': nothing in the pane needs plugins, a <base> or a form
 *   post; closing them costs nothing.
 * frame-ancestors cannot be set in a <meta> tag, and Office on the web frames the pane from Microsoft's origins, so
 * it is left to whoever hosts dist/.
 */

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Hosts office.js itself loads scripts from and sends telemetry to, when it comes from Microsoft's CDN. */
const OFFICE_SCRIPT_ORIGINS = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];
const OFFICE_CONNECT_ORIGINS = ["https://browser.pipe.aria.microsoft.com"];

/**
 * The policy as a list of [directive, ...sources], for a build that loads office.js from `officeJsUrl` (a relative
 * URL: the local copy, so 'self' covers it; an https URL: Microsoft's CDN).
 */
function cspDirectives(officeJsUrl) {
  const fromCdn = /^https?:\/\//i.test(officeJsUrl);
  // An OFFICE_JS_URL elsewhere than Microsoft's CDN (a copy the kommun hosts itself) is allowed by its origin.
  const scriptOrigins = fromCdn ? [...new Set([new URL(officeJsUrl).origin, ...OFFICE_SCRIPT_ORIGINS])] : [];
  return [
    ["default-src", "'self'"],
    ["script-src", "'self'", ...scriptOrigins],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["worker-src", "'self'"],
    ["connect-src", "'self'", ...(fromCdn ? OFFICE_CONNECT_ORIGINS : [])],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'none'"],
  ];
}

/** The policy as the value of a Content-Security-Policy header or meta tag. */
function contentSecurityPolicy(officeJsUrl) {
  return cspDirectives(officeJsUrl)
    .map((directive) => directive.join(" "))
    .join("; ");
}

/** The production policy: office.js from Microsoft's CDN. scripts/serve.js sends this one. */
const PRODUCTION_CSP = contentSecurityPolicy(OFFICE_JS_CDN);

module.exports = { OFFICE_JS_CDN, cspDirectives, contentSecurityPolicy, PRODUCTION_CSP };
