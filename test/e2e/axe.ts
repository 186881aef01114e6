/** axe-core in the end-to-end tests' pages. */
import fs from "fs";
import type { Page } from "playwright-core";

export const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's serious and critical violations on the page as it is now. One known false positive is left out, as
 * Microsoft's own Accessibility Insights does (microsoft/accessibility-insights-web#7605, microsoft/tabster#288):
 * aria-hidden-focus on Fluent's focus-management sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden=true>`),
 * which are focusable on purpose, only to pass focus on, and hidden so that screen readers do not announce them.
 */
export async function seriousViolations(on: Page): Promise<string[]> {
  // Through DevTools, as an init script would: injecting a <script> would (rightly) be refused by the pane's policy.
  if (!(await on.evaluate(() => "axe" in window))) await on.evaluate(AXE_SOURCE);
  return on.evaluate(async () => {
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    const tabsterDummy = (html: string) => /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        ...v,
        nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !tabsterDummy(n.html)) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}
