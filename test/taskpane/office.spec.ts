/** What the pane reads from Office: its display language and theme; and the lazily loaded workbook. */
import { paneLanguage } from "../../src/i18n/paneLanguage";
import { lazyWorkbook } from "../../src/taskpane/lazyWorkbook";
import { paneTheme } from "../../src/taskpane/theme";
import { fakeWorkbook } from "./fakes";

test("Swedish unless Office speaks English", () => {
  expect(paneLanguage("sv-SE")).toBe("sv");
  expect(paneLanguage("en-US")).toBe("en");
  expect(paneLanguage("en-GB")).toBe("en");
  expect(paneLanguage("EN")).toBe("en");
  expect(paneLanguage("fi-FI")).toBe("sv");
  expect(paneLanguage("eng")).toBe("sv");
  expect(paneLanguage(undefined)).toBe("sv");
  expect(paneLanguage(null)).toBe("sv");
});

test("dark when Office paints the pane dark (dark gray, black), light for white and colorful, and when missing", () => {
  expect(paneTheme({ bodyBackgroundColor: "#262626" })).toBe("dark");
  expect(paneTheme({ bodyBackgroundColor: "#000000" })).toBe("dark");
  expect(paneTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
  expect(paneTheme({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
  expect(paneTheme({ bodyBackgroundColor: "not a colour" })).toBe("light");
  expect(paneTheme({})).toBe("light");
  expect(paneTheme(undefined)).toBe("light");
});

test("the workbook's implementation loads once, on first use, and again after a failed load", async () => {
  const real = fakeWorkbook();
  let loads = 0;
  const workbook = lazyWorkbook(async () => {
    loads++;
    if (loads === 1) throw new Error("chunk failed");
    return real;
  });
  expect(loads).toBe(0);
  await expect(workbook.validate()).rejects.toThrow("chunk failed");
  await workbook.goToCell("Uppdrag", "E3");
  await workbook.validate();
  expect(loads).toBe(2);
  expect(real.goToCell).toHaveBeenCalledWith("Uppdrag", "E3");
  expect(real.validate).toHaveBeenCalledTimes(1);
});
