/**
 * The row of step tabs. It stays one row at any pane width: tabs that do not fit move into a "more" menu at the end
 * of the row, as Office's own panes do, and the selected tab is the last to move.
 */
import {
  Button,
  type ButtonProps,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { Suspense, lazy, useState } from "react";
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
  menu: { display: "inline-flex", flexShrink: 0 },
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

/**
 * The "more steps" button, with the tabs that did not fit in its menu; nothing while all fit. Until first used it is
 * a plain button, and Fluent's Menu loads with the first click (or Enter), opening at once.
 */
function MoreSteps({ strings, show }: Omit<StepTabsProps, "step">) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLSpanElement>();
  const [used, setUsed] = useState(false);
  const [open, setOpen] = useState(false);
  if (!isOverflowing) return null;
  const button: ButtonProps = {
    appearance: "transparent",
    icon: <MoreHorizontalRegular />,
    "aria-label": strings.moreSteps(overflowCount),
    title: strings.moreSteps(overflowCount),
    "aria-haspopup": "menu",
  };
  const first = (
    <Button
      {...button}
      aria-expanded={false}
      onClick={() => {
        setUsed(true);
        setOpen(true);
      }}
    />
  );
  // The overflow measures this wrapper, which is as wide as the button whichever of the two is in it.
  return (
    <span ref={ref} className={styles.menu}>
      {used ? (
        <Suspense fallback={first}>
          <MoreStepsMenu strings={strings} show={show} button={button} open={open} setOpen={setOpen} />
        </Suspense>
      ) : (
        first
      )}
    </span>
  );
}
