/** The pane's four steps, in the order the user takes them. Each ribbon button opens the pane at one of them. */
export const STEPS = ["koppla", "validera", "skapa", "sammanstall"] as const;

export type Step = (typeof STEPS)[number];

/**
 * The step a ribbon button asked for: the `steg` parameter of the pane's URL (`?steg=validera`), given as
 * `location.search` or as a whole URL. Anything missing or unknown opens the first step, Koppla.
 */
export function stepFromUrl(search: string): Step {
  const query = search.includes("?") ? search.slice(search.indexOf("?") + 1) : search;
  const step = new URLSearchParams(query.split("#")[0]).get("steg")?.trim().toLowerCase();
  return (STEPS as readonly string[]).includes(step ?? "") ? (step as Step) : "koppla";
}
