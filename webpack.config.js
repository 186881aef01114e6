const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const { manifestForUrl } = require("./scripts/manifest-url");
const { OFFICE_JS_CDN, contentSecurityPolicy } = require("./scripts/csp");
const { previewPlanAssets } = require("./scripts/preview-plans");

// office.js is a build setting: Microsoft's CDN in production, the local package for tests and preview
// (the CDN is not reachable offline). OFFICE_JS_URL overrides both. OFFICE_JS_CDN lives in scripts/csp.js, whose
// Content-Security-Policy names its origin.
const OFFICE_JS_LOCAL = "office-js/office.js";

// Excel loads the pane only from a server whose certificate the machine trusts. office-addin-dev-certs (an optional
// dependency) makes a localhost certificate and installs it, asking once, on Windows and Mac; elsewhere a certificate
// it installed earlier is used. Without it the dev server makes its own, which Excel does not trust.
async function devServerHttps() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    return "https";
  }
  if (process.platform === "win32" || process.platform === "darwin") {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  }
  const {
    caCertificatePath,
    localhostCertificatePath,
    localhostKeyPath,
  } = require("office-addin-dev-certs/lib/defaults");
  const files = [caCertificatePath, localhostCertificatePath, localhostKeyPath];
  if (!files.every((file) => fs.existsSync(file))) return "https";
  const [ca, cert, key] = files.map((file) => fs.readFileSync(file));
  return { type: "https", options: { ca, key, cert } };
}

/** Adds the given files ({ name: text }) to the build's output. */
class EmitFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("EmitFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EmitFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, text] of Object.entries(this.files))
            compilation.emitAsset(name, new sources.RawSource(text));
        },
      );
    });
  }
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
  },
};

/**
 * Fluent UI's styles (Griffel) as one stylesheet made at build time instead of rules computed and inserted by
 * JavaScript while the pane starts: Fluent's packages ship their styles precompiled, @griffel/webpack-loader
 * precompiles the pane's own makeStyles, and the extraction plugin moves all of them into a CSS file that the page
 * links. Loaders run last to first: TypeScript, then the pane's styles, then the extraction.
 */
const styleRules = [
  {
    test: /\.(js|mjs|ts|tsx)$/,
    include: [path.resolve(__dirname, "src"), /node_modules[\\/]@fluentui[\\/]/],
    use: GriffelCSSExtractionPlugin.loader,
  },
  { test: /\.tsx?$/, exclude: /node_modules/, use: "@griffel/webpack-loader" },
  { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
];

/**
 * The pane's entries: `boot` (coreWorkerStart.ts: it only starts the core's worker) is a small script of its own that
 * runs before the pane's big entry, so the browser starts the worker while that entry is still loaded and evaluated;
 * `taskpane` depends on it and shares its modules. (The steps' chunks load from `taskpane`, whose React and Fluent
 * they share: loaded from `boot`, they would bring their own copies.)
 */
const PANE_ENTRIES = {
  boot: "./src/taskpane/coreWorkerStart.ts",
  taskpane: { import: "./src/taskpane/index.tsx", dependOn: "boot" },
};

/**
 * Modules shared between lazily loaded chunks are split off as usual (webpack's default), but not out of a worker's own script: a worker
 * loads what its script lacks with importScripts, one more request in a row before it can answer.
 */
const WORKER_CHUNKS = ["maltavlan-core", "maltavlan-files", "maltavlan-chapter"];
const notWorkerScript = (chunk) => !chunk.canBeInitial() && !WORKER_CHUNKS.includes(chunk.name);

/** What the pane's build and the preview's build share: TypeScript, styles, hashed bundles, a clean output folder. */
function common(production, entry, outputDir) {
  return {
    entry,
    optimization: { splitChunks: { chunks: notWorkerScript } },
    output: { path: path.resolve(__dirname, outputDir), filename: "[name].[contenthash].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [...styleRules, tsRule] },
    devtool: production ? false : "source-map",
    performance: { hints: false },
  };
}

/** Griffel sorts its own rules in the stylesheet, so the order warnings of the CSS extraction do not apply. */
const stylePlugins = () => [
  new MiniCssExtractPlugin({ filename: "[name].[contenthash].css", ignoreOrder: true }),
  new GriffelCSSExtractionPlugin(),
];

/**
 * The preview (`--env preview` or PREVIEW=1; `npm run build:preview`, `npm run preview`): the real task pane in a
 * plain browser, without Excel and without office.js. src/preview/preview.ts runs first and puts the Excel stand-in
 * of the host's tests (src/hosts/standin/) behind a fake `Office` and `Excel.run`, holding the Östersund example
 * (or, with ?plan=large, the benchmark's 20 000-uppdrag plan); then src/taskpane/index.tsx starts the pane as in
 * Excel. Output: dist-preview/, served by scripts/serve.js.
 */
async function previewConfig(production) {
  return {
    // The preview's entry and the pane's, sharing one runtime, the preview's run first: the pane's entries hold all
    // they need, as in its own build, and none of the stand-in, so bench/pane.js can count what the pane loads before it can be used.
    ...common(production, { preview: "./src/preview/preview.ts", ...PANE_ENTRIES }, "dist-preview"),
    optimization: { runtimeChunk: "single", splitChunks: { chunks: notWorkerScript } },
    plugins: [
      ...stylePlugins(),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/preview.html",
        chunks: ["runtime", "preview", "boot", "taskpane"],
        chunksSortMode: "manual",
        // The same policy as the pane built with the local office.js (the preview loads no office.js at all).
        csp: contentSecurityPolicy(OFFICE_JS_LOCAL),
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }] }),
      new EmitFilesPlugin(await previewPlanAssets()),
    ],
  };
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  if (env.preview || process.env.PREVIEW === "1") return previewConfig(production);
  const officeJsUrl = process.env.OFFICE_JS_URL || (production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL);
  // ADDIN_URL: where dist/ will be served. dist/manifest.xml names it instead of https://localhost:3000.
  const addinUrl = process.env.ADDIN_URL || undefined;
  manifestForUrl("", addinUrl); // a malformed ADDIN_URL stops the build before anything is built
  return {
    ...common(production, PANE_ENTRIES, "dist"),
    plugins: [
      ...stylePlugins(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["boot", "taskpane"],
        chunksSortMode: "manual",
        officeJsUrl,
        // scripts/csp.js says why each directive is what it is; test/csp.spec.ts checks the built page.
        csp: contentSecurityPolicy(officeJsUrl),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: { transformer: (content) => manifestForUrl(content.toString("utf8"), addinUrl), cache: false },
          },
          ...(officeJsUrl === OFFICE_JS_LOCAL
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist/{office.js,o15apptofilemappingtable.js}",
                  to: "office-js/[name][ext]",
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: env.WEBPACK_SERVE ? await devServerHttps() : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};
