import { SheetSpec, SpecCell } from "../../sheet/spec";
import { formatAmount, oreToTkr } from "../amounts";
import { KIND_LABEL } from "./model";
import { Direction, Movement } from "./movement";
import { reportSheet } from "./reportSheet";
import { AMOUNT_FORMAT } from "./sheetLook";

/** The report's Förändring sheet: what moved since the previous period, what got worse first. */

export const MOVEMENT_SHEET = "Förändring";

const DIRECTION: Record<Direction, string> = { rose: "Bättre", fell: "Sämre", same: "Oförändrad", changed: "Ändrad" };

export function movementSheet(movement: Movement, what: string): SheetSpec {
  const worse = new Set<object>([...movement.worse.forecasts, ...movement.worse.rows]);
  const forecasts = movement.forecasts.map((f): [boolean, SpecCell[]] => [
    worse.has(f),
    [
      { value: f.committee },
      { value: "Drift" },
      { value: "Prognos helår (tkr)" },
      { value: oreToTkr(f.beforeOre), numberFormat: AMOUNT_FORMAT },
      { value: oreToTkr(f.nowOre), numberFormat: AMOUNT_FORMAT },
      { value: f.changeOre === 0 ? "Oförändrad" : `${f.changeOre > 0 ? "+" : ""}${formatAmount(f.changeOre)}` },
    ],
  ]);
  const rows = movement.rows.map((r): [boolean, SpecCell[]] => [
    worse.has(r),
    [
      { value: r.committee },
      { value: KIND_LABEL[r.kind] },
      { value: r.title, wrap: true },
      { value: r.before, wrap: true },
      { value: r.now, wrap: true },
      { value: DIRECTION[r.direction] },
    ],
  ]);
  // What got worse first, marked, so that the list of it is the top of the sheet (and a filter on Sämre).
  const all = [...forecasts, ...rows].sort(([a], [b]) => Number(b) - Number(a));
  return reportSheet(
    MOVEMENT_SHEET,
    `Förändring sedan ${movement.since}, ${what}`,
    ["Nämnd", "Typ", "Rubrik", movement.since, what, "Förändring", "Sämre"],
    all.length
      ? all.map(([bad, cells]) => [...cells, { value: bad ? "Ja" : null }])
      : [[{ value: `Inga svar att jämföra med ${movement.since}`, italic: true }]],
    [12, 10, 50, 16, 16, 16, 8],
    { filterRows: all.length },
  );
}
