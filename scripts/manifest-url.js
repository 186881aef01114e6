"use strict";
// manifest.xml names the development server, https://localhost:3000. A production build (ADDIN_URL set) gets a
// copy where every such URL names the server that hosts dist/ instead; webpack.config.js applies this on copy.

const DEV_URL = "https://localhost:3000";

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The manifest with every https://localhost:3000 replaced by `addinUrl` (where dist/ is served, e.g.
 * https://maltavlan.example.se or https://example.se/maltavlan). AppDomain takes only the URL's origin. Without
 * `addinUrl` the manifest is returned unchanged (a development build).
 */
function manifestForUrl(xml, addinUrl) {
  if (!addinUrl) return xml;
  let url;
  try {
    url = new URL(addinUrl);
  } catch {
    throw new Error(`ADDIN_URL ”${addinUrl}” är ingen URL (till exempel https://maltavlan.example.se).`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL ”${addinUrl}” måste börja med https://.`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_URL ”${addinUrl}” ska vara bara adressen till dist/, utan ?, # eller inloggning.`);
  }
  const base = escapeXml(url.href.replace(/\/+$/, ""));
  return xml
    .split(`<AppDomain>${DEV_URL}</AppDomain>`)
    .join(`<AppDomain>${escapeXml(url.origin)}</AppDomain>`)
    .split(DEV_URL)
    .join(base);
}

module.exports = { DEV_URL, manifestForUrl };
