import { KoladaCollector } from "./collector";
import { readKoladaCsv } from "./csv";
import { readKoladaJson } from "./json";
import { KoladaRead } from "./model";

/** A file as the user saved it, decoded to text by the host. */
export interface KoladaFile {
  name: string;
  text: string;
}

/** Kolada's municipality IDs are four digits ("2380" Östersund, "0180" Stockholm). */
export const KOLADA_MUNICIPALITY = /^\d{4}$/;

/**
 * Kolada files (JSON pages and CSVs alike, several merged: the pages of one answer) → the kommun's values.
 * `municipality`: the kommun's Kolada ID; null takes the files' only kommun. Never throws on what a file holds.
 */
export function readKolada(files: KoladaFile[], municipality: string | null): KoladaRead {
  const into = new KoladaCollector(municipality?.trim() || null);
  for (const { name, text: raw } of files) {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const first = /\S/.exec(text.slice(0, 1000))?.[0];
    if (first === "{" || first === "[") readKoladaJson(text, name, into);
    else readKoladaCsv(text, name, into);
  }
  return into.result();
}
