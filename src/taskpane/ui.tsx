/** Small pieces every step uses: progress with a text, messages, a table's header row. */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export const useStepStyles = makeStyles({
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "end",
  },
  table: { width: "100%", tableLayout: "auto", overflowWrap: "break-word" },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalXS },
  scroll: { overflowX: "auto" },
  muted: { color: tokens.colorNeutralForeground3 },
  line: { display: "block", whiteSpace: "nowrap" },
  dropdown: { minWidth: "0", width: "100%" },
  small: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** A long operation under way: a spinner with what it is doing, announced politely. */
export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" labelPosition="after" label={label} aria-live="polite" />;
}

export function ErrorBar({ message, title }: { message: string; title?: string }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Note({
  intent,
  children,
  title,
}: {
  intent: "success" | "info" | "warning";
  children: ReactNode;
  title?: string;
}) {
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Long plan texts in a narrow pane: the first `max` characters, the whole text on hover. */
export function Clip({ text, max = 70 }: { text: string; max?: number }) {
  return text.length > max ? <span title={text}>{`${text.slice(0, max - 1).trimEnd()}…`}</span> : <>{text}</>;
}

/** A table's header row, one cell per label. */
export function TableHead({ labels }: { labels: string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {labels.map((label) => (
          <TableHeaderCell key={label}>{label}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
