/**
 * Shared by the hostile-input tests (test/hostile-*.test.ts): corpora of awkward cell content, a SheetSpec rendered
 * to the Grid a host would read back, and the checks every finding must pass (a real sheet, a cell inside Excel's
 * limits, a rule that has its messages). The random grids made of the corpora are in hostile-arbitraries.ts.
 */
import { createCipheriv, createHash, randomBytes } from "crypto";
import * as path from "path";
import { followUpSheets } from "../src/domain/followup/generate";
import type { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { Finding, RuleId } from "../src/domain/findings";
import { DEFAULT_LEVELS } from "../src/domain/model";
import { HEADER_SYNONYMS } from "../src/domain/layouts/headers";
import { findingMessage } from "../src/i18n/findings";
import { CellValue, Grid, columnIndex } from "../src/sheet/grid";
import { SheetSpec } from "../src/sheet/spec";
import { EXAMPLES } from "./support/workbooks";

export { expectEqual } from "./support/equal";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Every kind of space and invisible character met in text pasted from Word, PDF and the web. */
export const SPACES = [
  " ",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\u00a0",
  "\u1680",
  "\u2000",
  "\u2001",
  "\u2002",
  "\u2003",
  "\u2004",
  "\u2005",
  "\u2006",
  "\u2007",
  "\u2008",
  "\u2009",
  "\u200a",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00ad",
  "\u180e",
  "\u0085",
  "\u000b",
  "\u000c",
];

/** Right-to-left text, bidi controls, combining marks, emoji sequences, lone surrogates, look-alike letters. */
export const ODD_UNICODE = [
  "مرحبا بالعالم",
  "שלום עולם",
  "\u202eKS\u202c",
  "\u200fTN\u200e",
  "Na\u0308mndma\u030al", // Nämndmål decomposed (NFD)
  "e\u0301\u0301\u0301\u0301",
  "Z\u0351\u0352\u0353\u0354a\u0355\u0356l\u0357g\u0358o",
  "👩‍💼",
  "🇸🇪",
  "👍🏽",
  "1️⃣",
  "\ud800",
  "\udfff",
  "\ud83d",
  "Кommunstyrelsen", // Cyrillic К
  "ＫＳ", // full-width
  "Ⅻ",
  "ǅ",
  "ß",
  "İ",
  "\u0000",
  "\u0007",
  "\u001b[31m",
];

export const ERROR_VALUES = [
  "#REF!",
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

/** The header synonyms the table reader knows, and the level names, in the spellings users write them. */
export const HEADERS: string[] = [
  ...Object.values(HEADER_SYNONYMS).flat(),
  ...DEFAULT_LEVELS.flatMap((level) => [level.label, ...level.names]),
  "ID",
  "Nr",
  "Nivå",
  "Benämning",
  "Överordnat",
  "Bidrar till",
  "Ansvarig nämnd",
  "Utförare",
  "Belopp (tkr)",
  "Budget (mnkr)",
  "Varaktighet",
  "Kolada-ID",
  "Typ (Varaktig/Tillfällig)",
  "Varaktig (Ja/Nej)",
  "Typ (Fullmäktige/Nämnd)",
  "Mål 2025",
  "Förkortning",
  "Målvärde",
  "Enhet",
  "Förtydligande av uppdrag",
  "BELOPP TKR:",
  "  Uppdrag  ",
];

/** Content of real plans, so that random grids also meet the shapes the readers look for. */
export const PLAN_WORDS = [
  "Vision",
  "Strategiskt område",
  "Kommunövergripande mål",
  "Nämndmål",
  "Östersund växer hållbart",
  "Näringsliv och tillväxt",
  "Näringsliv & tillväxt",
  "Klimat och miljö",
  "KS",
  "TN",
  "SAN",
  "VoN",
  "BUN",
  "SBN",
  "ÖH",
  "S/N",
  "Kommunstyrelsen",
  "Tekniska nämnden",
  "Social- och arbetsmarknadsnämnden",
  "TN, VoN, SAN, KS",
  "Tekniska nämnden och Kommunstyrelsen",
  "KS; TN / SAN & BUN",
  "Nämnd",
  "Bolag",
  "Förvaltning",
  "Fullmäktige",
  "Kommunfullmäktige",
  "Regeringen",
  "Varaktig",
  "Tillfällig",
  "Engångs",
  "Ja",
  "Nej",
  "Ramökning",
  "Ramminskning",
  "Effektiviseringskrav",
  "Tilläggsanslag",
  "V1",
  "M1",
  "M2",
  "NM1",
  "U1",
  "U2",
  "R1",
  "N1",
  "N01951",
  "N0195",
  "U07455",
  "1 200 tkr",
  "1\u00a0200\u202ftkr",
  "1.200",
  "1,200 tkr",
  "(1 861,5)",
  "(-1 861,5 tkr)",
  "\u2212500 tkr",
  "\u2013250",
  "+11,5 mkr",
  "0,75 mnkr",
  "2 mdkr",
  "tkr",
  "0,0001 kr",
  "99999999999999999999 tkr",
  "1e308 tkr",
  "2024",
  "2024/25",
  "2024–2026",
  "nästa år",
  "60 %",
  "75 000",
  "..",
  ".",
  "–",
  "Mål: Näringsliv och tillväxt",
  "Mål:",
  "Kommunövergripande mål: Klimat och miljö",
  "Uppdrag från fullmäktige 2024",
  "Uppdrag från fullmäktige",
  "Nämndernas egna uppdrag 2024",
  "Nyckeltal 2024",
  "Uppdrag",
  "Förtydligande av uppdrag",
  "Förbättra kvinnors förutsättningar för företagande i kommunen. KS",
  "Säkerställ ändamålsenlig användning av det kommunala bostadsinnehavet. TN, SAN, KS",
  "Se över spridning av kommunal verksamhet på landsbygd.\n(Kommunstyrelsen)",
  "Ramökning 2024 KS: 250 tkr",
  "Varaktig ramjustering SAN: 1 200 tkr",
  "Ramminskning 2025 TN: −500 tkr",
  "Ramökning KS: 1.200 tkr",
  "Mål- och resursplan 2024–2026",
  "Budgetår",
  "Planår",
  "2025, 2026",
  "#maltavlan",
  "#maltavlan uppföljning",
  "#maltavlan state",
  "assignment|U1",
  "goal|M1",
  "adjustment|R1",
  "keyFigure|N1",
  "=SUM(A1:A3)",
  "=cmd|' /C calc'!A0",
  "#REF!",
  "'",
  '"',
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
];

/** Texts that would start a formula or be coerced by a spreadsheet, which must stay exactly the text written. */
export const FORMULA_LIKE_TEXTS = [
  "=1+1",
  '=HYPERLINK("http://x","y")',
  "=cmd|' /C calc'!A0",
  "+1+1",
  "+46 63 14 30 00",
  "-1",
  "-ta bort detta",
  "@SUM(1+1)",
  "@",
  "\tInledd med tabb",
  "\rInledd med vagnretur",
  "2024-12-31",
  "001",
  "50%",
  "1e5",
  "TRUE",
  "FALSE",
  "#N/A",
  "1/2",
  "12:00",
];

export function longText(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

const CELL = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

/**
 * Every finding names a sheet of the input and a cell inside Excel's limits (with `within`, inside that sheet's
 * grid), is one of the reader's rules and has a message in both languages.
 */
export function expectSoundFindings(
  findings: Finding[],
  sheets: string[],
  rules: readonly RuleId[],
  within?: Grid[],
): void {
  for (const f of findings) {
    const where = `${f.rule} at ${f.sheet}!${f.cell}`;
    if (!sheets.includes(f.sheet)) throw new Error(`${where}: no such sheet (${sheets.join(", ")})`);
    const m = CELL.exec(f.cell);
    if (!m) throw new Error(`${where}: not a cell address`);
    const col = columnIndex(m[1]);
    const row = Number(m[2]) - 1;
    if (col < 0 || col >= MAX_COLS || row >= MAX_ROWS) throw new Error(`${where}: outside the sheet's limits`);
    const grid = within?.find((g) => g.sheet === f.sheet);
    if (grid) {
      const width = Math.max(0, ...grid.values.map((r) => r.length));
      if (row < grid.top || row >= grid.top + grid.values.length || col < grid.left || col >= grid.left + width)
        throw new Error(`${where}: outside the sheet's content (${grid.values.length} rows from ${grid.top})`);
    }
    if (!rules.includes(f.rule)) throw new Error(`${where}: not a rule of this reader`);
    if (!["error", "warning", "info"].includes(f.severity)) throw new Error(`${where}: severity ${f.severity}`);
    for (const lang of ["sv", "en"] as const) {
      // Params are user text and may say anything; the message around them must not say "undefined".
      const message = findingMessage(f, lang);
      const own = Object.values(f.params).reduce<string>((m, p) => m.split(String(p)).join(""), message);
      if (!message.trim() || /undefined|\[object Object\]|NaN/.test(own))
        throw new Error(`${where}: message "${message}" (${lang})`);
    }
  }
}

export const PLAN_RULES: readonly RuleId[] = [
  "required-field",
  "error-value",
  "unknown-goal",
  "parent-level",
  "goal-cycle",
  "duplicate-id",
  "duplicate-assignment",
  "unknown-committee",
  "unknown-level",
  "amount-unparseable",
  "amount-ambiguous",
  "amount-sign",
  "direction-invalid",
  "adjustment-unknown-assignment",
  "adjustment-committee-ambiguous",
  "year-outside-plan",
  "year-invalid",
  "assignment-no-committee",
  "kolada-id",
  "duration-unspecified",
  "duration-invalid",
  "origin-invalid",
  "committee-kind-invalid",
  "hidden-content",
  "sheet-not-read",
  "text-too-long",
  "pasted-committee-unknown",
  "pasted-mostly-unread",
  "all-committees-no-register",
  "ram-mismatch",
  "ram-previous-unclear",
];

export const FOLLOW_UP_RULES: readonly RuleId[] = [
  "followup-marker-missing",
  "followup-unknown-row",
  "followup-missing-row",
  "followup-duplicate-row",
  "followup-locked-changed",
  "followup-row-inserted",
  "followup-not-in-list",
  "followup-comment-missing",
  "followup-amount-invalid",
  "followup-duplicate-return",
  "followup-sheet-renamed",
  "followup-no-sheet",
  "followup-text-too-long",
  "followup-formula-uncomputed",
  "followup-committee-recoded",
  "followup-committee-unknown",
  "followup-answer-moved",
  "followup-answer-replaced",
  "followup-economy-implausible",
  "followup-economy-explanation-missing",
];

// ---------------------------------------------------------------------------------------------------------------
// SheetSpec → Grid: what a host reads back from a sheet it wrote (formulas without a cached result read as empty)

/** The Östersund example's plan and its T1 2024 follow-up sheets as a host reads them back, nothing typed yet. */
export async function ostersundFollowUp(): Promise<{ plan: Plan; sheets: Grid[] }> {
  const plan = readPlan((await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids).plan;
  const sheets = followUpSheets(plan, {
    period: DEFAULT_SETTINGS.periods[0],
    year: 2024,
    due: null,
    generatedAt: "2024-04-01T00:00:00.000Z",
    planName: "plan.xlsx",
    settings: DEFAULT_SETTINGS,
  }).map((s) => specToGrid(s.spec));
  return { plan, sheets };
}

export function specToGrid(spec: SheetSpec): Grid {
  const cells = new Map<string, CellValue>();
  let bottom = -1;
  let right = -1;
  for (const block of spec.blocks) {
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value === null || cell.value === "") return;
        cells.set(`${block.top + r},${block.left + c}`, cell.value);
        bottom = Math.max(bottom, block.top + r);
        right = Math.max(right, block.left + c);
      }),
    );
  }
  const values: CellValue[][] = Array.from({ length: bottom + 1 }, (_, r) =>
    Array.from({ length: right + 1 }, (_, c) => cells.get(`${r},${c}`) ?? null),
  );
  return { sheet: spec.name, top: 0, left: 0, values, visibility: spec.visibility ?? "visible" };
}

// ---------------------------------------------------------------------------------------------------------------
// A password-to-open workbook, made here: Debian's python3-msoffcrypto-tool (5.0.0) can only decrypt, and a
// checked-in binary fixture would hide how it was made.

/**
 * Encrypts an .xlsx as Excel does with "Encrypt with password": ECMA-376 Standard Encryption (AES-128, SHA-1,
 * MS-OFFCRYPTO 2.3.4.5–2.3.4.9) in an OLE compound file holding the streams EncryptionInfo and EncryptedPackage.
 * (Checked once by decrypting the result with msoffcrypto-tool: it gives back the original bytes.)
 */
export function encryptWorkbook(xlsx: Buffer, password: string): Buffer {
  const sha1 = (...parts: Buffer[]) => createHash("sha1").update(Buffer.concat(parts)).digest();
  const uint32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const salt = randomBytes(16);
  let h = sha1(salt, Buffer.from(password, "utf16le"));
  for (let i = 0; i < 50_000; i++) h = sha1(uint32(i), h);
  const hFinal = sha1(h, uint32(0));
  const x1 = sha1(Buffer.from(Array.from({ length: 64 }, (_, i) => 0x36 ^ (hFinal[i] ?? 0))));
  const key = x1.subarray(0, 16);
  const aes = (data: Buffer) => {
    const cipher = createCipheriv("aes-128-ecb", key, null).setAutoPadding(false);
    const padded = Buffer.concat([data, Buffer.alloc((16 - (data.length % 16)) % 16)]);
    return Buffer.concat([cipher.update(padded), cipher.final()]);
  };
  const verifier = randomBytes(16);
  const flags = 0x24; // fCryptoAPI | fAES
  const header = Buffer.concat([
    ...[flags, 0, 0x660e /* AES-128 */, 0x8004 /* SHA-1 */, 128, 0x18 /* PROV_RSA_AES */, 0, 0].map(uint32),
    Buffer.from("Microsoft Enhanced RSA and AES Cryptographic Provider\0", "utf16le"),
  ]);
  const info = Buffer.concat([
    Buffer.from([3, 0, 2, 0]), // version 3.2: Standard Encryption
    uint32(flags),
    uint32(header.length),
    header,
    uint32(16),
    salt,
    aes(verifier),
    uint32(20),
    aes(Buffer.concat([sha1(verifier), Buffer.alloc(12)])),
  ]);
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(xlsx.length));
  return compoundFile([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: Buffer.concat([size, aes(xlsx)]) },
  ]);
}

/** A minimal OLE compound file (MS-CFB version 3, 512-byte sectors) holding the given streams in its root. */
function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const SECTOR = 512;
  const MINI = 64;
  const CUTOFF = 4096;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const FATSECT = 0xfffffffd;
  const NONE = 0xffffffff;
  const sectorsOf = (bytes: number) => Math.ceil(bytes / SECTOR);
  // Siblings are ordered by name length, then by upper-case name: chained as right siblings in that order.
  const sorted = [...streams].sort(
    (a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1),
  );

  // Small streams live in the mini stream (64-byte mini sectors), chained in the mini FAT.
  const miniFat: number[] = [];
  const miniParts: Buffer[] = [];
  const miniStart = new Map<string, number>();
  for (const s of sorted.filter((s) => s.data.length < CUTOFF)) {
    const count = Math.max(1, Math.ceil(s.data.length / MINI));
    miniStart.set(s.name, miniFat.length);
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : miniFat.length + 1);
    miniParts.push(s.data, Buffer.alloc(count * MINI - s.data.length));
  }
  const miniStream = Buffer.concat(miniParts);
  const large = sorted.filter((s) => s.data.length >= CUTOFF);

  const dirSectors = sectorsOf((sorted.length + 1) * 128);
  const miniFatSectors = sectorsOf(miniFat.length * 4);
  const miniStreamSectors = sectorsOf(miniStream.length);
  const rest =
    dirSectors + miniFatSectors + miniStreamSectors + large.reduce((n, s) => n + sectorsOf(s.data.length), 0);
  let fatSectors = 1;
  while (fatSectors * 128 < rest + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("compoundFile: too large for a header-only DIFAT");

  const fat: number[] = Array(fatSectors).fill(FATSECT);
  const chain = (count: number): number => {
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END : fat.length + 1);
    return count ? start : END;
  };
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const largeStart = new Map(large.map((s) => [s.name, chain(sectorsOf(s.data.length))]));
  while (fat.length % 128) fat.push(FREE);

  const entry = (
    name: string,
    type: number,
    color: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const e = Buffer.alloc(128);
    e.write(name, 0, "utf16le");
    e.writeUInt16LE((name.length + 1) * 2, 64);
    e.writeUInt8(type, 66);
    e.writeUInt8(color, 67);
    e.writeUInt32LE(NONE, 68);
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  const entries = [
    entry(
      "Root Entry",
      5,
      1,
      NONE,
      sorted.length ? 1 : NONE,
      miniStream.length ? miniStreamStart : END,
      miniStream.length,
    ),
    ...sorted.map((s, i) =>
      entry(
        s.name,
        2,
        i === 0 ? 1 : 0,
        i + 2 <= sorted.length ? i + 2 : NONE,
        NONE,
        miniStart.get(s.name) ?? largeStart.get(s.name) ?? END,
        s.data.length,
      ),
    ),
  ];
  const empty = Buffer.alloc(128);
  empty.writeUInt32LE(NONE, 68);
  empty.writeUInt32LE(NONE, 72);
  empty.writeUInt32LE(NONE, 76);
  while (entries.length % 4) entries.push(empty);

  const head = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head, 0);
  head.writeUInt16LE(0x3e, 24);
  head.writeUInt16LE(3, 26);
  head.writeUInt16LE(0xfffe, 28);
  head.writeUInt16LE(9, 30);
  head.writeUInt16LE(6, 32);
  head.writeUInt32LE(fatSectors, 44);
  head.writeUInt32LE(dirStart, 48);
  head.writeUInt32LE(CUTOFF, 56);
  head.writeUInt32LE(miniFatSectors ? miniFatStart : END, 60);
  head.writeUInt32LE(miniFatSectors, 64);
  head.writeUInt32LE(END, 68);
  for (let i = 0; i < 109; i++) head.writeUInt32LE(i < fatSectors ? i : FREE, 76 + i * 4);

  const words = (values: number[], sectors: number) => {
    const b = Buffer.alloc(sectors * SECTOR, 0xff);
    values.forEach((v, i) => b.writeUInt32LE(v, i * 4));
    return b;
  };
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(sectorsOf(b.length) * SECTOR - b.length)]);
  return Buffer.concat([
    head,
    words(fat, fatSectors),
    pad(Buffer.concat(entries)),
    words(miniFat, miniFatSectors),
    pad(miniStream),
    ...large.map((s) => pad(s.data)),
  ]);
}
