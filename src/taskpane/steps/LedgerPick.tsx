/**
 * The ledger export at Skapa (the CLI's `generate --utfall`): picked, read in the files worker, summed per nämnd by
 * the settings' table Ansvar | Nämnd, and shown in short (per nämnd, codes of no nämnd, the whole file as the sum of
 * its parts, the findings at their cells). Its outcomes go with the follow-up as Utfall hittills; a file that cannot
 * be used is said in one line and nothing of it is used.
 */
import { Button, Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { LedgerSummary } from "../../domain/ledger/import";
import type { Committee } from "../../domain/model";
import type { Language } from "../../i18n/findings";
import { LEDGER_STRINGS } from "../../i18n/ledger";
import type { PaneStrings } from "../../i18n/pane";
import { fileProblemText } from "../hostMessages";
import { Busy, ErrorBar, Note, TableHead, useStepStyles } from "../ui";
import { useTask } from "../useTask";
import type { FileFinding } from "../../domain/findings";
import type { PaneWorkbook, ValidationListener } from "../workbook";
import { FileFindings } from "./FileFindings";
import { FilePick } from "./FilePick";

/** Codes of no nämnd named in the summary; the rest are counted (the CLI lists them all). */
const UNMAPPED_SHOWN = 5;

/** What Skapa needs of the pick: whether an export is being read, and its outcomes once read (else null). */
export interface LedgerState {
  reading: boolean;
  outcomes: ReadonlyMap<string, number> | null;
}

interface LedgerPickProps {
  strings: PaneStrings;
  language: Language;
  workbook: PaneWorkbook;
  committees: Committee[];
  disabled: boolean;
  onChange: (state: LedgerState) => void;
  onValidation: ValidationListener;
}

type Picked =
  { ok: true; file: string; summary: LedgerSummary; findings: FileFinding[] } | { ok: false; message: string };

export function LedgerPick({
  strings: t,
  language,
  workbook,
  committees,
  disabled,
  onChange,
  onValidation,
}: LedgerPickProps) {
  const styles = useStepStyles();
  const [task, read, reset] = useTask(async (file: File): Promise<Picked> => {
    const outcome = await workbook.importLedger(file);
    if (outcome.status === "unusable") return { ok: false, message: await fileProblemText(outcome.problem, language) };
    if (outcome.status === "planErrors") {
      onValidation(outcome.validation);
      return { ok: false, message: t.planHasErrors(outcome.validation.errors) };
    }
    if (!outcome.result.ok) {
      const fields = LEDGER_STRINGS[language].fields;
      const missing = outcome.result.problem.missing.length
        ? outcome.result.problem.missing
        : (["code", "amount"] as const);
      return {
        ok: false,
        message: t.ledgerNoHeader(
          outcome.file,
          missing.map((field) => fields[field]),
        ),
      };
    }
    return { ok: true, file: outcome.file, summary: outcome.result, findings: outcome.findings };
  }, t);

  const picked = task.status === "done" && task.result.ok ? task.result : null;
  const outcomes = picked?.summary.outcomes ?? null;
  const reading = task.status === "running";
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  useEffect(() => latestOnChange.current({ reading, outcomes }), [reading, outcomes]);

  return (
    <div className={styles.step}>
      <FilePick
        label={t.ledgerFile}
        hint={t.ledgerHint}
        accept=".csv,.txt,.xlsx,.xls"
        disabled={disabled || reading}
        onFiles={([file]) => void read(file)}
      />
      {reading ? <Busy label={t.readingLedger} /> : null}
      {task.status === "error" ? <ErrorBar message={task.message} /> : null}
      {task.status === "done" && !task.result.ok ? <ErrorBar message={task.result.message} /> : null}
      {picked ? (
        <>
          <div className={styles.row}>
            <Text>{t.ledgerRead(picked.file)}</Text>
            <Button
              size="small"
              appearance="transparent"
              aria-label={t.removeFile(picked.file)}
              disabled={disabled}
              onClick={reset}
            >
              {t.remove}
            </Button>
          </div>
          <LedgerTable strings={t} summary={picked.summary} committees={committees} />
          <FileFindings
            strings={t}
            language={language}
            findings={picked.findings}
            heading={t.ledgerFindings}
            more={t.ledgerFindingsMore}
            goToCell={workbook.goToCell}
          />
        </>
      ) : null}
    </div>
  );
}

/** Per nämnd its sum (or why none is written), then what belongs to no nämnd and the whole file as its parts. */
function LedgerTable({
  strings: t,
  summary,
  committees,
}: {
  strings: PaneStrings;
  summary: LedgerSummary;
  committees: Committee[];
}) {
  const styles = useStepStyles();
  const names = new Map(committees.map((c) => [c.code, c.name]));
  const { totals } = summary;
  return (
    <>
      {summary.committees.length === 0 ? <Note intent="warning">{t.ledgerNoRules}</Note> : null}
      {summary.committees.length > 0 ? (
        <div className={styles.scroll}>
          <Table size="small" className={styles.table} aria-label={t.ledgerCaption}>
            <caption className={styles.caption}>{t.ledgerCaption}</caption>
            <TableHead labels={[t.ledgerColCommittee, t.ledgerColOutcome]} />
            <TableBody>
              {summary.committees.map((sum) => (
                <TableRow key={sum.committee}>
                  <TableCell>
                    {sum.committee}
                    {names.get(sum.committee) ? <span className={styles.small}>{names.get(sum.committee)}</span> : null}
                  </TableCell>
                  <TableCell>
                    {sum.unreadRows
                      ? t.ledgerIncomplete(sum.unreadRows)
                      : sum.rows === 0
                        ? t.ledgerNoRows
                        : t.amount(sum.ore)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {summary.unmapped.length > 0 ? (
        <Note intent="warning">
          {t.ledgerUnmapped(
            summary.unmapped.length,
            t.amount(totals.unmapped),
            summary.unmapped.slice(0, UNMAPPED_SHOWN).map((u) => u.code || "–"),
          )}
        </Note>
      ) : null}
      <Text className={styles.wrappingLine}>
        {t.ledgerTotal(
          totals.rows,
          t.amount(totals.ore),
          t.amount(totals.mapped),
          t.amount(totals.unmapped),
          t.amount(totals.excluded),
        )}
        {totals.unreadRows ? ` ${t.ledgerUnread(totals.unreadRows)}` : ""}
      </Text>
    </>
  );
}
