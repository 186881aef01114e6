/**
 * Koppla's view of the plan as the core reads it: the first rows of each part, and the goals as a tree. Loaded
 * after the rest of the step (Fluent's Tree is not needed to start using it).
 */
import {
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  tokens,
  type TreeItemValue,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Goal, KeyFigure, Plan } from "../../domain/model";
import type { PaneStrings } from "../../i18n/pane";
import { Clip, ScrollRegion, TableHead, useStepStyles } from "../ui";
import { appendTo } from "../../domain/collections";

/** How many rows of each part of the plan the view shows (the plan may have 20 000). */
export const ROWS_SHOWN = 5;

function PartTable({
  caption,
  shownOf,
  columns,
  rows,
  empty,
}: {
  caption: string;
  shownOf: string;
  columns: string[];
  rows: { key: string; cells: string[] }[];
  empty: string;
}) {
  const styles = useStepStyles();
  return (
    <ScrollRegion label={caption}>
      <Table size="extra-small" className={styles.table} aria-label={caption}>
        <caption className={styles.caption}>
          {caption} <span className={styles.muted}>{rows.length > 0 ? shownOf : empty}</span>
        </caption>
        {rows.length > 0 ? (
          <>
            <TableHead labels={columns} />
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  {row.cells.map((cell, i) => (
                    <TableCell key={i}>
                      <Clip text={cell} max={40} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </>
        ) : null}
      </Table>
    </ScrollRegion>
  );
}

const useTreeStyles = makeStyles({
  region: { maxHeight: "360px", overflowY: "auto" },
  level: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  name: { overflowWrap: "anywhere" },
});

/** The goals under each goal, and the nyckeltal on each, looked up once for the whole tree. */
interface GoalHierarchy {
  roots: Goal[];
  children: Map<string, Goal[]>;
  keyFigures: Map<string, KeyFigure[]>;
  /** Nyckeltal that hang on no goal of the plan. */
  looseKeyFigures: KeyFigure[];
}

function goalHierarchy(plan: Plan): GoalHierarchy {
  const ids = new Set(plan.goals.map((g) => g.id));
  const children = new Map<string, Goal[]>();
  const roots: Goal[] = [];
  for (const goal of plan.goals) {
    const parents = goal.parentIds.filter((id) => ids.has(id));
    if (parents.length === 0) roots.push(goal);
    // A goal linked to several goals above it stands under each of them, as the plan says.
    for (const id of parents) appendTo(children, id, goal);
  }
  const keyFigures = new Map<string, KeyFigure[]>();
  const looseKeyFigures: KeyFigure[] = [];
  for (const figure of plan.keyFigures) {
    if (figure.goalId !== null && ids.has(figure.goalId)) appendTo(keyFigures, figure.goalId, figure);
    else looseKeyFigures.push(figure);
  }
  return { roots, children, keyFigures, looseKeyFigures };
}

/**
 * The goal hierarchy as a tree, each goal with its level as the plan names it and its nyckeltal under it. A branch's
 * items are made only when it is opened: a plan may hold thousands of goals.
 */
function GoalTree({ strings: t, plan }: { strings: PaneStrings; plan: Plan }) {
  const styles = useTreeStyles();
  const step = useStepStyles();
  const hierarchy = useMemo(() => goalHierarchy(plan), [plan]);
  const levelLabel = new Map(plan.levels.map((l) => [l.id, t.levelName(l)]));
  const [open, setOpen] = useState<Set<TreeItemValue>>(new Set());

  const keyFigureItem = (figure: KeyFigure, path: string) => (
    <TreeItem key={`${path}/${figure.id}`} itemType="leaf" value={`${path}/${figure.id}`}>
      <TreeItemLayout>
        <span className={styles.level}>{t.keyFigureLevel}</span>{" "}
        <span className={styles.name}>{figure.koladaId ? `${figure.name} (${figure.koladaId})` : figure.name}</span>
      </TreeItemLayout>
    </TreeItem>
  );
  const goalItem = (goal: Goal, path: string, above: Set<string>) => {
    const value = `${path}/${goal.id}`;
    // The resolver breaks cycles, but a tree must never follow one even so.
    const below = above.has(goal.id) ? [] : (hierarchy.children.get(goal.id) ?? []);
    const figures = hierarchy.keyFigures.get(goal.id) ?? [];
    const branch = below.length + figures.length > 0;
    return (
      <TreeItem key={value} itemType={branch ? "branch" : "leaf"} value={value}>
        <TreeItemLayout>
          <span className={styles.level}>{levelLabel.get(goal.level) ?? goal.level}</span>{" "}
          <span className={styles.name}>{goal.name}</span>
        </TreeItemLayout>
        {branch && open.has(value) ? (
          <Tree>
            {below.map((child) => goalItem(child, value, new Set([...above, goal.id])))}
            {figures.map((figure) => keyFigureItem(figure, value))}
          </Tree>
        ) : null}
      </TreeItem>
    );
  };

  return (
    <div>
      <h3 className={step.subheading}>{t.goalTreeCaption}</h3>
      <Text size={200} className={step.muted}>
        {plan.goals.length + plan.keyFigures.length > 0
          ? t.goalTreeCounts(plan.goals.length, plan.keyFigures.length)
          : t.planPartEmpty}
      </Text>
      {plan.goals.length + plan.keyFigures.length > 0 ? (
        <ScrollRegion label={t.goalTreeCaption} className={styles.region}>
          <Tree
            aria-label={t.goalTreeCaption}
            size="small"
            openItems={open}
            onOpenChange={(_, data) => setOpen(new Set(data.openItems))}
          >
            {hierarchy.roots.map((goal) => goalItem(goal, "", new Set()))}
            {hierarchy.looseKeyFigures.map((figure) => keyFigureItem(figure, ""))}
          </Tree>
        </ScrollRegion>
      ) : null}
    </div>
  );
}

/** The first rows of each part of the plan, as the core read them: names resolved, amounts in tkr; goals as a tree. */
export function PlanAsRead({ strings: t, plan }: { strings: PaneStrings; plan: Plan }) {
  const styles = useStepStyles();
  const first = <T,>(items: T[]) => items.slice(0, ROWS_SHOWN);
  const shown = (total: number) => t.planRowsShown(Math.min(ROWS_SHOWN, total), total);
  return (
    <section aria-labelledby="plan-as-read" className={styles.step}>
      <h2 id="plan-as-read" className={styles.heading}>
        {t.planAsReadHeading}
      </h2>
      <PartTable
        caption={t.planParts.committees}
        shownOf={shown(plan.committees.length)}
        empty={t.planPartEmpty}
        columns={[t.colCode, t.colName]}
        rows={first(plan.committees).map((c) => ({ key: c.code, cells: [c.code, c.name ?? "–"] }))}
      />
      <GoalTree strings={t} plan={plan} />
      <PartTable
        caption={t.planParts.assignments}
        shownOf={shown(plan.assignments.length)}
        empty={t.planPartEmpty}
        columns={[t.colTitle, t.colCommittees, t.colYear]}
        rows={first(plan.assignments).map((a) => ({
          key: a.id,
          cells: [a.title, a.committees.join(", ") || "–", a.year === null ? "–" : String(a.year)],
        }))}
      />
      <PartTable
        caption={t.planParts.adjustments}
        shownOf={shown(plan.adjustments.length)}
        empty={t.planPartEmpty}
        columns={[t.colCommittee, t.colYear, t.colAmount, t.colDuration]}
        rows={first(plan.adjustments).map((a) => ({
          key: a.id,
          cells: [
            a.committee,
            a.year === null ? "–" : String(a.year),
            t.amount(a.amountOre),
            t.durations[a.duration ?? "none"],
          ],
        }))}
      />
    </section>
  );
}
