/* eslint-disable no-undef */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// office.js is a build setting: Microsoft's CDN in production, the local package for tests and preview
// (the CDN is not reachable offline). OFFICE_JS_URL overrides both.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const officeJsUrl = process.env.OFFICE_JS_URL || (production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL);
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
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};
