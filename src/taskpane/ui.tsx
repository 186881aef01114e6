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
  mergeClasses,
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
  // A line that must never run past the pane, such as a link named for a file: broken anywhere when it has to be.
  wrappingLine: { display: "block", overflowWrap: "anywhere" },
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

/** A list of cells to go to (findings, cells not read): a subtle button per entry, its cell first. */
export const useCellListStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  items: { listStyleType: "none", margin: 0, padding: 0 },
  entry: {
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    width: "100%",
    minWidth: 0,
  },
  cell: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS, whiteSpace: "nowrap" },
});

/** A long operation under way: a spinner with what it is doing, announced politely. */
export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" labelPosition="after" label={label} aria-live="polite" />;
}

const useMessageStyles = makeStyles({
  // Fluent sets the title inline before the body; on a line of its own it cannot read as the body's first words.
  title: { display: "block", marginBlockEnd: tokens.spacingVerticalXS },
});

/** A message's title on its own line, then its body. */
function MessageContent({ title, children }: { title?: string; children: ReactNode }) {
  const styles = useMessageStyles();
  return (
    <MessageBarBody>
      {title ? <MessageBarTitle className={styles.title}>{title}</MessageBarTitle> : null}
      <div>{children}</div>
    </MessageBarBody>
  );
}

export function ErrorBar({ message, title }: { message: string; title?: string }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageContent title={title}>{message}</MessageContent>
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
    <MessageBar intent={intent} role="status" layout="multiline">
      <MessageContent title={title}>{children}</MessageContent>
    </MessageBar>
  );
}

/**
 * A region that scrolls (a wide table, a long tree): focusable, so that a keyboard user can scroll it too, and named
 * for a screen reader (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const styles = useStepStyles();
  return (
    <div role="region" aria-label={label} tabIndex={0} className={mergeClasses(styles.scroll, className)}>
      {children}
    </div>
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
