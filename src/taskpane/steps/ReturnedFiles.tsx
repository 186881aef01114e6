/**
 * Returned workbooks picked in a step and read in the pane: Sammanställ's answers of this period, and the files of
 * the earlier period it is compared with (PreviousPick). A file picked again replaces the one read before.
 */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Language } from "../../i18n/findings";
import type { PaneStrings } from "../../i18n/pane";
import { fileProblemText } from "../hostMessages";
import { Busy, ErrorBar, useStepStyles } from "../ui";
import { useTask } from "../useTask";
import type { PaneWorkbook, ReturnedWorkbook } from "../workbook";

export function useReturnedFiles(workbook: PaneWorkbook, language: Language, t: PaneStrings) {
  const [returned, setReturned] = useState<ReturnedWorkbook[]>([]);
  const [problems, setProblems] = useState<{ file: string; message: string }[]>([]);
  const [reading, readFiles] = useTask(async (files: File[]) => {
    const read = await workbook.readFiles(files);
    // Said now, in the pane's language: the words for file problems load on first need (hostMessages.tsx).
    setProblems(
      await Promise.all(
        read.problems.map(async (p) => ({ file: p.file, message: await fileProblemText(p.problem, language) })),
      ),
    );
    setReturned((before) => [
      ...before.filter((w) => !read.workbooks.some((r) => r.file === w.file)),
      ...read.workbooks,
    ]);
  }, t);
  const remove = (file: string) => setReturned((before) => before.filter((w) => w.file !== file));
  return { returned, problems, reading, readFiles, remove };
}

/** While the files are read, what could not be read, and the files read, each with a button that removes it. */
export function ReturnedFileList({
  strings: t,
  files,
  disabled,
}: {
  strings: PaneStrings;
  files: ReturnType<typeof useReturnedFiles>;
  disabled: boolean;
}) {
  const styles = useStepStyles();
  const { returned, problems, reading, remove } = files;
  return (
    <>
      {reading.status === "running" ? <Busy label={t.readingFiles} /> : null}
      {reading.status === "error" ? <ErrorBar message={reading.message} /> : null}
      {problems.map((p) => (
        <ErrorBar key={p.file} message={p.message} />
      ))}
      {returned.length > 0 ? (
        <div>
          <Text>{t.filesRead(returned.length)}</Text>
          <ul className={styles.list}>
            {returned.map((w) => (
              <li key={w.file}>
                {w.file}{" "}
                <Button
                  size="small"
                  appearance="transparent"
                  aria-label={t.removeFile(w.file)}
                  disabled={disabled}
                  onClick={() => remove(w.file)}
                >
                  {t.remove}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
