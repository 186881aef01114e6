/**
 * Kolada files at Skapa (the CLI's `generate --kolada`): picked (the pages of one answer together), read in the files
 * worker for the kommun's Kolada ID, matched with the plan's nyckeltal for the follow-up's year, and shown as the CLI
 * prints them: per nyckeltal the figure and its year, then what is missing, skipped or unreadable. Nothing is fetched.
 */
import { Button, Field, Input, Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { type KoladaOutcome, matchKolada } from "../../domain/kolada/match";
import { KOLADA_MUNICIPALITY } from "../../domain/kolada/read";
import type { KeyFigure } from "../../domain/model";
import type { Language } from "../../i18n/findings";
import { KOLADA_STRINGS, koladaSummary } from "../../i18n/kolada";
import type { PaneStrings } from "../../i18n/pane";
import { Busy, ErrorBar, TableHead, useStepStyles } from "../ui";
import { useTask } from "../useTask";
import type { PaneWorkbook } from "../workbook";
import { FilePick } from "./FilePick";

/** What Skapa needs of the pick: whether files are being read, and the outcomes once read (else null). */
export interface KoladaState {
  reading: boolean;
  outcomes: ReadonlyMap<string, KoladaOutcome> | null;
}

interface KoladaPickProps {
  strings: PaneStrings;
  language: Language;
  workbook: PaneWorkbook;
  keyFigures: KeyFigure[];
  /** The follow-up's year: the latest year up to it is taken; null while the year typed is not one. */
  year: number | null;
  /** The kommun's Kolada ID as the settings keep it. */
  municipality: string | undefined;
  disabled: boolean;
  onChange: (state: KoladaState) => void;
}

export function KoladaPick(props: KoladaPickProps) {
  const { strings: t, language, workbook, keyFigures, year, disabled, onChange } = props;
  const styles = useStepStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [municipality, setMunicipality] = useState(props.municipality ?? "");
  const wanted = municipality.trim();
  const valid = wanted === "" || KOLADA_MUNICIPALITY.test(wanted);
  const [task, read, reset] = useTask(
    (picked: File[], id: string) => workbook.readKolada(picked, id === "" ? null : id),
    t,
  );
  // The files are read again for another kommun.
  useEffect(() => {
    if (files.length && valid) void read(files, wanted);
  }, [files, wanted, valid, read]);

  const done = task.status === "done" && files.length ? task.result : null;
  const match = useMemo(
    () => (done && year !== null ? matchKolada(keyFigures, done, year) : null),
    [done, keyFigures, year],
  );
  const reading = task.status === "running";
  const outcomes = match?.outcomes.size ? match.outcomes : null;
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  useEffect(() => latestOnChange.current({ reading, outcomes }), [reading, outcomes]);
  // Gone from the step (the plan has no Kolada ID any more): nothing of the files goes with the sheets.
  useEffect(() => () => latestOnChange.current({ reading: false, outcomes: null }), []);

  const names = files.map((f) => f.name).join(", ");
  const summary = done && match && year !== null ? koladaSummary(done, match, year, language) : null;
  return (
    <div className={styles.step}>
      <Field
        label={t.koladaMunicipality}
        hint={t.koladaMunicipalityHint}
        validationMessage={valid ? undefined : t.koladaMunicipalityInvalid}
      >
        <Input value={municipality} disabled={disabled} onChange={(_, data) => setMunicipality(data.value)} />
      </Field>
      <FilePick
        label={t.koladaFile}
        hint={t.koladaHint}
        accept=".json,.csv,.txt"
        multiple
        disabled={disabled || reading}
        onFiles={setFiles}
      />
      {reading ? <Busy label={t.readingKolada} /> : null}
      {task.status === "error" ? <ErrorBar message={task.message} /> : null}
      {summary ? (
        <>
          <div className={styles.row}>
            <Text>{t.koladaRead(names)}</Text>
            <Button
              size="small"
              appearance="transparent"
              aria-label={t.removeFile(names)}
              disabled={disabled}
              onClick={() => {
                setFiles([]);
                reset();
              }}
            >
              {t.remove}
            </Button>
          </div>
          {summary.rows.length ? (
            <div className={styles.scroll}>
              <Table size="small" className={styles.table} aria-label={t.koladaCaption}>
                <caption className={styles.caption}>{t.koladaCaption}</caption>
                <TableHead labels={KOLADA_STRINGS[language].table} />
                <TableBody>
                  {summary.rows.map((cells) => (
                    <TableRow key={cells[1]}>
                      {cells.map((cell, i) => (
                        <TableCell key={i}>{cell}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          {summary.notes.map((note, i) => (
            <Text key={i} className={styles.wrappingLine}>
              {note}
            </Text>
          ))}
        </>
      ) : null}
    </div>
  );
}
