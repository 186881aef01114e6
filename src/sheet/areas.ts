/**
 * Ranges of several areas: a rule (a dropdown, an input message, a conditional fill) that applies alike to blocks of
 * cells that do not touch, such as the runs of one kind of row between a follow-up sheet's repeated column headers,
 * is one rule over all of them, as Excel keeps it: one entry in "Manage rules", one op for the Excel host.
 */

/** Between the areas of a range, as Excel writes a union ("F5:F9,F12:F20") and Office.js's getRanges takes it. */
export const AREA_SEPARATOR = ",";

/**
 * The longest range a rule takes, in characters: Office.js documents this limit for an address (Worksheet.getRange),
 * and Excel's formulas (a rule's "Applies to") hold no more.
 */
export const MAX_RANGE_LENGTH = 8192;

/** The areas of `range`: "F5:F9,F12:F20" → ["F5:F9", "F12:F20"]; a range of one area is that area. */
export function areasOf(range: string): string[] {
  return range.split(AREA_SEPARATOR);
}

/**
 * The rules with the same `key` (what they do: the list, the prompt, the colour) made one, over the areas of all of
 * them in the order given, each range within MAX_RANGE_LENGTH (a longer one is split into as few as fit). Every cell
 * keeps exactly the rule it had.
 */
export function groupAreas<T extends { range: string }>(rules: T[], key: (rule: T) => string): T[] {
  const groups = new Map<string, { first: T; areas: string[] }>();
  for (const rule of rules) {
    const k = key(rule);
    const group = groups.get(k);
    if (group) group.areas.push(...areasOf(rule.range));
    else groups.set(k, { first: rule, areas: areasOf(rule.range) });
  }
  return [...groups.values()].flatMap(({ first, areas }) => joinAreas(areas).map((range) => ({ ...first, range })));
}

/** The areas as ranges of at most MAX_RANGE_LENGTH characters each. */
function joinAreas(areas: string[]): string[] {
  const ranges: string[] = [];
  let range = "";
  for (const area of areas) {
    if (range && range.length + AREA_SEPARATOR.length + area.length > MAX_RANGE_LENGTH) {
      ranges.push(range);
      range = "";
    }
    range = range ? `${range}${AREA_SEPARATOR}${area}` : area;
  }
  if (range) ranges.push(range);
  return ranges;
}
