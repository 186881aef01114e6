/**
 * Koppla: how each sheet was read (correctable per sheet, saved in the workbook), a view of the plan as the core
 * reads it, and in a workbook without a plan the button that adds the template's sheets.
 */
import { Button, Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import { Suspense, lazy, useMemo, useState } from "react";
import { SHEET_KINDS, type SheetCorrection, type SheetKind, correctedMapping, isSheetKind } from "../../domain/mapping";
import type { PaneStrings } from "../../i18n/pane";
import { Busy, ErrorBar, Note, ScrollRegion, TableHead, useStepStyles } from "../ui";
import { useAfterPaint } from "../afterPaint";
import { useTask } from "../useTask";
import { FitSelect } from "./FitSelect";
import { Unread } from "./Unread";
import type { PaneValidation, PaneWorkbook } from "../workbook";

// What the user reads below the sheets' dropdowns and the save button comes in chunks of its own (the tree, the
// accordion, inputs), fetched once the dropdowns and the button are painted, so the step can be used before.
const SheetColumns = lazy(() =>
  import(/* webpackChunkName: "koppla-columns" */ "./SheetColumns").then((m) => ({ default: m.SheetColumns })),
);
// Asked only of some plans, and below the step's controls: its own chunk, after them.
const PreviousRamChoice = lazy(() =>
  import(/* webpackChunkName: "koppla-previous-ram" */ "./PreviousRamChoice").then((m) => ({
    default: m.PreviousRamChoice,
  })),
);
const PlanAsRead = lazy(() =>
  import(/* webpackChunkName: "koppla-plan" */ "./PlanAsRead").then((m) => ({ default: m.PlanAsRead })),
);

interface KopplaProps {
  strings: PaneStrings;
  workbook: PaneWorkbook;
  validation: PaneValidation | null;
  reading: boolean;
  readError: string | null;
  /** Reads the workbook again (after saving or adding sheets). */
  reload: () => Promise<unknown>;
}

function readAs(entry: PaneValidation["sheets"][number]): SheetKind | "facts" {
  if (entry.layout === "facts") return "facts";
  if (entry.layout === "pasted" || entry.layout === "export") return entry.layout;
  if (entry.layout === "table" && isSheetKind(entry.kind)) return entry.kind;
  return "ignore";
}

export function Koppla({ strings: t, workbook, validation, reading, readError, reload }: KopplaProps) {
  const styles = useStepStyles();
  const [changes, setChanges] = useState<Record<string, SheetKind>>({});
  const [corrections, setCorrections] = useState<Record<string, SheetCorrection>>({});
  const [previousRamHolds, setPreviousRamHolds] = useState<boolean | undefined>(undefined);
  const [save, startSave] = useTask(async () => {
    if (!validation) return;
    const mapping = correctedMapping(
      validation.settings.mapping,
      changes,
      corrections,
      (sheet) => validation.sheets.find((entry) => entry.sheet === sheet)?.kind,
      previousRamHolds,
    );
    await workbook.saveSettings({ ...validation.settings, mapping });
    setChanges({});
    setCorrections({});
    setPreviousRamHolds(undefined);
    await reload();
  }, t);
  const [template, startTemplate] = useTask(async () => {
    await workbook.createTemplate();
    await reload();
  }, t);

  const own = useMemo(() => new Set(validation?.ownSheets ?? []), [validation]);
  const rows = (validation?.sheets ?? []).filter((entry) => !own.has(entry.sheet));
  const hasPlanSheets = rows.some((entry) => ["table", "pasted", "export"].includes(entry.layout));
  const busy = save.status === "running" || template.status === "running";
  const savedPreviousRam = validation?.settings.mapping.previousRamHoldsTemporary;
  const asksPreviousRam =
    savedPreviousRam !== undefined || !!validation?.findings.some((f) => f.rule === "ram-previous-unclear");
  // Once the dropdowns and the save button can be used: the button waits for the read to end, not only for its result.
  const showDetails = useAfterPaint(validation !== null && !reading);

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
      {validation && hasPlanSheets && !validation.mergesRead ? <Note intent="warning">{t.mergesNotRead}</Note> : null}
      {template.status === "error" ? <ErrorBar message={template.message} /> : null}

      {validation && rows.length > 0 ? (
        <ScrollRegion label={t.sheetsCaption}>
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
                      {detected === "facts" ? (
                        t.factsSheet
                      ) : (
                        <FitSelect
                          label={t.readAsLabel(entry.sheet)}
                          selected={current}
                          options={SHEET_KINDS.map((kind) => ({ value: kind, text: t.kinds[kind] }))}
                          disabled={busy}
                          onSelect={(value) => {
                            const kind = value as SheetKind;
                            setChanges((before) => {
                              const next = { ...before };
                              if (kind === detected) delete next[entry.sheet];
                              else next[entry.sheet] = kind;
                              return next;
                            });
                          }}
                        />
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
        </ScrollRegion>
      ) : null}

      {validation && showDetails ? (
        <Suspense fallback={null}>
          <SheetColumns
            strings={t}
            sheets={rows}
            kinds={Object.fromEntries(
              rows.flatMap((entry) => {
                const detected = readAs(entry);
                return detected === "facts" ? [] : [[entry.sheet, changes[entry.sheet] ?? detected]];
              }),
            )}
            corrections={corrections}
            disabled={busy}
            onChange={(sheet, correction) => setCorrections((before) => ({ ...before, [sheet]: correction }))}
          />
        </Suspense>
      ) : null}

      {validation && showDetails && asksPreviousRam ? (
        <Suspense fallback={null}>
          <PreviousRamChoice
            strings={t}
            holds={previousRamHolds ?? savedPreviousRam ?? true}
            onChange={setPreviousRamHolds}
            disabled={busy}
          />
        </Suspense>
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

      {validation ? <Unread strings={t} unread={validation.unread} goToCell={workbook.goToCell} /> : null}

      {validation && hasPlanSheets && showDetails ? (
        <Suspense fallback={null}>
          <PlanAsRead strings={t} plan={validation.plan} />
        </Suspense>
      ) : null}
    </div>
  );
}
