import { Select, makeStyles } from "@fluentui/react-components";
import type { FitOption } from "./FitDropdown";

const useStyles = makeStyles({
  root: { minWidth: "0", width: "100%", maxWidth: "100%" },
  // The text gives way to the chevron; the whole choice is in the title.
  select: { minWidth: "0", textOverflow: "ellipsis" },
});

/**
 * A choice that fits its cell in a narrow pane, as the browser's own select: it opens without a popup layer of the
 * pane's (nothing to lie over the pane), needs none of the dropdown's code to be usable, and long texts end in "…"
 * with the whole text on hover.
 */
export function FitSelect({
  label,
  selected,
  options,
  onSelect,
  disabled,
}: {
  label: string;
  selected: string;
  options: FitOption[];
  onSelect: (value: string) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const text = options.find((option) => option.value === selected)?.text ?? "";
  return (
    <Select
      size="small"
      className={styles.root}
      select={{ className: styles.select, title: text, "aria-label": label }}
      value={selected}
      disabled={disabled}
      onChange={(_, data) => onSelect(data.value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.text}
        </option>
      ))}
    </Select>
  );
}
