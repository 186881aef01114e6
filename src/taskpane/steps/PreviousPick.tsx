/**
 * The earlier period a step compares with (the CLI's `--previous`): one of the periods whose follow-up sheets this
 * workbook holds (a generate replaces only its own period's, so T1's are still there when Delår is made), newest
 * first, or none; and optionally files of that period (its master, or what the nämnder returned). Skapa shows its
 * answers beside the new input, Sammanställ's report what changed since. A file without sheets of the chosen period is
 * said to be unused. Loaded as a chunk of its own (with the reading of the sheets' metadata).
 */
import { Dropdown, Field, Option, Text, makeStyles } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Language } from "../../i18n/findings";
import type { PaneStrings } from "../../i18n/pane";
import { NO_PERIOD, periodKey } from "../previousChoice";
import { heldPeriods } from "../../hosts/previousPeriods";
import { Note, useStepStyles } from "../ui";
import type { EarlierPeriods, PaneWorkbook, ReturnedWorkbook } from "../workbook";
import { FilePick } from "./FilePick";
import { ReturnedFileList, useReturnedFiles } from "./ReturnedFiles";

const useStyles = makeStyles({
  // As wide as the pane allows and no wider: a long period name gives way to the chevron.
  choice: { minWidth: "0", maxWidth: "100%" },
});

/** What the step needs of the files: those read, and whether some are being read (nothing is made meanwhile). */
export interface PreviousFiles {
  reading: boolean;
  files: ReturnedWorkbook[];
}

interface PreviousPickProps {
  strings: PaneStrings;
  language: Language;
  workbook: PaneWorkbook;
  earlier: EarlierPeriods;
  /** The value shown (previousChoice.ts pickedKey): a period's key, or NO_PERIOD. */
  value: string;
  /** What the chosen period is for, under the choice. */
  hint: string;
  disabled: boolean;
  onPick: (key: string) => void;
  onFiles: (files: PreviousFiles) => void;
}

export function PreviousPick(props: PreviousPickProps) {
  const { strings: t, language, workbook, earlier, value, hint, disabled, onPick, onFiles } = props;
  const styles = useStepStyles();
  const own = useStyles();
  const files = useReturnedFiles(workbook, language, t);
  const reading = files.reading.status === "running";
  const latestOnFiles = useRef(onFiles);
  latestOnFiles.current = onFiles;
  useEffect(() => latestOnFiles.current({ reading, files: files.returned }), [reading, files.returned]);
  // Gone from the step: nothing of the files goes with the request.
  useEffect(() => () => latestOnFiles.current({ reading: false, files: [] }), []);

  const options = [...earlier.periods.map((p) => ({ value: periodKey(p), text: periodKey(p) }))];
  options.push({ value: NO_PERIOD, text: t.previousNone });
  const text = options.find((o) => o.value === value)?.text ?? t.previousNone;
  // With a period of the workbook chosen, only the files' sheets of that period are read (previousPeriods.ts).
  const chosen = value !== NO_PERIOD && earlier.periods.some((p) => periodKey(p) === value);
  return (
    <div className={styles.step}>
      {earlier.periods.length ? (
        <Field label={t.previousLabel} hint={hint}>
          <Dropdown
            className={own.choice}
            value={text}
            selectedOptions={[value]}
            disabled={disabled}
            onOptionSelect={(_, data) => data.optionValue !== undefined && onPick(data.optionValue)}
          >
            {options.map((o) => (
              <Option key={o.value} value={o.value} text={o.text}>
                {o.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <Text className={styles.wrappingLine}>{t.previousNoneHeld}</Text>
      )}
      <FilePick
        label={t.previousFiles}
        hint={t.previousFilesHint}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        disabled={disabled || reading}
        onFiles={(picked) => void files.readFiles(picked)}
      />
      <ReturnedFileList strings={t} files={files} disabled={disabled} />
      {chosen
        ? files.returned.map(({ file, grids }) => {
            const held = heldPeriods(grids).map(periodKey);
            return held.includes(value) ? null : (
              <Note key={file} intent="warning">
                {t.previousFileOtherPeriod(file, value, held)}
              </Note>
            );
          })
        : null}
    </div>
  );
}
