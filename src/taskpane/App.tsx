/**
 * The task pane: four steps in tabs (Koppla, Validera, Skapa uppföljning, Sammanställ), in Office's language and
 * theme. Everything it does to the workbook goes through `workbook` (PaneWorkbook), so tests pass a fake.
 */
import { FluentProvider, Title3, makeStyles, tokens } from "@fluentui/react-components";
import {
  type ComponentType,
  type ReactNode,
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Mapping } from "../domain/mapping";
import type { Language, PaneStrings } from "../i18n/pane";
import { sv } from "../i18n/paneSv";
import { STEPS, type Step } from "./launch";
import { STEP_CHUNKS } from "./stepChunks";
import { StepTabs } from "./StepTabs";
import { type PaneTheme, fluentTheme } from "./theme";
import { Busy, ErrorBar } from "./ui";
import { useTask } from "./useTask";
import type { PaneValidation, PaneWorkbook } from "./workbook";

const asComponent = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(() => load().then((component) => ({ default: component })));
const Koppla = asComponent(STEP_CHUNKS.koppla);
const Validera = asComponent(STEP_CHUNKS.validera);
const Skapa = asComponent(STEP_CHUNKS.skapa);
const Sammanstall = asComponent(STEP_CHUNKS.sammanstall);

export interface AppProps {
  /** Office.onReady's host is Excel; outside Excel the pane only says where it must be opened. */
  inExcel: boolean;
  /** The open workbook; null outside Excel. */
  workbook: PaneWorkbook | null;
  /** The pane's words, in Office's language (i18n/paneLanguage.ts); Swedish unless given. */
  strings?: PaneStrings;
  theme?: PaneTheme;
  /** The step a ribbon button opened the pane at. */
  initialStep?: Step;
}

const useStyles = makeStyles({
  // The pane's layout sits on <main>, not on FluentProvider: the provider passes its own className to every portal
  // (applyStylesToPortals), so a full-height layout there would lay a blank page over the pane whenever a dropdown,
  // tooltip or menu opens.
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    boxSizing: "border-box",
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  header: { margin: 0 },
});

export function App({ inExcel, workbook, strings: t = sv, theme = "light", initialStep = "koppla" }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={t.language}>
      <main className={styles.root}>
        <Title3 as="h1" className={styles.header}>
          {t.appTitle}
        </Title3>
        {inExcel && workbook ? (
          <Steps workbook={workbook} strings={t} initialStep={initialStep} />
        ) : (
          <ErrorBar title={t.outsideExcelTitle} message={t.outsideExcel} />
        )}
      </main>
    </FluentProvider>
  );
}

function Steps({
  workbook,
  strings: t,
  initialStep,
}: {
  workbook: PaneWorkbook;
  strings: PaneStrings;
  initialStep: Step;
}) {
  const language: Language = t.language;
  const [step, setStep] = useState<Step>(initialStep);
  // A step is mounted when first shown and then kept (hidden), so what the user chose survives switching tabs.
  const [visited, setVisited] = useState<Set<Step>>(() => new Set([initialStep]));
  const [validation, setValidation] = useState<PaneValidation | null>(null);
  const [validationTask, runValidation] = useTask(async (mapping?: Mapping) => {
    const result = await workbook.validate(mapping);
    setValidation(result);
    return result;
  }, t);
  const validating = validationTask.status === "running";
  const validationError = validationTask.status === "error" ? validationTask.message : null;

  // The workbook is read once when the pane opens, whichever step it opens at: Koppla and Validera show it, and
  // Skapa uppföljning takes the plan's year and periods from it.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void runValidation();
  }, [runValidation]);
  const show = useCallback((next: Step) => {
    setStep(next);
    setVisited((before) => (before.has(next) ? before : new Set([...before, next])));
  }, []);

  const reload = useCallback(() => runValidation(), [runValidation]);
  const validate = useCallback(() => void runValidation(), [runValidation]);
  const goToCell = useCallback((sheet: string, cell: string) => workbook.goToCell(sheet, cell), [workbook]);
  const showErrors = useCallback(() => {
    show("validera");
    if (!validating) void runValidation();
  }, [show, validating, runValidation]);

  const panels = useMemo<Record<Step, () => ReactNode>>(
    () => ({
      koppla: () => (
        <Koppla
          strings={t}
          workbook={workbook}
          validation={validation}
          reading={validating}
          readError={validationError}
          reload={reload}
        />
      ),
      validera: () => (
        <Validera
          strings={t}
          language={language}
          validation={validation}
          validating={validating}
          error={validationError}
          validate={validate}
          goToCell={goToCell}
          marks={workbook}
        />
      ),
      skapa: () => (
        <Skapa
          strings={t}
          language={language}
          workbook={workbook}
          validation={validation}
          onValidation={setValidation}
          showErrors={showErrors}
        />
      ),
      sammanstall: () => <Sammanstall strings={t} language={language} workbook={workbook} showErrors={showErrors} />,
    }),
    [t, workbook, validation, validating, validationError, reload, language, validate, goToCell, showErrors],
  );

  return (
    <>
      <StepTabs strings={t} step={step} show={show} />
      {STEPS.map((s) => (
        <div key={s} role="tabpanel" id={`panel-${s}`} aria-labelledby={`tab-${s}`} hidden={s !== step}>
          {visited.has(s) ? <Suspense fallback={<Busy label={t.loadingStep} />}>{panels[s]()}</Suspense> : null}
        </div>
      ))}
    </>
  );
}
