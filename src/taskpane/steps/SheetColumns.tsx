/**
 * Koppla's detail per table sheet: the header row and what each column is read as, correctable. Corrections are
 * collected by the caller and saved with the mapping (SheetMapping.headerRow and .columns).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Dropdown,
  Field,
  Input,
  Option,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import { FIELDS } from "../../domain/mapping";
import type { FieldName } from "../../domain/raw";
import type { PaneStrings } from "../../i18n/pane";
import { TableHead, useStepStyles } from "../ui";
import type { CorrectionListener, PaneValidation, SheetCorrection } from "../workbook";

interface SheetColumnsProps {
  strings: PaneStrings;
  sheets: PaneValidation["sheets"];
  corrections: Record<string, SheetCorrection>;
  onChange: CorrectionListener;
  disabled: boolean;
}

export function SheetColumns({ strings: t, sheets, corrections, onChange, disabled }: SheetColumnsProps) {
  const styles = useStepStyles();
  // What is typed in each header-row field, which may be briefly empty or invalid while typing.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const tables = sheets.filter((entry) => entry.layout === "table" && entry.columns);
  if (tables.length === 0) return null;
  return (
    <Accordion collapsible multiple aria-label={t.columnsCaption}>
      {tables.map((entry) => {
        const correction = corrections[entry.sheet] ?? {};
        const headerRow = correction.headerRow ?? entry.headerRow ?? 1;
        const text = typed[entry.sheet] ?? String(headerRow);
        const valid = /^\d+$/.test(text) && Number(text) >= 1;
        return (
          <AccordionItem key={entry.sheet} value={entry.sheet}>
            <AccordionHeader size="small">{t.columnsFor(entry.sheet)}</AccordionHeader>
            <AccordionPanel>
              <Field
                label={t.headerRowLabel(entry.sheet)}
                hint={t.headerRowHint}
                validationMessage={valid ? undefined : t.headerRowInvalid}
              >
                <Input
                  type="number"
                  min={1}
                  value={text}
                  disabled={disabled}
                  onChange={(_, data) => {
                    setTyped((before) => ({ ...before, [entry.sheet]: data.value }));
                    if (/^\d+$/.test(data.value) && Number(data.value) >= 1) {
                      onChange(entry.sheet, { ...correction, headerRow: Number(data.value) });
                    }
                  }}
                />
              </Field>
              <Table size="extra-small" className={styles.table} aria-label={t.columnsFor(entry.sheet)}>
                <TableHead labels={[t.colColumn, t.colHeader, t.colReadAs]} />
                <TableBody>
                  {(entry.columns ?? []).map((column) => {
                    const field = correction.columns?.[column.column] ?? column.field;
                    return (
                      <TableRow key={column.column}>
                        <TableCell>{column.column}</TableCell>
                        <TableCell>{column.header}</TableCell>
                        <TableCell>
                          <Dropdown
                            size="small"
                            aria-label={t.columnReadAsLabel(entry.sheet, column.column)}
                            value={field ? t.fields[field] : t.fieldNotRead}
                            selectedOptions={field ? [field] : []}
                            disabled={disabled}
                            onOptionSelect={(_, data) => {
                              const chosen = data.optionValue as FieldName | undefined;
                              if (!chosen) return;
                              const columns = { ...correction.columns, [column.column]: chosen };
                              onChange(entry.sheet, { ...correction, columns });
                            }}
                          >
                            {(FIELDS as FieldName[]).map((name) => (
                              <Option key={name} value={name}>
                                {t.fields[name]}
                              </Option>
                            ))}
                          </Dropdown>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
