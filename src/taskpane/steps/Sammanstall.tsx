/**
 * Sammanställ: the nämnder's returned workbooks (picked from disk and read in the pane) together with this
 * workbook's follow-up sheets; what is still missing per nämnd; the earlier period the report compares with; then
 * the report sheets are written.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useRef, useState } from "react";
import type { Language } from "../../i18n/findings";
import type { PaneStrings } from "../../i18n/pane";
import { WriteWarnings } from "../hostMessages";
import { Busy, ErrorBar, Note, useStepStyles } from "../ui";
import { errorMessage, useTask } from "../useTask";
import type { ConsolidationOutline, MissingPerCommittee, PaneWorkbook } from "../workbook";
import { FileFindings } from "./FileFindings";
import { FilePick } from "./FilePick";
import type { PreviousFiles } from "./PreviousPick";
import { ReturnedFileList, useReturnedFiles } from "./ReturnedFiles";
import { pickedKey, previousChoiceOf } from "../previousChoice";
import { ChapterButton, GoalStatusTree } from "./GoalStatus";

const PreviousPick = lazy(() =>
  import(/* webpackChunkName: "previous-pick" */ "./PreviousPick").then((m) => ({ default: m.PreviousPick })),
);

/** Missing rows listed per nämnd; the rest are counted. */
export const MISSING_SHOWN = 5;

const useStyles = makeStyles({
  committee: { marginBlockEnd: tokens.spacingVerticalS },
});

interface SammanstallProps {
  strings: PaneStrings;
  language: Language;
  workbook: PaneWorkbook;
  showErrors: () => void;
}

export function Sammanstall({ strings: t, language, workbook, showErrors }: SammanstallProps) {
  const styles = useStepStyles();
  const files = useReturnedFiles(workbook, language, t);
  const { returned, reading, readFiles } = files;
  const [outline, setOutline] = useState<{
    loading: boolean;
    result: ConsolidationOutline | null;
    error: string | null;
  }>({ loading: false, result: null, error: null });
  const sequence = useRef(0);
  const [refresh, setRefresh] = useState(0);
  const [goToError, setGoToError] = useState<string | null>(null);
  // The earlier period the report compares with: the workbook's newest before the one consolidated, until one is picked.
  const [previousPicked, setPreviousPicked] = useState<string | undefined>(undefined);
  const [previousFiles, setPreviousFiles] = useState<PreviousFiles>({ reading: false, files: [] });

  useEffect(() => {
    const id = ++sequence.current;
    setOutline((before) => ({ ...before, loading: true, error: null }));
    workbook.outlineConsolidation({ returned, language }).then(
      (result) => id === sequence.current && setOutline({ loading: false, result, error: null }),
      (error: unknown) =>
        errorMessage(error, t).then(
          (message) => id === sequence.current && setOutline({ loading: false, result: null, error: message }),
        ),
    );
  }, [workbook, returned, language, refresh, t]);

  const earlier = outline.result?.ok && outline.result.followUp ? outline.result.earlier : null;
  const previous = previousChoiceOf(earlier, previousPicked, previousFiles.files);
  const [consolidation, consolidate] = useTask(async () => {
    const outcome = await workbook.consolidate({ returned, language, ...(previous ? { previous } : {}) });
    setRefresh((n) => n + 1);
    return outcome;
  }, t);
  const running = consolidation.status === "running" || reading.status === "running";
  // The report waits for the first outline (which lists the earlier periods) and for the earlier period's files.
  const waiting = (outline.result === null && outline.error === null) || previousFiles.reading;
  const result = outline.result;
  const written = consolidation.status === "done" && consolidation.result.written ? consolidation.result : null;
  const refused =
    consolidation.status === "done" && !consolidation.result.written
      ? consolidation.result.validation.errors
      : result?.ok === false
        ? result.validation.errors
        : 0;

  return (
    <div className={styles.step}>
      <FilePick
        label={t.files}
        hint={t.filesHint}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        disabled={running}
        onFiles={(files) => void readFiles(files)}
      />
      <ReturnedFileList strings={t} files={files} disabled={running} />

      {outline.loading ? <Busy label={t.checking} /> : null}
      {outline.error ? <ErrorBar message={outline.error} /> : null}
      {refused > 0 ? (
        <Note intent="warning">
          {t.planHasErrors(refused)}{" "}
          <Button size="small" appearance="transparent" onClick={showErrors}>
            {t.showErrors}
          </Button>
        </Note>
      ) : null}
      {result?.ok && result.followUp === null ? <Note intent="info">{t.noFollowUp}</Note> : null}
      {result?.ok && result.followUp !== null ? (
        <Missing strings={t} committees={written?.committees ?? result.committees} />
      ) : null}
      {result?.ok && result.followUp !== null ? (
        // All of them are on the report's Fynd sheet too.
        <FileFindings
          strings={t}
          language={language}
          findings={written?.findings ?? result.findings}
          heading={t.answerFindings}
          more={t.answerFindingsMore}
          goToCell={workbook.goToCell}
        />
      ) : null}

      {earlier ? (
        <Suspense fallback={null}>
          <PreviousPick
            strings={t}
            language={language}
            workbook={workbook}
            earlier={earlier}
            value={pickedKey(earlier, previousPicked)}
            hint={t.previousHintReport}
            disabled={consolidation.status === "running"}
            onPick={setPreviousPicked}
            onFiles={setPreviousFiles}
          />
        </Suspense>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" disabled={running || waiting} onClick={() => void consolidate()}>
          {t.consolidate}
        </Button>
        {consolidation.status === "running" ? <Busy label={t.consolidating} /> : null}
      </div>
      {consolidation.status === "error" ? <ErrorBar message={consolidation.message} /> : null}
      {written ? (
        <Note intent="success" title={t.consolidated(written.sheets)}>
          {t.consolidatedFindings(written.findings.length)}
          <WriteWarnings warnings={written.warnings} strings={t} />
          <div>
            <Button
              size="small"
              appearance="transparent"
              onClick={() => {
                setGoToError(null);
                workbook.goToCell(written.overview, "A1").catch((e: unknown) => errorMessage(e, t).then(setGoToError));
              }}
            >
              {t.goToOverview(written.overview)}
            </Button>
          </div>
        </Note>
      ) : null}
      {goToError ? <ErrorBar message={goToError} title={t.goToFailed} /> : null}
      {written?.goals ? <GoalStatusTree strings={t} language={language} tree={written.goals} /> : null}
      {written?.goals ? <ChapterButton strings={t} workbook={workbook} /> : null}
    </div>
  );
}

/** Who has answered (x of y nämnder), who has not, and what the answers still lack per nämnd. */
function Missing({ strings: t, committees }: { strings: PaneStrings; committees: MissingPerCommittee[] }) {
  const styles = useStepStyles();
  const own = useStyles();
  const name = (c: MissingPerCommittee) => (c.name ? `${c.code} ${c.name}` : c.code);
  const answered = committees.filter((c) => c.answered);
  const silent = committees.filter((c) => !c.answered);
  const incomplete = answered.filter((c) => c.missing.length > 0);
  return (
    <section aria-labelledby="missing-heading" className={styles.step}>
      <h2 id="missing-heading" className={styles.heading}>
        {t.missingHeading}
      </h2>
      <Text weight="semibold">{t.answeredOf(answered.length, committees.length)}</Text>
      {silent.length === 0 && incomplete.length === 0 ? <Text>{t.allAnswered}</Text> : null}
      {silent.length > 0 ? (
        <div>
          <h3 id="not-answered-heading" className={styles.subheading}>
            {t.notAnsweredHeading}
          </h3>
          <ul className={styles.list} aria-labelledby="not-answered-heading">
            {silent.map((c) => (
              <li key={c.code}>{name(c)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {incomplete.length > 0 ? (
        <ul className={styles.list}>
          {incomplete.map((c) => (
            <li key={c.code} className={own.committee}>
              <Text weight="semibold">{name(c)}</Text>
              {": "}
              {t.missingRows(c.missing.length, c.total)}
              {c.source ? <span className={styles.small}>{t.sourceFrom(c.source)}</span> : null}
              <ul className={styles.list}>
                {c.missing.slice(0, MISSING_SHOWN).map((m, i) => (
                  <li key={i}>{`${t.kindLabels[m.kind]}: ${m.title}`}</li>
                ))}
                {c.missing.length > MISSING_SHOWN ? <li>{t.andMore(c.missing.length - MISSING_SHOWN)}</li> : null}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
