const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { manifestForUrl } = require("./scripts/manifest-url");

// office.js is a build setting: Microsoft's CDN in production, the local package for tests and preview
// (the CDN is not reachable offline). OFFICE_JS_URL overrides both.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
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

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const officeJsUrl = process.env.OFFICE_JS_URL || (production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL);
  // ADDIN_URL: where dist/ will be served. dist/manifest.xml names it instead of https://localhost:3000.
  const addinUrl = process.env.ADDIN_URL || undefined;
  manifestForUrl("", addinUrl); // a malformed ADDIN_URL stops the build before anything is built
  return {
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
          },
        },
      ],
    },
    devtool: production ? false : "source-map",
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJsUrl,
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
