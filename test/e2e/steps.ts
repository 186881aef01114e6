/** Going to a step in the end-to-end tests' pane, with the mouse, as a user does. */
import type { Page } from "playwright-core";

/** Long enough for a popup to open or close; a click that needs longer is a bug the walk should see. */
export const CLICK_MS = 5_000;

/**
 * Clicks the tab named `label`; when the tab did not fit in the row, through the "more steps" menu at its end, as a
 * user at a narrow pane must. Resolves once the tab is selected.
 */
export async function openStep(page: Page, label: string): Promise<void> {
  const tab = page.getByRole("tab", { name: label, exact: true });
  if (await tab.isVisible()) {
    await tab.click({ timeout: CLICK_MS });
  } else {
    await page.getByRole("button", { name: /steg till|more step/ }).click({ timeout: CLICK_MS });
    await page.getByRole("menuitem", { name: label, exact: true }).click({ timeout: CLICK_MS });
  }
  await page.locator(`[role="tab"][aria-selected="true"]`, { hasText: label }).waitFor({ timeout: CLICK_MS });
}
