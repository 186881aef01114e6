/**
 * Koppla: how each sheet was read (correctable per sheet, saved in the workbook), a preview of the plan as the core
 * reads it, and in a workbook without a plan the button that adds the template's sheets.
 */
import { Button, Dropdown, Option, Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { SheetMapping } from "../../domain/mapping";
import type { Plan } from "../../domain/model";
import type { PaneStrings, SheetKind } from "../../i18n/pane";
import { Busy, Clip, ErrorBar, Note, TableHead, useStepStyles } from "../ui";
import { useTask } from "../useTask";
import { SheetColumns } from "./SheetColumns";
import type { PaneValidation, PaneWorkbook, SheetCorrection } from "../workbook";

const KINDS: SheetKind[] = ["committee", "goal", "assignment", "adjustment", "keyFigure", "pasted", "ignore"];

/** How many rows of each part of the plan the preview shows (the plan may have 20 000). */
export const PREVIEW_ROWS = 5;

interface KopplaProps {
  strings: PaneStrings;
  workbook: PaneWorkbook;
  validation: PaneValidation | null;
  reading: boolean;
  readError: string | null;
  /** Reads the workbook again (after saving or adding sheets). */
  reload: () => Promise<unknown>;
}

function readAs(entry: PaneValidation["sheets"][number]): SheetKind | "settings" {
  if (entry.layout === "settings") return "settings";
  if (entry.layout === "pasted") return "pasted";
  if (entry.layout === "table" && entry.kind && (KINDS as string[]).includes(entry.kind))
    return entry.kind as SheetKind;
  return "ignore";
}

export function Koppla({ strings: t, workbook, validation, reading, readError, reload }: KopplaProps) {
  const styles = useStepStyles();
  const [changes, setChanges] = useState<Record<string, SheetKind>>({});
  const [corrections, setCorrections] = useState<Record<string, SheetCorrection>>({});
  const [save, startSave] = useTask(async () => {
    if (!validation) return;
    const sheets: Record<string, SheetMapping> = { ...validation.settings.mapping.sheets };
    for (const [sheet, kind] of Object.entries(changes)) sheets[sheet] = { kind };
    // A corrected header row or column keeps the sheet's kind (as chosen, saved or detected).
    for (const [sheet, { headerRow, columns }] of Object.entries(corrections)) {
      const entry = validation.sheets.find((s) => s.sheet === sheet);
      const kind = sheets[sheet]?.kind ?? entry?.kind;
      // Only tables have a header row and columns (a sheet re-kinded as ignored or pasted keeps that).
      if (!kind || kind === "ignore" || kind === "pasted") continue;
      sheets[sheet] = {
        ...sheets[sheet],
        kind,
        ...(headerRow !== undefined ? { headerRow } : {}),
        ...(columns ? { columns: { ...sheets[sheet]?.columns, ...columns } } : {}),
      };
    }
    await workbook.saveSettings({ ...validation.settings, mapping: { ...validation.settings.mapping, sheets } });
    setChanges({});
    setCorrections({});
    await reload();
  }, t);
  const [template, startTemplate] = useTask(async () => {
    await workbook.createTemplate();
    await reload();
  }, t);

  const own = useMemo(() => new Set(validation?.ownSheets ?? []), [validation]);
  const rows = (validation?.sheets ?? []).filter((entry) => !own.has(entry.sheet));
  const hasPlanSheets = rows.some((entry) => entry.layout === "table" || entry.layout === "pasted");
  const busy = save.status === "running" || template.status === "running";

  return (
    <div className={styles.step}>
      <Text>{t.kopplaIntro}</Text>
      {reading ? <Busy label={t.reading} /> : null}
      {readError ? <ErrorBar message={readError} /> : null}
      {validation && !hasPlanSheets ? (
        <>
          <Note intent="info">{t.noPlanSheets}</Note>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy || reading} onClick={() => void startTemplate()}>
              {t.createTemplate}
            </Button>
            {template.status === "running" ? <Busy label={t.creatingTemplate} /> : null}
          </div>
        </>
      ) : null}
      {template.status === "done" ? <Note intent="success">{t.templateCreated}</Note> : null}
      {template.status === "error" ? <ErrorBar message={template.message} /> : null}

      {validation && rows.length > 0 ? (
        <div className={styles.scroll}>
          <Table size="extra-small" className={styles.table} aria-label={t.sheetsCaption}>
            <caption className={styles.caption}>{t.sheetsCaption}</caption>
            <TableHead labels={[t.colSheet, t.colReadAs, t.colHeaderRow]} />
            <TableBody>
              {rows.map((entry) => {
                const detected = readAs(entry);
                const current = changes[entry.sheet] ?? detected;
                return (
                  <TableRow key={entry.sheet}>
                    <TableCell>{entry.sheet}</TableCell>
                    <TableCell>
                      {detected === "settings" ? (
                        t.settingsSheet
                      ) : (
                        <Dropdown
                          size="small"
                          className={styles.dropdown}
                          aria-label={t.readAsLabel(entry.sheet)}
                          value={t.kinds[current as SheetKind]}
                          selectedOptions={[current]}
                          disabled={busy}
                          onOptionSelect={(_, data) => {
                            const kind = data.optionValue as SheetKind | undefined;
                            if (!kind) return;
                            setChanges((before) => {
                              const next = { ...before };
                              if (kind === detected) delete next[entry.sheet];
                              else next[entry.sheet] = kind;
                              return next;
                            });
                          }}
                        >
                          {KINDS.map((kind) => (
                            <Option key={kind} value={kind}>
                              {t.kinds[kind]}
                            </Option>
                          ))}
                        </Dropdown>
                      )}
                      {entry.certainty && current === detected ? (
                        <span className={styles.small}>
                          {[
                            t.certainty[entry.certainty],
                            ...(entry.recognisedColumns ? [t.recognisedColumns(entry.recognisedColumns)] : []),
                          ].join(" · ")}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell>{entry.headerRow ?? "–"}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : null}

      {validation ? (
        <SheetColumns
          strings={t}
          sheets={rows}
          corrections={corrections}
          disabled={busy}
          onChange={(sheet, correction) => setCorrections((before) => ({ ...before, [sheet]: correction }))}
        />
      ) : null}

      {validation && rows.length > 0 ? (
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || reading} onClick={() => void startSave()}>
            {t.saveMapping}
          </Button>
          {save.status === "running" ? <Busy label={t.savingMapping} /> : null}
        </div>
      ) : null}
      {save.status === "done" ? <Note intent="success">{t.mappingSaved}</Note> : null}
      {save.status === "error" ? <ErrorBar message={save.message} /> : null}

      {validation && hasPlanSheets ? <PlanPreview strings={t} plan={validation.plan} /> : null}
    </div>
  );
}

function PreviewTable({
  caption,
  shownOf,
  columns,
  rows,
  empty,
}: {
  caption: string;
  shownOf: string;
  columns: string[];
  rows: { key: string; cells: string[] }[];
  empty: string;
}) {
  const styles = useStepStyles();
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" className={styles.table} aria-label={caption}>
        <caption className={styles.caption}>
          {caption} <span className={styles.muted}>{rows.length > 0 ? shownOf : empty}</span>
        </caption>
        {rows.length > 0 ? (
          <>
            <TableHead labels={columns} />
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  {row.cells.map((cell, i) => (
                    <TableCell key={i}>
                      <Clip text={cell} max={40} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </>
        ) : null}
      </Table>
    </div>
  );
}

/** The first rows of each part of the plan, as the core read them: names resolved, amounts in tkr. */
export function PlanPreview({ strings: t, plan }: { strings: PaneStrings; plan: Plan }) {
  const styles = useStepStyles();
  const first = <T,>(items: T[]) => items.slice(0, PREVIEW_ROWS);
  const goalName = new Map(plan.goals.map((g) => [g.id, g.name]));
  const levelLabel = new Map(plan.levels.map((l) => [l.id, t.levelName(l)]));
  const shown = (total: number) => t.previewShown(Math.min(PREVIEW_ROWS, total), total);
  return (
    <section aria-labelledby="plan-preview" className={styles.step}>
      <h2 id="plan-preview" className={styles.heading}>
        {t.previewHeading}
      </h2>
      <PreviewTable
        caption={t.previewSections.committees}
        shownOf={shown(plan.committees.length)}
        empty={t.previewEmpty}
        columns={[t.colCode, t.colName]}
        rows={first(plan.committees).map((c) => ({ key: c.code, cells: [c.code, c.name ?? "–"] }))}
      />
      <PreviewTable
        caption={t.previewSections.goals}
        shownOf={shown(plan.goals.length)}
        empty={t.previewEmpty}
        columns={[t.colLevel, t.colName, t.colParent]}
        rows={first(plan.goals).map((g) => ({
          key: g.id,
          cells: [
            levelLabel.get(g.level) ?? g.level,
            g.name,
            g.parentIds.map((id) => goalName.get(id) ?? id).join(", ") || "–",
          ],
        }))}
      />
      <PreviewTable
        caption={t.previewSections.assignments}
        shownOf={shown(plan.assignments.length)}
        empty={t.previewEmpty}
        columns={[t.colTitle, t.colCommittees, t.colYear]}
        rows={first(plan.assignments).map((a) => ({
          key: a.id,
          cells: [a.title, a.committees.join(", ") || "–", a.year === null ? "–" : String(a.year)],
        }))}
      />
      <PreviewTable
        caption={t.previewSections.adjustments}
        shownOf={shown(plan.adjustments.length)}
        empty={t.previewEmpty}
        columns={[t.colCommittee, t.colYear, t.colAmount, t.colDuration]}
        rows={first(plan.adjustments).map((a) => ({
          key: a.id,
          cells: [
            a.committee,
            a.year === null ? "–" : String(a.year),
            t.amount(a.amountOre),
            t.durations[a.duration ?? "none"],
          ],
        }))}
      />
    </section>
  );
}
