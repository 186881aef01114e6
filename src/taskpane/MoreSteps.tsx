/**
 * The menu of the step tabs that did not fit (StepTabs). Its own chunk: Fluent's Menu is loaded only when a tab
 * overflows, after the pane can be used.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { PaneStrings } from "../i18n/pane";
import { STEPS, type Step } from "./launch";

export interface MoreStepsMenuProps {
  strings: PaneStrings;
  show: (step: Step) => void;
  overflowCount: number;
}

export function MoreStepsMenu({ strings, show, overflowCount }: MoreStepsMenuProps) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
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
