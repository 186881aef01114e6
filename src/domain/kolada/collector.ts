import {
  KoladaFormat,
  KoladaGender,
  KoladaPaging,
  KoladaProblem,
  KoladaProblemKind,
  KoladaRead,
  KoladaValue,
} from "./model";

/**
 * What the readers of every format hand their values to: the wanted kommun's are kept, every other kommun's only
 * counted, so that a file of all 290 kommuner costs no more memory than one of a single kommun.
 */
export class KoladaCollector {
  private readonly seen = new Set<string>();
  private readonly municipalities: string[] = [];
  private kept: string | null;
  private readonly values: KoladaValue[] = [];
  private otherValues = 0;
  private readonly formats = new Set<KoladaFormat>();
  private readonly paged: KoladaPaging[] = [];
  private readonly problems: KoladaProblem[] = [];

  /** `wanted`: the kommun's Kolada ID; null takes the files' first kommun, which holds when they have no other. */
  constructor(private readonly wanted: string | null) {
    this.kept = wanted;
  }

  /** Whether values of `municipality` are kept (and notes the kommun as met). */
  keeps(municipality: string): boolean {
    if (!this.seen.has(municipality)) {
      this.seen.add(municipality);
      this.municipalities.push(municipality);
    }
    if (this.kept === null) this.kept = municipality;
    return municipality === this.kept;
  }

  add(kpi: string, year: number, gender: KoladaGender, value: number | null): void {
    this.values.push({ kpi, year, gender, value });
  }

  skip(values: number): void {
    this.otherValues += values;
  }

  format(format: KoladaFormat): void {
    this.formats.add(format);
  }

  page(paging: KoladaPaging): void {
    this.paged.push(paging);
  }

  problem(file: string, line: number, kind: KoladaProblemKind, text: string): void {
    this.problems.push({ file, line, kind, text: text.length > 60 ? `${text.slice(0, 57)}…` : text });
  }

  result(): KoladaRead {
    // Without a kommun asked for, several kommuner leave it open which one is the plan's: none is taken.
    const open = this.wanted === null && this.municipalities.length > 1;
    const otherValues = open ? this.otherValues + this.values.length : this.otherValues;
    return {
      municipality: open ? null : this.kept,
      municipalities: this.municipalities,
      values: open ? [] : this.values,
      otherValues,
      formats: [...this.formats],
      paged: this.paged,
      problems: this.problems,
    };
  }
}
