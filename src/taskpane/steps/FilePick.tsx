/**
 * A file pick in the pane's words: a button of its own (not the browser's file field, whose text is in the browser's
 * language) opening a hidden file input, with a hint under it. Sammanställ picks returned workbooks with it, Skapa a
 * ledger export.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useRef } from "react";
import { useStepStyles } from "../ui";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  choose: { alignSelf: "start" },
  // A hint may hold an address (Kolada's) longer than the pane is wide: it breaks rather than scrolls the pane.
  hint: { overflowWrap: "anywhere" },
});

interface FilePickProps {
  label: string;
  hint: string;
  /** The input's accept list: extensions and media types. */
  accept: string;
  multiple?: boolean;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}

export function FilePick({ label, hint, accept, multiple = false, disabled, onFiles }: FilePickProps) {
  const styles = useStepStyles();
  const own = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <div className={own.field}>
      <Button
        className={own.choose}
        aria-describedby={hintId}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <Text id={hintId} size={200} className={mergeClasses(styles.muted, own.hint)}>
        {hint}
      </Text>
      <input
        ref={input}
        hidden
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Emptied, so that picking the same file again is a change again.
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
