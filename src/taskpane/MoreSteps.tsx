/**
 * The menu of the step tabs that did not fit (StepTabs). Its own chunk: Fluent's Menu is loaded when the "more steps"
 * button is first used, not when the pane starts.
 */
import {
  Button,
  type ButtonProps,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
} from "@fluentui/react-components";
import type { PaneStrings } from "../i18n/pane";
import { STEPS, type Step } from "./launch";

export interface MoreStepsMenuProps {
  strings: PaneStrings;
  show: (step: Step) => void;
  /** The "more steps" button as StepTabs draws it before the menu is loaded. */
  button: ButtonProps;
  open: boolean;
  setOpen: (open: boolean) => void;
}

export function MoreStepsMenu({ strings, show, button, open, setOpen }: MoreStepsMenuProps) {
  return (
    <Menu open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <MenuTrigger disableButtonEnhancement>
        <Button {...button} />
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
