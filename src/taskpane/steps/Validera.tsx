/**
 * Validera: the plan's findings grouped by sheet and then rule, errors first, with counts; each finding is a button
 * that shows its cell in Excel.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding } from "../../domain/findings";
import { findingMessage, type Language } from "../../i18n/findings";
import type { PaneStrings } from "../../i18n/pane";
import { Busy, ErrorBar, Note, useCellListStyles, useStepStyles } from "../ui";
import { errorMessage, useTask } from "../useTask";
import type { PaneValidation, PaneWorkbook } from "../workbook";

/** Findings shown per rule within a sheet; the rest are counted (a broken 20 000-row plan stays usable). */
export const FINDINGS_PER_GROUP = 50;

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

interface RuleGroup {
  rule: Finding["rule"];
  severity: Finding["severity"];
  findings: Finding[];
}

interface SheetGroup {
  sheet: string;
  rules: RuleGroup[];
}

const SEVERITY_ORDER: Finding["severity"][] = ["error", "warning", "info"];

/** By sheet (sheets with errors first, as the sorted findings come), then rule, errors first within each sheet. */
export function groupFindings(findings: Finding[]): SheetGroup[] {
  const sheets = new Map<string, Map<string, RuleGroup>>();
  for (const f of findings) {
    const rules = sheets.get(f.sheet) ?? new Map<string, RuleGroup>();
    sheets.set(f.sheet, rules);
    const key = `${f.severity}|${f.rule}`;
    const group = rules.get(key) ?? { rule: f.rule, severity: f.severity, findings: [] };
    rules.set(key, group);
    group.findings.push(f);
  }
  return [...sheets].map(([sheet, rules]) => ({
    sheet,
    rules: [...rules.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)),
  }));
}

interface ValideraProps {
  strings: PaneStrings;
  language: Language;
  validation: PaneValidation | null;
  validating: boolean;
  error: string | null;
  validate: () => void;
  goToCell: PaneWorkbook["goToCell"];
  marks: Pick<PaneWorkbook, "markCells" | "clearMarks">;
}

export function Validera({
  strings: t,
  language,
  validation,
  validating,
  error,
  validate,
  goToCell,
  marks,
}: ValideraProps) {
  const styles = useStepStyles();
  const own = useStyles();
  const list = useCellListStyles();
  const [goError, setGoError] = useState<string | null>(null);
  const [marking, mark] = useTask(
    async (findings: Finding[]) => ({ kind: "marked" as const, ...(await marks.markCells(findings)) }),
    t,
  );
  const [clearing, clear] = useTask(
    async (sheets: string[]) => ({ kind: "cleared" as const, count: await marks.clearMarks(sheets) }),
    t,
  );
  const markBusy = marking.status === "running" || clearing.status === "running";
  const groups = useMemo(() => groupFindings(validation?.findings ?? []), [validation]);

  const go = (f: Finding) => {
    setGoError(null);
    goToCell(f.sheet, f.cell).catch((e: unknown) => errorMessage(e, t).then(setGoError));
  };

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={validating} onClick={validate}>
          {t.validate}
        </Button>
        {validating ? <Busy label={t.validating} /> : null}
      </div>
      {error ? <ErrorBar message={error} /> : null}
      {!validation && !validating && !error ? <Text>{t.notValidated}</Text> : null}
      {validation ? (
        <>
          <Text role="status" weight="semibold" size={400}>
            {t.summary(validation.errors, validation.warnings)}
          </Text>
          {validation.errors + validation.warnings === 0 ? <Note intent="success">{t.noFindings}</Note> : null}
          {validation.warnings > 0 && validation.errors === 0 ? <Text>{t.noErrors}</Text> : null}
          {validation.findings.length > 0 ? <Text className={styles.muted}>{t.goToHint}</Text> : null}
          {goError ? <ErrorBar message={goError} title={t.goToFailed} /> : null}
          <div className={styles.row}>
            {validation.errors + validation.warnings > 0 ? (
              // Info findings say what was not read (a whole sheet): nothing in a cell to mark.
              <Button
                disabled={markBusy}
                onClick={() => void mark(validation.findings.filter((f) => f.severity !== "info"))}
              >
                {t.markCells}
              </Button>
            ) : null}
            <Button
              disabled={markBusy}
              onClick={() =>
                void clear(validation.sheets.map((s) => s.sheet).filter((s) => !validation.ownSheets.includes(s)))
              }
            >
              {t.clearMarks}
            </Button>
            {markBusy ? <Busy label={t.marking} /> : null}
          </div>
          {marking.status === "error" ? <ErrorBar message={marking.message} /> : null}
          {clearing.status === "error" ? <ErrorBar message={clearing.message} /> : null}
          {marking.status === "done" ? (
            <Note intent={marking.result.skippedSheets.length ? "warning" : "success"}>
              {t.marked(marking.result.marked)}
              {marking.result.skippedSheets.length ? ` ${t.markSkipped(marking.result.skippedSheets)}` : ""}
            </Note>
          ) : null}
          {clearing.status === "done" ? <Note intent="info">{t.cleared(clearing.result.count)}</Note> : null}
          {groups.map((group) => (
            <section key={group.sheet} className={list.group} aria-label={group.sheet}>
              <h2 className={styles.heading}>{group.sheet}</h2>
              {group.rules.map((rule) => (
                <div key={`${rule.severity}|${rule.rule}`} className={list.group}>
                  <h3 className={styles.subheading}>
                    <span className={own[rule.severity]}>{t.severity[rule.severity]}</span>
                    {`: ${t.rules[rule.rule]} (${rule.findings.length})`}
                  </h3>
                  <ul className={list.items}>
                    {rule.findings.slice(0, FINDINGS_PER_GROUP).map((f) => (
                      <li key={`${f.sheet}!${f.cell}|${f.rule}|${JSON.stringify(f.params)}`}>
                        <Button appearance="subtle" className={list.entry} onClick={() => go(f)}>
                          <span>
                            <span className={list.cell}>{`${f.sheet}!${f.cell}`}</span> {findingMessage(f, language)}
                          </span>
                        </Button>
                      </li>
                    ))}
                  </ul>
                  {rule.findings.length > FINDINGS_PER_GROUP ? (
                    <Text className={styles.muted}>{t.moreFindings(rule.findings.length - FINDINGS_PER_GROUP)}</Text>
                  ) : null}
                </div>
              ))}
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
