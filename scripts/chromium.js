"use strict";
/**
 * Headless Chromium for the end-to-end test (test/e2e) and the pane benchmarks (bench/pane.js): Debian's chromium
 * driven by playwright-core (never `npx playwright install`: that downloads a browser), with the flags of
 * the design notes (design.md) and a fresh profile each launch (playwright-core makes a temporary user-data dir and removes
 * it on close). CHROMIUM overrides the executable.
 */
const fs = require("fs");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/**
 * Headless Chromium still builds a window's browser UI, and its address bar's popup (a WebUI page of its own) loads in
 * a renderer beside each new page: about 0.9 s of CPU while the pane starts, which a task pane in Excel (a WebView
 * without an address bar) never pays. Chromium keeps only the last --disable-features, so this list repeats
 * playwright-core's own (1.65) before adding the popup's.
 */
const DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "WebUIOmniboxPopup",
  "WebUIOmniboxFullPopup",
  "WebUIOmniboxAimPopup",
];

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${DISABLED_FEATURES.join(",")}`,
];

/** Launches the browser; throws in Swedish when it is not installed. */
async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} saknas: installera Debians chromium (apt-get install chromium), eller ange CHROMIUM.`);
  }
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

module.exports = { CHROMIUM, FLAGS, launchChromium };
