import { Dropdown, Option, makeStyles } from "@fluentui/react-components";

const useFitStyles = makeStyles({
  root: { minWidth: "0", width: "100%", maxWidth: "100%" },
  // The text gives way to the chevron, never the other way round; the whole text is in its title.
  text: { minWidth: "0", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export interface FitOption {
  value: string;
  text: string;
}

/**
 * A dropdown that fits its cell in a narrow pane: as wide as the cell allows and no wider, long texts cut with "…"
 * and shown whole on hover.
 */
export function FitDropdown({
  label,
  text,
  selected,
  options,
  onSelect,
  disabled,
}: {
  label: string;
  /** What the closed dropdown shows. */
  text: string;
  selected: string | null;
  options: FitOption[];
  onSelect: (value: string) => void;
  disabled?: boolean;
}) {
  const styles = useFitStyles();
  return (
    <Dropdown
      size="small"
      className={styles.root}
      aria-label={label}
      value={text}
      button={{
        title: text,
        children: <span className={styles.text}>{text}</span>,
      }}
      selectedOptions={selected === null ? [] : [selected]}
      disabled={disabled}
      onOptionSelect={(_, data) => data.optionValue !== undefined && onSelect(data.optionValue)}
    >
      {options.map((option) => (
        <Option key={option.value} value={option.value} text={option.text} title={option.text}>
          <span className={styles.text}>{option.text}</span>
        </Option>
      ))}
    </Dropdown>
  );
}
