/**
 * Skapa uppföljning: period, year and answer-by date, the earlier period shown beside the new input, and optionally
 * the ledger export (utfall); an outline of the sheet each nämnd gets (created or updated, rows, answers kept); then
 * the follow-up sheets are written into the workbook.
 */
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useId, useRef, useState } from "react";
import type { KeyFigure } from "../../domain/model";
import { DEFAULT_PERIODS, type Period } from "../../domain/settings";
import type { Language } from "../../i18n/findings";
import type { PaneStrings } from "../../i18n/pane";
import { WriteWarnings } from "../hostMessages";
import { Busy, ErrorBar, Note, TableHead, useStepStyles } from "../ui";
import { errorMessage, useTask } from "../useTask";
import { periodKey, pickedKey, previousChoiceOf } from "../previousChoice";
import type {
  FollowUpChoice,
  FollowUpOutline,
  GenerateOutcome,
  PaneValidation,
  PaneWorkbook,
  ValidationListener,
} from "../workbook";
import { Downloads } from "./Downloads";
import { FileFindings } from "./FileFindings";
import { KoladaPick, type KoladaState } from "./KoladaPick";
import { LedgerPick, type LedgerState } from "./LedgerPick";
import type { PreviousFiles } from "./PreviousPick";

const PreviousPick = lazy(() =>
  import(/* webpackChunkName: "previous-pick" */ "./PreviousPick").then((m) => ({ default: m.PreviousPick })),
);

/**
 * A typed year is outlined this long after the last keystroke (2, 20, 202 are no years to read the workbook for);
 * a picked period, a written sheet or a read plan are outlined at once.
 */
export const OUTLINE_DELAY_MS = 300;

const NO_KEY_FIGURES: KeyFigure[] = [];

interface SkapaProps {
  strings: PaneStrings;
  language: Language;
  workbook: PaneWorkbook;
  validation: PaneValidation | null;
  /** A fresher validation came with an outline or a write. */
  onValidation: ValidationListener;
  showErrors: () => void;
}

function parseYear(text: string): number | null {
  return /^\s*\d{4}\s*$/.test(text) && Number(text) >= 1900 && Number(text) <= 2199 ? Number(text) : null;
}

/** An ISO date typed as åååå-mm-dd that is a day of the calendar ("2025-02-30" is not); null otherwise. */
export function parseDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? match[0]
    : null;
}

export function Skapa({ strings: t, language, workbook, validation, onValidation, showErrors }: SkapaProps) {
  const styles = useStepStyles();
  const blockedId = useId();
  const periods: Period[] = validation?.settings.periods.length ? validation.settings.periods : DEFAULT_PERIODS;
  const [periodName, setPeriodName] = useState(periods[0].name);
  const period = periods.find((p) => p.name === periodName) ?? periods[0];
  // The plan's budget year, once the plan is read, unless the user has typed a year.
  const planYear = validation?.plan.years[0];
  const [typedYear, setTypedYear] = useState<string | null>(null);
  const yearText = typedYear ?? String(planYear ?? new Date().getFullYear());
  const year = parseYear(yearText);
  const [dueText, setDueText] = useState("");
  // Empty is no date; anything else must be a date.
  const due = dueText.trim() === "" ? null : parseDate(dueText);
  const dueValid = dueText.trim() === "" || due !== null;
  // Asked for here, used for this run, never stored (not in the workbook, not in the pane's state beyond this step).
  const [password, setPassword] = useState("");
  const [ledger, setLedger] = useState<LedgerState>({ reading: false, outcomes: null });
  const [kolada, setKolada] = useState<KoladaState>({ reading: false, outcomes: null });
  const keyFigures = validation?.plan.keyFigures ?? NO_KEY_FIGURES;
  const [outline, setOutline] = useState<{
    loading: boolean;
    result: FollowUpOutline | null;
    error: string | null;
    /** The period and year the result is for (periodKey). */
    of: string | null;
  }>({ loading: false, result: null, error: null, of: null });
  // The workbook's other periods as the last outline listed them (shown while the next one is read, so that the
  // pick and its files stay), and as the outline of this period and year lists them (what a request takes).
  const listed = outline.result?.ok ? outline.result.earlier : null;
  const current = year === null ? null : periodKey({ period: period.name, year });
  const earlier = outline.of === current ? listed : null;
  // The earlier period shown beside the new input: as the outline lists the workbook's periods, until one is picked.
  const [previousPicked, setPreviousPicked] = useState<string | undefined>(undefined);
  const [previousFiles, setPreviousFiles] = useState<PreviousFiles>({ reading: false, files: [] });
  // Nothing is made while an export is being read (its outcomes go with the sheets whole or not at all), nor while
  // the outline of a new period or year has still to say which earlier periods the workbook holds.
  const listing = outline.of !== current && outline.error === null;
  const choice: FollowUpChoice | null =
    year === null || !dueValid || ledger.reading || kolada.reading || previousFiles.reading || listing
      ? null
      : {
          period,
          year,
          due,
          ...(password ? { password } : {}),
          ...(ledger.outcomes ? { ledgerOutcomes: ledger.outcomes } : {}),
          ...(kolada.outcomes ? { koladaOutcomes: kolada.outcomes } : {}),
          previous: previousChoiceOf(earlier, previousPicked, previousFiles.files),
        };

  const sequence = useRef(0);
  const [refresh, setRefresh] = useState(0);
  const latestOnValidation = useRef(onValidation);
  latestOnValidation.current = onValidation;
  // Set by a keystroke in the year; read (and cleared) by the outline's effect.
  const yearTyped = useRef(false);
  // Until the plan is read, the year is a placeholder that its budget year may replace in a moment.
  const planRead = useRef(validation !== null);
  planRead.current = validation !== null;

  // The outline follows period and year (not the date: it changes no rows); a stale answer is dropped.
  useEffect(() => {
    if (year === null) return;
    const id = ++sequence.current;
    setOutline((before) => ({ ...before, loading: true, error: null }));
    const debounce = yearTyped.current || !planRead.current;
    yearTyped.current = false;
    const readOutline = () =>
      workbook.outlineFollowUp({ period, year, due: null }).then(
        (result) => {
          if (id !== sequence.current) return;
          setOutline({ loading: false, result, error: null, of: periodKey({ period: period.name, year }) });
          latestOnValidation.current(result.validation);
        },
        (error: unknown) =>
          errorMessage(error, t).then((message) => {
            if (id === sequence.current) setOutline({ loading: false, result: null, error: message, of: null });
          }),
      );
    if (!debounce) {
      void readOutline();
      return;
    }
    const timer = setTimeout(() => void readOutline(), OUTLINE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [workbook, period.name, year, refresh, t]); // period is identified by its name

  const [generation, generate] = useTask(async (request: FollowUpChoice) => {
    const outcome = await workbook.generate(request);
    onValidation(outcome.validation);
    setRefresh((n) => n + 1);
    return outcome;
  }, t);
  const running = generation.status === "running";
  const [exportTask, runExport] = useTask(async (request: FollowUpChoice) => {
    const outcome = await workbook.exportFollowUp(request);
    if (!outcome.ok) onValidation(outcome.validation);
    return outcome;
  }, t);
  const exporting = exportTask.status === "running";
  const result = outline.result;
  const blocked =
    result?.ok === false ||
    // The plan as last read, until the outline has read it again.
    (result === null && (validation?.errors ?? 0) > 0) ||
    (generation.status === "done" && !generation.result.written) ||
    (exportTask.status === "done" && !exportTask.result.ok);
  const errors =
    generation.status === "done" && !generation.result.written
      ? generation.result.validation.errors
      : result?.ok === false
        ? result.validation.errors
        : (validation?.errors ?? 0);

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <Field label={t.period}>
          <Dropdown
            value={period.name}
            selectedOptions={[period.name]}
            disabled={running}
            onOptionSelect={(_, data) => data.optionValue && setPeriodName(data.optionValue)}
          >
            {periods.map((p) => (
              <Option key={p.name} value={p.name} text={p.name}>
                {`${p.name} (${t.periodKinds[p.kind]})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.year} validationMessage={year === null ? t.yearInvalid : undefined}>
          <Input
            type="number"
            min={1900}
            max={2199}
            value={yearText}
            disabled={running}
            onChange={(_, data) => {
              yearTyped.current = true;
              setTypedYear(data.value);
            }}
          />
        </Field>
        <Field
          label={t.due}
          hint={dueValid ? t.dateFormat : undefined}
          validationMessage={dueValid ? undefined : t.dueInvalid}
        >
          <Input
            value={dueText}
            placeholder={t.dateFormat}
            inputMode="numeric"
            disabled={running}
            onChange={(_, data) => setDueText(data.value)}
          />
        </Field>
      </div>
      {listed ? (
        <Suspense fallback={null}>
          <PreviousPick
            strings={t}
            language={language}
            workbook={workbook}
            earlier={listed}
            value={pickedKey(listed, previousPicked)}
            hint={t.previousHintFollowUp}
            disabled={running}
            onPick={setPreviousPicked}
            onFiles={setPreviousFiles}
          />
        </Suspense>
      ) : null}
      <Field label={t.password} hint={t.passwordHint}>
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          disabled={running}
          onChange={(_, data) => setPassword(data.value)}
        />
      </Field>
      <LedgerPick
        strings={t}
        language={language}
        workbook={workbook}
        committees={validation?.plan.committees ?? []}
        disabled={running}
        onChange={setLedger}
        onValidation={onValidation}
      />
      {/* Only for a plan with a nyckeltal that has a Kolada ID: there is nothing else to fill. */}
      {keyFigures.some((k) => k.koladaId) ? (
        <KoladaPick
          strings={t}
          language={language}
          workbook={workbook}
          keyFigures={keyFigures}
          year={year}
          municipality={validation?.settings.koladaMunicipality}
          disabled={running}
          onChange={setKolada}
        />
      ) : null}

      {outline.loading ? <Busy label={t.outlining} /> : null}
      {outline.error ? <ErrorBar message={outline.error} /> : null}
      {result?.ok && result.rows.length === 0 ? <Note intent="info">{t.noCommittees}</Note> : null}
      {result?.ok && result.rows.length > 0 ? (
        <div className={styles.scroll}>
          <Table size="small" className={styles.table} aria-label={t.followUpCaption}>
            <caption className={styles.caption}>{t.followUpCaption}</caption>
            <TableHead labels={[t.colSheet, t.colAction, t.colRows]} />
            <TableBody>
              {result.rows.map((row) => (
                <TableRow key={row.code}>
                  <TableCell>
                    {row.sheet}
                    <span className={styles.small}>{row.name ? `${row.code} ${row.name}` : row.code}</span>
                  </TableCell>
                  <TableCell>
                    {row.update ? t.updated : t.created}
                    <span className={styles.small}>
                      {row.answers > 0 ? `${row.answers} ${t.answersKept}` : t.noAnswers}
                    </span>
                  </TableCell>
                  <TableCell>
                    {t
                      .rowCounts(row.counts)
                      .split(", ")
                      .map((part, i, parts) => (
                        <span key={part} className={styles.line}>
                          {i < parts.length - 1 ? `${part}, ` : part}
                        </span>
                      ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={running || choice === null || blocked}
          aria-describedby={blocked ? blockedId : undefined}
          onClick={() => choice && void generate(choice)}
        >
          {t.generate}
        </Button>
        {running ? <Busy label={t.generating} /> : null}
        {blocked ? (
          <Text id={blockedId} role="status">
            {t.planHasErrors(errors)}{" "}
            <Button size="small" appearance="transparent" onClick={showErrors}>
              {t.showErrors}
            </Button>
          </Text>
        ) : null}
      </div>
      {generation.status === "error" ? <ErrorBar message={generation.message} /> : null}
      {generation.status === "done" && generation.result.written ? (
        <>
          <Generated strings={t} outcome={generation.result} />
          {/* Text, not buttons to cells: the sheets they name were read before this write replaced them. */}
          <FileFindings
            strings={t}
            language={language}
            findings={generation.result.findings}
            heading={t.regenerationFindings}
            more={t.regenerationFindingsMore}
          />
        </>
      ) : null}

      <div className={styles.row}>
        <Button
          disabled={exporting || running || choice === null}
          aria-describedby="export-note"
          onClick={() => choice && void runExport(choice)}
        >
          {t.exportPerCommittee}
        </Button>
        {exporting ? <Busy label={t.exporting} /> : null}
      </div>
      <Text id="export-note" size={200} className={styles.muted}>
        {t.exportHint}
      </Text>
      {exportTask.status === "error" ? <ErrorBar message={exportTask.message} /> : null}
      {exportTask.status === "done" && exportTask.result.ok ? (
        <Downloads strings={t} written={exportTask.result} />
      ) : null}
    </div>
  );
}

/** What a write did: how many sheets, and how many answers went over into which of them (or that there were none). */
function Generated({ strings: t, outcome }: { strings: PaneStrings; outcome: GenerateOutcome & { written: true } }) {
  const carried = outcome.carried.filter((sheet) => sheet.answers > 0);
  const answers = carried.reduce((total, sheet) => total + sheet.answers, 0);
  return (
    <Note intent="success" title={t.generated(outcome.sheets.length)}>
      {answers > 0 ? t.answersCarried(answers, carried) : t.noAnswersCarried}
      <div>{t.generatedNext}</div>
      <WriteWarnings warnings={outcome.warnings} strings={t} />
    </Note>
  );
}
