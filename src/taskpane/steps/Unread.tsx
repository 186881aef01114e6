/**
 * "Ej läst" in Koppla: per sheet, what the workbook holds that is not part of the plan, and why (a column no field
 * takes, a totals row, a sheet not read …). Each entry goes to its cells, so a user can map what was meant as plan.
 */
import { Button, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { UnreadCell } from "../../domain/unread";
import type { PaneStrings } from "../../i18n/pane";
import { ErrorBar, useCellListStyles, useStepStyles } from "../ui";
import { errorMessage } from "../useTask";
import type { PaneWorkbook } from "../workbook";
import { appendTo } from "../../domain/collections";

/** Entries shown per sheet; the rest are counted (a pasted document may pass over hundreds of lines). */
export const UNREAD_PER_SHEET = 10;

const useStyles = makeStyles({
  text: { overflowWrap: "anywhere" },
});

interface UnreadProps {
  strings: PaneStrings;
  unread: UnreadCell[];
  goToCell: PaneWorkbook["goToCell"];
}

export function Unread({ strings: t, unread, goToCell }: UnreadProps) {
  const styles = useStepStyles();
  const own = useStyles();
  const list = useCellListStyles();
  const [goError, setGoError] = useState<string | null>(null);
  if (unread.length === 0) return null;
  const bySheet = new Map<string, UnreadCell[]>();
  for (const entry of unread) appendTo(bySheet, entry.sheet, entry);
  const cells = (entries: UnreadCell[]) => entries.reduce((sum, entry) => sum + entry.cells, 0);
  const go = (entry: UnreadCell) => {
    setGoError(null);
    goToCell(entry.sheet, entry.cell).catch((e: unknown) => errorMessage(e, t).then(setGoError));
  };
  return (
    <section className={list.group} aria-labelledby="unread-heading">
      <h2 id="unread-heading" className={styles.heading}>
        {t.unreadHeading(cells(unread))}
      </h2>
      <span className={styles.muted}>{t.unreadIntro}</span>
      {goError ? <ErrorBar message={goError} title={t.goToFailed} /> : null}
      {[...bySheet].map(([sheet, entries]) => (
        <div key={sheet} className={list.group}>
          <h3 className={styles.subheading}>{t.unreadSheet(sheet, cells(entries))}</h3>
          <ul className={list.items}>
            {entries.slice(0, UNREAD_PER_SHEET).map((entry) => (
              <li key={entry.cell}>
                <Button appearance="subtle" className={list.entry} onClick={() => go(entry)}>
                  <span className={own.text}>
                    <span className={list.cell}>{entry.cell}</span>
                    {`${t.unreadReasons[entry.reason]}: ${entry.text}`}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
          {entries.length > UNREAD_PER_SHEET ? (
            <span className={styles.muted}>{t.unreadMore(entries.length - UNREAD_PER_SHEET)}</span>
          ) : null}
        </div>
      ))}
    </section>
  );
}
