import { Field } from "@fluentui/react-components";
import type { PaneStrings } from "../../i18n/pane";
import { FitSelect } from "./FitSelect";

/**
 * Whether the plan's "Ram föregående år" already holds last year's tillfälliga ramjusteringar: asked where the ram
 * blocks do not show it (the finding ram-previous-unclear) or an answer is saved, and saved with the mapping.
 */
export function PreviousRamChoice({
  strings: t,
  holds,
  onChange,
  disabled,
}: {
  strings: PaneStrings;
  holds: boolean;
  onChange: (holds: boolean) => void;
  disabled: boolean;
}) {
  return (
    <Field label={t.previousRamLabel} hint={t.previousRamHint} size="small">
      <FitSelect
        label={t.previousRamLabel}
        selected={holds ? "yes" : "no"}
        options={(["yes", "no"] as const).map((value) => ({ value, text: t.previousRamChoices[value] }))}
        disabled={disabled}
        onSelect={(value) => onChange(value === "yes")}
      />
    </Field>
  );
}
