/**
 * Kolada data as a user saves it from Kolada's open API in a browser (the JSON of /v2 or /v3 data/kpi/…) or as a
 * plain CSV `kpi;municipality;year;gender;value`: what the reader keeps, and what it says about the file. Nothing
 * here is fetched: the files are read as saved.
 */

/** Kolada's split by gender: T total, K women (kvinnor), M men (män). */
export type KoladaGender = "T" | "K" | "M";
export const KOLADA_GENDERS: readonly KoladaGender[] = ["T", "K", "M"];

/** One value of one nyckeltal, kommun, year and gender; null where Kolada has none (not yet published, secret). */
export interface KoladaValue {
  kpi: string;
  year: number;
  gender: KoladaGender;
  value: number | null;
}

export type KoladaFormat = "json" | "csv";

/** What in a file could not be read: at its line (1-based), with what stood there. */
export type KoladaProblemKind =
  | "json-broken"
  | "entry-invalid"
  | "year-invalid"
  | "gender-invalid"
  | "value-invalid"
  | "fields-missing"
  | "header-missing"
  | "empty";

export interface KoladaProblem {
  file: string;
  line: number;
  kind: KoladaProblemKind;
  /** What stood there, cut short (for the message). */
  text: string;
}

/** A JSON answer that holds one page of several: Kolada pages its answers, and a page alone is not every value. */
export interface KoladaPaging {
  file: string;
  /** The entries the file holds, and the number the answer says there are in all (null when it does not say). */
  entries: number;
  total: number | null;
  /** The address of the next page, as the answer gives it. */
  next: string | null;
}

export interface KoladaRead {
  /** The kommun whose values were kept: the one asked for, or the file's only one; null when that is unclear. */
  municipality: string | null;
  /** The kommuner the files hold values for, in the order first met. */
  municipalities: string[];
  /** The kept kommun's values. */
  values: KoladaValue[];
  /** Values of other kommuner, counted and left (one per gender, as the file gives them). */
  otherValues: number;
  formats: KoladaFormat[];
  paged: KoladaPaging[];
  problems: KoladaProblem[];
}
