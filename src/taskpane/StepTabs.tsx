/**
 * The row of step tabs. It stays one row at any pane width: tabs that do not fit move into a "more" menu at the end
 * of the row, as Office's own panes do, and the selected tab is the last to move.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
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

/** The menu of the tabs that did not fit; nothing while all fit. */
function MoreSteps({ strings, show }: Omit<StepTabsProps, "step">) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          icon={<MoreHorizontalRegular />}
          aria-label={strings.moreSteps(overflowCount)}
          title={strings.moreSteps(overflowCount)}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {STEPS.map((s) => (
            <HiddenStep key={s} step={s} label={strings.tabs[s]} show={show} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenStep({ step, label, show }: { step: Step; label: string; show: (step: Step) => void }) {
  if (useIsOverflowItemVisible(step)) return null;
  return <MenuItem onClick={() => show(step)}>{label}</MenuItem>;
}
