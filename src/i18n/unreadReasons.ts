/**
 * Why a cell was not read, as the CLI's "Ej läst" and the pane's Koppla step say it. A module of its own: the pane's
 * first chunk needs these words, not the findings' messages.
 */
import type { UnreadReason } from "../domain/unread";
import type { Language } from "./findings";

export const UNREAD_REASON_LABELS: Record<Language, Record<UnreadReason, string>> = {
  sv: {
    title: "rubrik ovanför tabellen",
    header: "rubrikens andra rad (år under en rubrik)",
    total: "summarad",
    budgetFigure: "ramnivå (budgetbelopp)",
    note: "anteckning under tabellen",
    column: "kolumn som inte läses",
    prose: "beskrivande text",
    section: "avsnitt som inte läses (nyckeltal)",
    pageHeader: "sidhuvud, sidfot eller sidnummer",
    otherKind: "rad av ett slag som planen inte har",
    amountOpen: "belopp i löptext där år, nämnd eller riktning inte framgår",
    notUnderstood: "ej förstått",
    sheet: "blad som inte läses",
  },
  en: {
    title: "heading above the table",
    header: "second header row (years under a header)",
    total: "totals row",
    budgetFigure: "ram level (budget figure)",
    note: "note under the table",
    column: "column not read",
    prose: "descriptive text",
    section: "section not read (key figures)",
    pageHeader: "page header, footer or page number",
    otherKind: "row of a kind the plan does not hold",
    amountOpen: "amount in running text whose year, committee or direction is not given",
    notUnderstood: "not understood",
    sheet: "sheet not read",
  },
};
