/**
 * The workbook's sheets as ops, around the sheets' own: first the sheets this write replaces renamed out of the way
 * and the new ones added, last their protection and visibility and the replaced sheets removed. If a writing sync
 * fails, `rollback` undoes what the ops did.
 */
import type { SheetVisibility } from "../../../sheet/grid";
import type { ExcelStep } from "../../../sheet/hostProblems";
import type { SheetSpec } from "../../../sheet/spec";
import { type Features, type Op, cost, sheetOf } from "./op";

/** A sheet already in the workbook, e.g. `readWorkbookWithStats(…).sheets` in the same Excel.run. */
export interface ExistingSheet {
  name: string;
  visibility?: SheetVisibility;
  /** Worksheet.id: with it, a rollback tells this sheet for certain from one the failed write added. */
  id?: string;
}

/** A sheet being replaced, under the temporary name it has until the write is complete. */
export interface Backup {
  original: string;
  backup: string;
  visibility: SheetVisibility | undefined;
}

const OFFICE_VISIBILITY: Record<SheetVisibility, Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** Sheet names compare as Excel compares them, without regard to case. */
export function lower(name: string): string {
  return name.toLocaleLowerCase("sv");
}

/** A temporary name for a sheet being replaced, unique in the workbook. */
export function backupName(index: number, taken: Set<string>): string {
  for (;;) {
    const name = `~mt-ersatts-${index}-${Math.random().toString(36).slice(2, 8)}`;
    if (!taken.has(lower(name))) {
      taken.add(lower(name));
      return name;
    }
  }
}

/** Events off, replaced sheets renamed out of the way, new sheets added: always in the first sync. */
export function preludeOps(specs: SheetSpec[], backups: Backup[], features: Features): Op[] {
  return [
    {
      // enableEvents; per backup getItem and its name; per new sheet add()
      bytes: cost(1 + 2 * backups.length + specs.length, 1 + backups.length),
      queue(context, state) {
        if (features.events) context.runtime.enableEvents = false;
        for (const { original, backup } of backups) context.workbook.worksheets.getItem(original).name = backup;
        for (const spec of specs) state.sheets.set(spec.name, context.workbook.worksheets.add(spec.name));
      },
    },
  ];
}

/**
 * Protection and visibility of the new sheets, then the removal of the sheets they replace, then events back on.
 * The removal comes last in the last sync: a sync stops at its first failing action, so the old sheets go only once
 * every new one is complete, and if anything fails the rollback gives them back.
 */
export function finalOps(specs: SheetSpec[], backups: Backup[], features: Features): Op[] {
  return [
    {
      // per new sheet its protection and visibility; per backup getItem, hiding and delete(); enableEvents
      bytes: cost(specs.length + 2 * backups.length, 1 + 2 * specs.length + 2 * backups.length),
      queue(context, state) {
        for (const spec of specs) {
          const sheet = sheetOf(state, spec.name);
          if (spec.protect) sheet.protection.protect({}, spec.protect.password);
          if (spec.visibility && spec.visibility !== "visible") sheet.visibility = OFFICE_VISIBILITY[spec.visibility];
        }
        for (const { backup, visibility } of backups) {
          const old = context.workbook.worksheets.getItem(backup);
          // Excel refuses to delete a very hidden sheet (OfficeDev/office-js#365).
          if (visibility === undefined || visibility === "veryHidden") old.visibility = "Hidden";
          old.delete();
        }
        if (features.events) context.runtime.enableEvents = true;
      },
    },
  ];
}

/**
 * Removes what a failed write added and restores the sheets it was replacing. A batch stops at its first failing
 * action with the earlier ones applied, so what exists is read first. A sheet with a new sheet's name is this
 * write's own unless its id was in the workbook before (when the ids are known), or, by name alone, unless it is a
 * replaced sheet that was never renamed (its temporary name is then absent).
 */
export async function rollback(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  backups: Backup[],
  existing: ExistingSheet[],
  features: Features,
  sync: (step: ExcelStep) => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("checkWritten");
  const present = new Map(worksheets.items.map((sheet) => [lower(sheet.name), sheet]));
  const before = existing.every((s) => s.id !== undefined) ? new Set(existing.map((s) => s.id)) : null;
  const renamed = new Set(backups.filter((b) => present.has(lower(b.backup))).map((b) => lower(b.original)));
  const replacedOriginals = new Set(backups.map((b) => lower(b.original)));
  for (const spec of specs) {
    const sheet = present.get(lower(spec.name));
    if (!sheet) continue;
    if (before ? before.has(sheet.id) : replacedOriginals.has(lower(spec.name)) && !renamed.has(lower(spec.name))) {
      continue;
    }
    if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden";
    sheet.delete();
  }
  for (const { original, backup, visibility } of backups) {
    const sheet = present.get(lower(backup));
    if (!sheet) continue;
    sheet.name = original;
    if (visibility) sheet.visibility = OFFICE_VISIBILITY[visibility];
  }
  if (features.events) context.runtime.enableEvents = true;
  await sync("removeNewSheets");
}
