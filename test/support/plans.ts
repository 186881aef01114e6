import ExcelJS from "exceljs";

/**
 * Small plans in the template's layout, written cell by cell with ExcelJS (strings stay strings), for tests that need
 * a plan file with particular codes, names or ids. Every table but the register may be left out.
 */

export interface PlanTables {
  committees: { code: string; name: string }[];
  goals?: { id: string; level: string; name: string; parent?: string; committee?: string }[];
  assignments?: {
    id: string | null;
    title: string;
    clarification?: string;
    goals?: string[];
    committees: string[];
    year?: number;
  }[];
  adjustments?: { id: string | null; committee: string; tkr: number; assignment?: string }[];
  keyFigures?: { id: string; name: string; goal: string }[];
}

export const PLAN_YEAR = 2024;

export async function writePlanFile(file: string, tables: PlanTables): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  };
  sheet("Nämnder", [["Förkortning", "Namn", "Typ"], ...tables.committees.map((c) => [c.code, c.name, "Nämnd"])]);
  sheet("Mål", [
    ["ID", "Nivå", "Namn", "Överordnat", "Nämnd"],
    ...(tables.goals ?? []).map((g) => [g.id, g.level, g.name, g.parent ?? null, g.committee ?? null]),
  ]);
  sheet("Uppdrag", [
    ["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"],
    ...(tables.assignments ?? []).map((a) => [
      a.id,
      a.title,
      a.clarification ?? null,
      a.goals?.join("; ") || null,
      a.committees.join("; "),
      "Fullmäktige",
      a.year ?? PLAN_YEAR,
    ]),
  ]);
  sheet("Ramjusteringar", [
    ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag"],
    ...(tables.adjustments ?? []).map((a) => [
      a.id,
      a.committee,
      PLAN_YEAR,
      a.tkr,
      a.tkr < 0 ? "Ramminskning" : "Ramökning",
      "Tillfällig",
      a.assignment ?? null,
    ]),
  ]);
  sheet("Nyckeltal", [["ID", "Nyckeltal", "Mål"], ...(tables.keyFigures ?? []).map((k) => [k.id, k.name, k.goal])]);
  sheet("Inställningar", [
    ["Budgetår", PLAN_YEAR],
    ["Planår", `${PLAN_YEAR + 1}, ${PLAN_YEAR + 2}`],
  ]);
  await workbook.xlsx.writeFile(file);
}
