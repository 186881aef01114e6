import { cellName } from "../../sheet/grid";
import { DEFAULT_ROW_HEIGHT } from "../../sheet/layout";
import { CELL_TEXT_MAX, InputPrompt, PROMPT_TEXT_MAX } from "../../sheet/spec";
import { ListName } from "../lists";
import { Committee } from "../model";
import { Period, ScaleValue, Settings, periodKindWord } from "../settings";
import { InputKind } from "./expected";
import { COL, FOLLOW_UP_MARKER, FORMAT_VERSION, FollowUpMeta, LAST_COL } from "./model";
import { SheetLayout } from "./sheetLayout";
import { COLUMN_WIDTHS } from "./sheetLook";

/**
 * What a follow-up sheet says besides its rows: the heading and its metadata, how to fill the sheet in, the legend of
 * colours and values, the page footer, and the input messages of the answer cells.
 */

/** What a follow-up is made for: the period and year, when it is due, and the kommun's settings. */
export interface FollowUpOccasion {
  period: Period;
  year: number;
  due: string | null;
  /** ISO time stamp written into each sheet's marker. */
  generatedAt: string;
  /** The plan workbook's file name, for the marker. */
  planName: string;
  settings: Settings;
  /** The name of the lists sheet the dropdowns point at, when not LISTS_SHEET (ownSheetNames.ts). */
  listsSheet?: string;
}

/** The sign rule for amounts, where they are typed and in the instructions. */
export const SIGN_RULE = "Skriv med samma tecken som beloppet: en minskning skrivs negativ, t.ex. −3 150.";

function who(committee: Committee): string {
  return committee.name ? `${committee.name} (${committee.code})` : committee.code;
}

/** The metadata as written in A2. The names in it only inform: a text too long for the cell goes without them. */
function metaText(committee: Committee, occasion: FollowUpOccasion, more: Partial<FollowUpMeta>): string {
  const { period, year, due, generatedAt, planName } = occasion;
  const meta: FollowUpMeta = {
    ...more,
    format: FORMAT_VERSION,
    plan: planName,
    committee: committee.code,
    committeeName: committee.name,
    period: period.name,
    periodKind: periodKindWord(period.kind),
    year,
    due,
    generatedAt,
  };
  const text = JSON.stringify(meta);
  return text.length <= CELL_TEXT_MAX ? text : JSON.stringify({ ...meta, plan: "", committeeName: null });
}

/** The two heading rows: the marker and the title, then the metadata and what to do. */
export function heading(
  layout: SheetLayout,
  committee: Committee,
  occasion: FollowUpOccasion,
  meta: Pick<FollowUpMeta, "ledgerOutcomeOre" | "koladaFilled" | "koladaYears" | "since"> = {},
): void {
  const { period, year, due } = occasion;
  const what = period.kind === "forecast" ? "Prognos för helåret" : "Utfall för året";
  const answerBy = due ? ` · Svara senast ${due}` : "";
  layout.row(
    FOLLOW_UP_MARKER,
    [{ value: `Uppföljning ${period.name} ${year} – ${who(committee)}`, bold: true, fontSize: 14 }],
    22,
  );
  layout.row(
    metaText(committee, occasion, meta),
    [{ value: `${what}${answerBy} · Fyll i de ljusblå cellerna (se Så fyller du i nedan).`, italic: true }],
    DEFAULT_ROW_HEIGHT,
  );
  layout.merges.push(`B1:${cellName(0, LAST_COL)}`, `B2:${cellName(1, LAST_COL)}`);
}

/** Page footer: the nämnd, "Sida x av y", the period and the day the sheet was made. */
export function footer(
  committee: Committee,
  occasion: FollowUpOccasion,
): { left: string; center: string; right: string } {
  const { period, year, generatedAt } = occasion;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(generatedAt)?.[0];
  return {
    left: who(committee),
    center: "Sida {page} av {pages}",
    right: `Uppföljning ${period.name} ${year}${day ? ` · skapad ${day}` : ""}`,
  };
}

/**
 * The block under the heading: how to fill in the sheet, then the legend — the input colour, and each status
 * and bedömning with its colour and what it means (the kommun's definitions from the settings). `has` says whether
 * the sheet has a row taking an input of a kind.
 */
export function instructions(
  layout: SheetLayout,
  occasion: FollowUpOccasion,
  has: (input: InputKind) => boolean,
  inputFill: string,
): void {
  const { period, due } = occasion;
  const prognos = period.kind === "forecast";
  const width = COLUMN_WIDTHS.slice(COL.title).reduce((sum, w) => sum + w, 0);
  layout.infoRow([{ value: "Så fyller du i", bold: true, fontSize: 12 }], 18);
  const steps = [
    "Fyll i de ljusblå cellerna; alla andra celler är låsta. I kolumnerna Bedömning och Status väljer du i en " +
      "lista: markera cellen och klicka på pilen bredvid den.",
    "Skriv en kommentar när ett mål inte är uppfyllt eller ett uppdrag inte är genomfört: vad som har hänt och vad " +
      "nämnden gör.",
  ];
  if (has("amount")) {
    steps.push(
      `Ramjusteringar: skriv ${prognos ? "prognosen för helåret" : "utfallet"} i tkr. ${SIGN_RULE} ` +
        "Avvikelsen räknas ut av sig själv.",
    );
  }
  if (has("figures")) {
    steps.push(
      `Ekonomi: skriv ${prognos ? "utfallet hittills och prognosen för helåret" : "årets utfall"} i tkr som ` +
        "nettokostnad (en kostnad positiv). Avvikelsen mot budgeten räknas ut av sig själv: positiv är ett överskott, " +
        "negativ ett underskott. Förklara avvikelsen i kommentaren och skriv åtgärder vid ett underskott.",
    );
  }
  steps.push(
    "Lägg inte till, ta inte bort och flytta inte rader: svaren läses tillbaka rad för rad." +
      (due ? ` Skicka tillbaka filen senast ${due}.` : ""),
  );
  for (const step of steps) layout.infoText(`• ${step}`, COL.title, width);

  layout.infoRow([]);
  layout.infoRow([{ value: "Färger och värden", bold: true, fontSize: 12 }], 18);
  layout.legendRow(
    { value: "Fyll i", fill: inputFill },
    "Celler i den här färgen fyller du i. Övriga celler är låsta.",
  );
  const scales: [InputKind, string, ScaleValue[]][] = [
    ["goalScale", prognos ? "Bedömning av mål (prognos för året)" : "Bedömning av mål", occasion.settings.scales.goal],
    ["assignmentScale", "Status för uppdrag", occasion.settings.scales.assignment],
  ];
  for (const [input, title, scale] of scales) {
    if (!has(input)) continue;
    layout.infoRow([{ value: title, bold: true }]);
    for (const value of scale) layout.legendRow({ value: value.label, fill: value.color }, value.definition ?? "");
  }
  layout.infoRow([]);
}

/** The dropdown of a scale input: the list it takes its values from, the values, and its input message. */
export function scaleOf(input: InputKind, occasion: FollowUpOccasion): [ListName, ScaleValue[], InputPrompt] | null {
  const { scales } = occasion.settings;
  const prognos = occasion.period.kind === "forecast";
  if (input === "goalScale") {
    const title = prognos ? "Bedömning (prognos)" : "Bedömning";
    return ["goalScale", scales.goal, listPrompt(title, "Välj hur målet bedöms", scales.goal)];
  }
  if (input === "assignmentScale") {
    return ["assignmentScale", scales.assignment, listPrompt("Status", "Välj uppdragets status", scales.assignment)];
  }
  return null;
}

/** The input message of an amount or a number typed. */
export function promptOf(input: InputKind, occasion: FollowUpOccasion): InputPrompt | null {
  const prognos = occasion.period.kind === "forecast";
  if (input === "amount") {
    return {
      title: prognos ? "Prognos för helåret, tkr" : "Utfall för året, tkr",
      text: `${SIGN_RULE} Avvikelsen räknas ut av sig själv.`,
    };
  }
  if (input === "number") {
    return {
      title: "Utfall",
      text: "Skriv utfallet som ett tal i nyckeltalets enhet. Lämna tomt om det inte finns än.",
    };
  }
  return null;
}

/**
 * A dropdown's input message: what to choose, the values in the list, and that anything but the done values needs a
 * comment. Cut to Excel's 255 characters when a kommun's scale is long (the legend above has every definition).
 */
function listPrompt(title: string, lead: string, scale: ScaleValue[]): InputPrompt {
  const values = scale.map((v) => v.label).join(", ");
  const needsComment = scale.some((v) => v.done)
    ? " Skriv en kommentar om du inte väljer " +
      scale
        .filter((v) => v.done)
        .map((v) => v.label)
        .join(" eller ") +
      "."
    : "";
  const full = `${lead} i listan: ${values}.${needsComment} Färgerna och vad värdena betyder står överst på bladet.`;
  const short = `${lead} i listan. Vad värdena betyder står överst på bladet.`;
  return { title, text: full.length <= PROMPT_TEXT_MAX ? full : short.slice(0, PROMPT_TEXT_MAX) };
}
