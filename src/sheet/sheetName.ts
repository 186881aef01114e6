/**
 * Excel's sheet-name rules (domain.md): at most 31 characters, none of : \ / ? * [ ], no leading or trailing
 * apostrophe. Both hosts check them before writing, and the core builds names that keep them.
 */

export const MAX_SHEET_NAME = 31;

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.trim() === name
  );
}
