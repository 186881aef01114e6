#!/usr/bin/env node
"use strict";
/**
 * A tiny static file server for the preview (`npm run preview`) and the end-to-end test: serves one directory
 * (default dist-preview/) on http://localhost:3001, read-only, to this machine only.
 *
 * Every HTML document goes out with the production Content-Security-Policy header (scripts/csp.js), the one the pane
 * is built with for Microsoft's office.js CDN; the page's own <meta> policy applies as well, so the stricter of the
 * two wins. Scripts, JSON and images get no policy header: a dedicated worker takes its policy from its own script's
 * response, and the pane's file-library worker (ExcelJS uses `new Function`) must be left without one, exactly as a
 * static host of dist/ would serve it (see scripts/csp.js).
 *
 * Usage: node scripts/serve.js [dir] [--port 3001]
 * As a module: serve({ dir, port }) → Promise<{ url, port, close() }>  (port 0: any free port)
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { PRODUCTION_CSP } = require("./csp");

const ROOT = path.join(__dirname, "..");
const DEFAULT_DIR = path.join(ROOT, "dist-preview");
const DEFAULT_PORT = 3001;
const HOST = "127.0.0.1";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  // resvg's WebAssembly for the chapter in Word: compiled as it streams in only when served as such.
  ".wasm": "application/wasm",
};

/** The file a URL path names inside `dir`, or null when it would leave `dir`. "/" is index.html. */
function fileFor(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const relative = decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  const file = path.resolve(dir, `.${path.posix.normalize(`/${relative}`)}`);
  return file === dir || file.startsWith(dir + path.sep) ? file : null;
}

function handler(dir) {
  return (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      response.end(text);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "Method Not Allowed");
    const file = fileFor(dir, request.url ?? "/");
    if (!file) return send(400, "Bad Request");
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) return send(404, "Not Found");
      const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      const headers = {
        "Content-Type": type,
        "Content-Length": stats.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      };
      if (type.startsWith("text/html")) headers["Content-Security-Policy"] = PRODUCTION_CSP;
      response.writeHead(200, headers);
      if (request.method === "HEAD") return response.end();
      fs.createReadStream(file).pipe(response);
    });
  };
}

/** Serves `dir` on 127.0.0.1:`port`; resolves once listening. */
function serve({ dir = DEFAULT_DIR, port = DEFAULT_PORT } = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, "index.html"))) {
    return Promise.reject(
      new Error(`${path.relative(ROOT, root) || root}/index.html saknas: kör npm run build:preview`),
    );
  }
  const server = http.createServer(handler(root));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      const actual = server.address().port;
      resolve({
        url: `http://localhost:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { serve, fileFor, DEFAULT_PORT };

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--port");
  const port = at >= 0 ? Number(args[at + 1]) : Number(process.env.PORT || DEFAULT_PORT);
  const dir = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--port") ?? DEFAULT_DIR;
  serve({ dir, port }).then(
    ({ url }) => process.stdout.write(`Måltavlan, förhandsvisning utan Excel: ${url}  (Ctrl+C avslutar)\n`),
    (error) => {
      process.stderr.write(`serve: ${error.message}\n`);
      process.exit(1);
    },
  );
}
