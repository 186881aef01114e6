/**
 * Koppla's detail per table sheet: the header row and what each column is read as, correctable. Corrections are
 * collected by the caller and saved with the mapping (SheetMapping.headerRow and .columns).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import { type ColumnMapping, FIELDS_BY_KIND, type SheetCorrection, type SheetKind } from "../../domain/mapping";
import { type RowKind, isRowKind } from "../../domain/raw";
import type { PaneStrings } from "../../i18n/pane";
import { TableHead, useStepStyles } from "../ui";
import { FitDropdown } from "./FitDropdown";
import type { CorrectionListener, PaneValidation } from "../workbook";

/** What a column can be read as: nothing, or one of the fields its sheet's kind has. */
function columnChoices(t: PaneStrings, kind: RowKind) {
  return [
    { value: "ignore", text: t.doNotRead },
    ...FIELDS_BY_KIND[kind].map((field) => ({ value: field, text: t.fields[field] })),
  ];
}

interface SheetColumnsProps {
  strings: PaneStrings;
  sheets: PaneValidation["sheets"];
  /** Each sheet's kind as Koppla shows it now (chosen, saved or detected): it decides which fields are offered. */
  kinds: Record<string, SheetKind>;
  corrections: Record<string, SheetCorrection>;
  onChange: CorrectionListener;
  disabled: boolean;
}

export function SheetColumns({ strings: t, sheets, kinds, corrections, onChange, disabled }: SheetColumnsProps) {
  const styles = useStepStyles();
  // What is typed in each header-row field, which may be briefly empty or invalid while typing.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const tables = sheets.filter((entry) => entry.layout === "table" && entry.columns && isRowKind(kinds[entry.sheet]));
  if (tables.length === 0) return null;
  return (
    <Accordion collapsible multiple aria-label={t.columnsCaption}>
      {tables.map((entry) => {
        const correction = corrections[entry.sheet] ?? {};
        const headerRow = correction.headerRow ?? entry.headerRow ?? 1;
        const text = typed[entry.sheet] ?? String(headerRow);
        const valid = /^\d+$/.test(text) && Number(text) >= 1;
        const choices = columnChoices(t, kinds[entry.sheet] as RowKind);
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
                          <FitDropdown
                            label={t.columnReadAsLabel(entry.sheet, column.column)}
                            text={field && field !== "ignore" ? t.fields[field] : t.fieldNotRead}
                            selected={field ?? null}
                            options={choices}
                            disabled={disabled}
                            onSelect={(chosen) => {
                              const columns = { ...correction.columns, [column.column]: chosen as ColumnMapping };
                              onChange(entry.sheet, { ...correction, columns });
                            }}
                          />
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
