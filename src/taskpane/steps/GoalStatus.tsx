/**
 * After Sammanställ: Måluppfyllelse down the goal tree (each goal above the nämnder with its overall assessment, and
 * opened, each nämnd's), and the button that makes the chapter in Word. A status is its colour and its words, never
 * the colour alone.
 */
import {
  Button,
  Link,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  mergeClasses,
  tokens,
  type TreeItemValue,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { GoalTreeCommittee, GoalTreeGoal, GoalTreeView, StatusMark } from "../../domain/followup/goalTree";
import type { Language } from "../../i18n/findings";
import { GOAL_REPORT_WORDS } from "../../i18n/goalReport";
import type { PaneStrings } from "../../i18n/pane";
import { Busy, ErrorBar, Note, ScrollRegion, useStepStyles } from "../ui";
import { useTask } from "../useTask";
import type { PaneWorkbook } from "../workbook";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  region: { maxHeight: "420px", overflowY: "auto" },
  level: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  name: { display: "block", overflowWrap: "anywhere" },
  status: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
  dot: {
    flexShrink: 0,
    width: "12px",
    height: "12px",
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    // The scale's colour is the point of the dot: kept in forced colours, outlined in the system's text colour.
    "@media (forced-colors: active)": { forcedColorAdjust: "none", border: "1px solid CanvasText" },
  },
  none: { backgroundColor: "transparent", border: `1px dashed ${tokens.colorNeutralStroke1}` },
});

/** A status as its colour (a dot) and its words. */
function Status({ mark, text }: { mark: StatusMark | null; text: string }) {
  const styles = useStyles();
  return (
    <span className={styles.status}>
      <span
        aria-hidden="true"
        className={mark ? styles.dot : mergeClasses(styles.dot, styles.none)}
        style={mark ? { backgroundColor: `#${mark.color}` } : undefined}
      />
      <span>{text}</span>
    </span>
  );
}

/** Each goal's index and the goals directly under it, from the depth-first list. */
function childrenOf(goals: GoalTreeGoal[]): Map<number, number[]> {
  const children = new Map<number, number[]>();
  const open: number[] = [];
  goals.forEach((goal, i) => {
    while (open.length > 0 && goals[open[open.length - 1]].depth >= goal.depth) open.pop();
    const parent = open[open.length - 1];
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), i]);
    open.push(i);
  });
  return children;
}

export function GoalStatusTree({
  strings: t,
  language,
  tree,
}: {
  strings: PaneStrings;
  language: Language;
  tree: GoalTreeView;
}) {
  const styles = useStyles();
  const step = useStepStyles();
  const children = useMemo(() => childrenOf(tree.goals), [tree]);
  const levels = new Map(tree.levels.map((l) => [l.id, t.levelName(l)]));
  const [open, setOpen] = useState<Set<TreeItemValue>>(new Set());
  const words = GOAL_REPORT_WORDS[language];
  const committeeText = (c: GoalTreeCommittee) =>
    `${c.name ? `${c.code} ${c.name}` : c.code}: ${
      c.status ? c.status.label : c.answered ? t.notAssessed : t.notReceived
    }`;

  const goalItem = (goal: GoalTreeGoal, i: number) => {
    const value = goal.id;
    const below = children.get(i) ?? [];
    const branch = below.length + goal.committees.length > 0;
    return (
      <TreeItem key={value} itemType={branch ? "branch" : "leaf"} value={value}>
        <TreeItemLayout>
          <span className={styles.level}>{levels.get(goal.level) ?? goal.level}</span>
          <span className={styles.name}>{goal.name}</span>
          <Status mark={goal.overall} text={goal.overall?.label ?? t.noOverall} />
        </TreeItemLayout>
        {branch && open.has(value) ? (
          <Tree>
            {below.map((j) => goalItem(tree.goals[j], j))}
            {goal.committees.map((c) => (
              <TreeItem key={`${value}/${c.code}`} itemType="leaf" value={`${value}/${c.code}`}>
                <TreeItemLayout>
                  <Status mark={c.status} text={committeeText(c)} />
                </TreeItemLayout>
              </TreeItem>
            ))}
          </Tree>
        ) : null}
      </TreeItem>
    );
  };

  return (
    <section aria-labelledby="goal-status-heading" className={step.step}>
      <h2 id="goal-status-heading" className={step.heading}>
        {t.goalStatusHeading}
      </h2>
      {tree.goals.length === 0 ? (
        <Text>{t.noGoalsAbove}</Text>
      ) : (
        <>
          <Text size={200} className={step.muted}>
            {`${words.ruleLine(words.rules[tree.rule](tree.strongest))} ${t.goalStatusHint}`}
          </Text>
          <ScrollRegion label={t.goalStatusTree} className={styles.region}>
            <Tree
              aria-label={t.goalStatusTree}
              size="small"
              openItems={open}
              onOpenChange={(_, data) => setOpen(new Set(data.openItems))}
            >
              {tree.goals.map((goal, i) => (goal.depth === 0 ? goalItem(goal, i) : null))}
            </Tree>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

/** Saves bytes as a file: a Blob behind a link with `download`, clicked. Nothing leaves the pane. */
function saveFile(url: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** "Skapa kapitel i Word": the last consolidate's chapter, built on demand and saved. */
export function ChapterButton({ strings: t, workbook }: { strings: PaneStrings; workbook: PaneWorkbook }) {
  const step = useStepStyles();
  const [saved, setSaved] = useState<{ url: string; fileName: string } | null>(null);
  const [building, build] = useTask(async () => {
    const file = await workbook.chapterDocx();
    const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: DOCX_TYPE }));
    saveFile(url, file.fileName);
    setSaved({ url, fileName: file.fileName });
  }, t);
  useEffect(() => (saved ? () => URL.revokeObjectURL(saved.url) : undefined), [saved]);
  return (
    <div className={step.step}>
      <div className={step.row}>
        <Button disabled={building.status === "running"} onClick={() => void build()}>
          {t.chapter}
        </Button>
        {building.status === "running" ? <Busy label={t.chapterBuilding} /> : null}
      </div>
      <Text size={200} className={step.muted}>
        {t.chapterHint}
      </Text>
      {building.status === "error" ? <ErrorBar title={t.chapterFailed} message={building.message} /> : null}
      {building.status === "done" && saved ? (
        <Note intent="success">
          {t.chapterSaved(saved.fileName)}
          <div className={step.wrappingLine}>
            <Link href={saved.url} download={saved.fileName}>
              {t.chapterSaveAgain(saved.fileName)}
            </Link>
          </div>
        </Note>
      ) : null}
    </div>
  );
}
