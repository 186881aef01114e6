/**
 * Coercion: how Excel reads a string written through `values` into a cell not formatted as text.
 */
import { ModelValue } from "./model";

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

export function coerce(text: string): { value: ModelValue; formula?: string; numberFormat?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: null, formula: text };
  const trimmed = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) {
    return { value: Number(trimmed.slice(0, -1)) / 100, numberFormat: "0%" };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return { value: date.getTime() / 86_400_000 + 25569, numberFormat: "yyyy-mm-dd" };
    }
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  if (ERROR_LITERALS.includes(trimmed.toUpperCase())) return { value: { error: trimmed.toUpperCase() } };
  // "@x" (implicit intersection) and "+x"/"-x" are read as formulas; with an unknown name they give #NAME?.
  if (/^[@+-]/.test(text)) return { value: { error: "#NAME?" }, formula: `=${text}` };
  return { value: text };
}
