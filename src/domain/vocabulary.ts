import { regExpAlternatives } from "./text";

/**
 * Words the reader knows, per language, as data: a new kommun's word is one line here. Header words live with the
 * headers (layouts/headers.ts `HEADER_SYNONYMS`), level words with the levels (model.ts `DEFAULT_LEVELS`), nämnder
 * with the register (committees.ts) and ram words with the ramjustering line (adjustmentLine.ts); these are the words
 * that belong to none of them. All lower case.
 */
export interface Vocabulary {
  /** Words that open a totals row: "Summa nämnder", "Totalt", "varav investeringar". Never an item, never a nämnd. */
  totals: string[];
  /** Phrases meaning every nämnd of the register: "Samtliga nämnder". */
  allCommittees: string[];
  /** Words joining names in a list: "KS och TN", "socialnämnden samt äldrenämnden". */
  conjunctions: string[];
  /** Words that open a note or footnote under a table: "Källa: …", "Anm. …". */
  noteMarkers: string[];
  /** Words that, with a number, refer to a goal: "Mål 3", "Goal 2". */
  goalReference: string[];
  /**
   * Labels of a ram level, not a change: "Ram föregående år", "Ram 2025", "Budget 2025". A year or "föregående år"
   * may follow.
   */
  ramLevels: string[];
  /** Words that make a ramjustering an index line, anywhere in its text: "Pris- och löneuppräkning", "PKV". */
  indexLines: string[];
  /** Beginnings of words that raise a ram in running prose: "Socialnämndens ram utökas med 2,5 mnkr 2025". */
  proseIncrease: string[];
  /** Beginnings of words that lower a ram in running prose: "… minskas med 1,2 miljoner kronor". */
  proseDecrease: string[];
  /** Verbs that raise a ram as a decision's att-sats opens with them: "att öka räddningsnämndens kommunbidrag med …". */
  decisionIncrease: string[];
  /** Verbs that lower a ram as a decision's att-sats opens with them: "att minska …". */
  decisionDecrease: string[];
}

export const VOCABULARY: Record<"sv" | "en", Vocabulary> = {
  sv: {
    totals: ["summa", "s:a", "delsumma", "totalt", "total", "netto", "varav", "därav"],
    allCommittees: [
      "samtliga nämnder",
      "alla nämnder",
      "samtliga nämnder och styrelser",
      "samtliga nämnder och bolag",
      "samtliga nämnder och kommunstyrelsen",
    ],
    conjunctions: ["och", "samt"],
    noteMarkers: ["källa", "anm", "anmärkning", "not", "fotnot", "obs"],
    goalReference: ["mål"],
    ramLevels: [
      "ram",
      "budget",
      "budgetram",
      "driftsram",
      "driftram",
      "nettoram",
      "kommunbidrag",
      "ram efter förändringar",
    ],
    indexLines: [
      "pris- och löneuppräkning",
      "löne- och prisuppräkning",
      "pris- och lönekompensation",
      "löne- och priskompensation",
      "pris- och löneökning",
      "löne- och prisökning",
      "prisuppräkning",
      "löneuppräkning",
      "priskompensation",
      "lönekompensation",
      "indexuppräkning",
      "uppräkning för pris och lön",
      "kompensation för pris och lön",
      "pkv",
      "prisindex",
    ],
    proseIncrease: [
      "utökas",
      "ökas",
      "höjs",
      "tillförs",
      "förstärks",
      "ramökning",
      "ramutökning",
      "ramförstärkning",
      "utökning",
      "förstärkning",
      "tillskott",
    ],
    proseDecrease: [
      "minskas",
      "sänks",
      "reduceras",
      "ramminskning",
      "ramsänkning",
      "minskning",
      "effektiviseringskrav",
      "besparingskrav",
      "sparkrav",
    ],
    decisionIncrease: ["öka", "utöka", "höja", "tillföra", "förstärka"],
    decisionDecrease: ["minska", "sänka", "reducera"],
  },
  en: {
    totals: ["sum", "subtotal", "total", "net", "of which"],
    allCommittees: ["all committees"],
    conjunctions: ["and"],
    noteMarkers: ["source", "note"],
    goalReference: ["goal"],
    ramLevels: ["frame", "budget"],
    indexLines: ["price and wage", "wage and price", "indexation"],
    proseIncrease: ["increased", "raised"],
    proseDecrease: ["decreased", "reduced", "cut"],
    decisionIncrease: ["increase", "raise"],
    decisionDecrease: ["decrease", "reduce", "cut"],
  },
};

const ALL = Object.values(VOCABULARY);
const words = (pick: (v: Vocabulary) => string[]) => [...new Set(ALL.flatMap(pick))];

/** A cell that opens a totals row ("Summa", "Summa ramförändringar", "varav lokaler"); not "Totalförsvar". */
export const TOTALS_START = new RegExp(`^\\s*(?:${regExpAlternatives(words((v) => v.totals))})(?![\\p{L}\\d])`, "iu");

/** A note under a table: "Källa: …", "Anm. …", "* …", "¹ …". */
export const NOTE_START = new RegExp(
  `^\\s*(?:[*¹²³†]|(?:${regExpAlternatives(words((v) => v.noteMarkers))})\\s*[:.])`,
  "iu",
);

/** "Samtliga nämnder", as a whole text. */
export const ALL_COMMITTEES = new RegExp(`^(?:${regExpAlternatives(words((v) => v.allCommittees))})$`, "iu");

/** A ram level's label, whole: "Ram", "Ram föregående år", "Ram 2025", "Budget 2025". */
export const LEVEL_ROW = new RegExp(
  `^(?:${regExpAlternatives(words((v) => v.ramLevels))})(?:\\s+(?:föregående år|previous year|år\\s+)?(?:(?:19|20)\\d\\d)?)?$`,
  "iu",
);

/** A ramjustering's text that makes it an index line: "Pris- och löneuppräkning inkl. kapitalkostnader", "PKV 2,9 %". */
export const INDEX_LINE = new RegExp(
  `(?<![\\p{L}])(?:${regExpAlternatives(words((v) => v.indexLines))})(?![\\p{L}])`,
  "iu",
);

/** The council, which gives goals and uppdrag to the nämnder but is none of them: "KF", "Kommunfullmäktige". */
export const COUNCIL = /^(?:kf|kommunfullmäktige|regionfullmäktige|fullmäktige|municipal council)$/iu;

/** The conjunctions as one pattern's alternatives ("och|samt|and"), for the list splitters. */
export const CONJUNCTIONS = regExpAlternatives(words((v) => v.conjunctions));

/** The words that refer to a goal by number ("mål", "goal"). */
export const GOAL_REFERENCE_WORDS = words((v) => v.goalReference);

/** Beginnings of the words that raise a ram in running prose, all languages. */
export const PROSE_INCREASE = words((v) => v.proseIncrease);

/** Beginnings of the words that lower a ram in running prose, all languages. */
export const PROSE_DECREASE = words((v) => v.proseDecrease);

/** The verbs a decision's att-sats (or "to …") opens with that raise a ram, all languages. */
export const DECISION_INCREASE = words((v) => v.decisionIncrease);

/** The verbs a decision's att-sats opens with that lower a ram, all languages. */
export const DECISION_DECREASE = words((v) => v.decisionDecrease);
