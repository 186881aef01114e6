/**
 * The row of step tabs. It stays one row at any pane width: tabs that do not fit move into a "more" menu at the end
 * of the row, as Office's own panes do, and the selected tab is the last to move.
 */
import { Overflow, OverflowItem, Tab, TabList, makeStyles, tokens, useOverflowMenu } from "@fluentui/react-components";
import { Suspense, lazy } from "react";
import type { PaneStrings } from "../i18n/pane";
import { STEPS, type Step } from "./launch";

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "center",
    marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`,
    minWidth: 0,
    overflow: "hidden",
  },
  // The size of Fluent's icon-only button (medium).
  menu: { display: "inline-flex", flexShrink: 0, minWidth: "32px", minHeight: "32px" },
});

interface StepTabsProps {
  strings: PaneStrings;
  step: Step;
  show: (step: Step) => void;
}

export function StepTabs({ strings, step, show }: StepTabsProps) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1} padding={0}>
      {/* The menu button stands beside the tab list, not in it: a tablist may hold only tabs. */}
      <div className={styles.row}>
        <TabList
          selectedValue={step}
          onTabSelect={(_, data) => show(data.value as Step)}
          aria-label={strings.steps}
          size="small"
        >
          {STEPS.map((s) => (
            <OverflowItem key={s} id={s} priority={s === step ? 2 : 1}>
              <Tab value={s} id={`tab-${s}`} aria-controls={`panel-${s}`}>
                {strings.tabs[s]}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreSteps strings={strings} show={show} />
      </div>
    </Overflow>
  );
}

const MoreStepsMenu = lazy(() =>
  import(/* webpackChunkName: "more-steps" */ "./MoreSteps").then((m) => ({ default: m.MoreStepsMenu })),
);

/** The menu of the tabs that did not fit; nothing while all fit. */
function MoreSteps({ strings, show }: Omit<StepTabsProps, "step">) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLSpanElement>();
  if (!isOverflowing) return null;
  // The overflow measures this wrapper, which holds the button's place while the menu's chunk loads.
  return (
    <span ref={ref} className={styles.menu}>
      <Suspense fallback={null}>
        <MoreStepsMenu strings={strings} show={show} overflowCount={overflowCount} />
      </Suspense>
    </span>
  );
}
