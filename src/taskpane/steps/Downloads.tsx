/** Skapa's exported workbooks, to save: all in one .zip, or one nämnd's at a time. */
import { Link } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { PaneStrings } from "../../i18n/pane";
import { Note, useStepStyles } from "../ui";
import type { FilesWritten } from "../workbook";

/** Links that save the exported workbooks: all in one .zip, or one nämnd's at a time. */
export function Downloads({ strings: t, written }: { strings: PaneStrings; written: FilesWritten }) {
  const styles = useStepStyles();
  const [urls, setUrls] = useState<{ zip: string; files: string[] } | null>(null);
  useEffect(() => {
    const url = (data: Uint8Array, type: string) => URL.createObjectURL(new Blob([data as BlobPart], { type }));
    const made = {
      zip: url(written.zip.data, "application/zip"),
      files: written.files.map((f) => url(f.data, XLSX_TYPE)),
    };
    setUrls(made);
    return () => [made.zip, ...made.files].forEach((u) => URL.revokeObjectURL(u));
  }, [written]);
  if (!urls) return null;
  return (
    <Note intent="success" title={t.exported(written.files.length)}>
      {t.exportedDetail}
      <div className={styles.wrappingLine}>
        <Link href={urls.zip} download={written.zip.fileName}>
          {t.downloadAll(written.zip.fileName)}
        </Link>
      </div>
      {written.files.map((file, i) => (
        <div key={file.fileName} className={styles.wrappingLine}>
          <Link href={urls.files[i]} download={file.fileName}>
            {file.fileName}
          </Link>
        </div>
      ))}
    </Note>
  );
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
