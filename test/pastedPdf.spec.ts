import { CellValue, Grid } from "../src/sheet/grid";
import { CellRow } from "../src/domain/raw";
import { looksLikePastedDocument, readPastedDocument } from "../src/domain/layouts/pasted";
import { looksLikePastedPdf, readUppdrag } from "../src/domain/layouts/pastedPdf";
import { readProseAdjustment } from "../src/domain/layouts/proseAdjustment";
import { readPlan } from "../src/domain/readPlan";

// A PDF pasted into Excel one printed line per cell (test/corpus has two real ones: Uppsala 2018, Kalmar 2016).
const SHEET = "Blad1";

function grid(lines: (string | null)[]): Grid {
  return { sheet: SHEET, top: 0, left: 0, values: lines.map((line): CellValue[] => [line]) };
}

const FOOTER = ["Postadress: Exempelby kommun, kommunledningskontoret, 123 45 Exempelby", "www.exempelby.se"];
const HEADER = ["EXEMPELBY KOMMUN", "Budget 2025 med plan 2026–2027"];

/** Two pages: the title lines repeated on top of each, the footer and a page number at the foot of each. */
function pages(first: string[], second: string[]): Grid {
  return grid([...HEADER, ...first, ...FOOTER, "Sida 1 (2)", null, ...HEADER, ...second, ...FOOTER, "Sida 2 (2)"]);
}

function assignments(sheet: Grid): { name: unknown; committee: unknown; parent?: unknown; row: number }[] {
  const document = readPastedDocument(sheet);
  return (document?.rows ?? [])
    .filter((row): row is CellRow => row.kind === "assignment")
    .map((row) => ({
      name: row.fields.name?.value,
      committee: row.fields.committee?.value,
      ...(row.fields.parent ? { parent: row.fields.parent.value } : {}),
      row: row.ref.row,
    }));
}

describe("a PDF pasted one line per cell", () => {
  const sheet = pages(
    [
      "Kommunfullmäktige beslutar",
      "1. Tekniska nämnden får i uppdrag att se över gatubelysningen på landsbygden (Mål 2).",
      "2. Kultur- och fritidsnämnden får i uppdrag att ta fram en plan för",
      "föreningslivets lokaler.",
    ],
    [
      "3. Samtliga nämnder får i uppdrag att minska sjukfrånvaron bland medarbe-",
      "tarna.",
      "att uppdra till omsorgsnämnden, kommunstyrelsen samt gatu-",
      "och samhällsmiljönämnden att redovisa en plan för ekonomi i",
      "balans.",
    ],
  );

  it("is recognised as a pasted document, while the same lines without furniture or uppdrag are not", () => {
    expect(looksLikePastedPdf(sheet)).toBe(true);
    expect(looksLikePastedDocument(sheet)).toBe(true);
    const prose = pages(["Kommunens resultat för året är 16 miljoner kronor.", "Det är bättre än väntat."], []);
    expect(looksLikePastedPdf(prose)).toBe(false);
  });

  it("lists repeated page headers, footers and page numbers as page furniture, never as items", () => {
    const document = readPastedDocument(sheet);
    const furniture = document?.unread.filter((entry) => entry.reason === "pageHeader").map((entry) => entry.text);
    expect(furniture).toEqual([...HEADER, ...FOOTER, "Sida 1 (2)", ...HEADER, ...FOOTER, "Sida 2 (2)"]);
    // Nothing the reader took stands on a furniture line.
    const furnitureRows = new Set(document?.unread.filter((e) => e.reason === "pageHeader").map((e) => e.cell));
    for (const row of document?.rows ?? []) expect(furnitureRows.has(`A${row.ref.row + 1}`)).toBe(false);
  });

  it("reads numbered uppdrag written with the nämnd first, the goal in parentheses, wrapped and hyphenated lines joined", () => {
    expect(assignments(sheet)).toEqual([
      {
        name: "Se över gatubelysningen på landsbygden",
        committee: "Tekniska nämnden",
        parent: "Mål 2",
        row: 3,
      },
      {
        name: "Ta fram en plan för föreningslivets lokaler",
        committee: "Kultur- och fritidsnämnden",
        row: 4,
      },
      // "medarbe-" + "tarna." is one word again; the page break between does not split the uppdrag.
      { name: "Minska sjukfrånvaron bland medarbetarna", committee: "Samtliga nämnder", row: 12 },
      // "gatu-" + "och samhällsmiljönämnden" keeps its hyphen: it is a shortened compound, not a broken word.
      {
        name: "Redovisa en plan för ekonomi i balans",
        committee: "omsorgsnämnden, kommunstyrelsen samt gatu- och samhällsmiljönämnden",
        row: 14,
      },
    ]);
  });

  it("takes no nämnd from a header or title line, and lists the lines it did not take", () => {
    const sheet = pages(["Kommunstyrelsen", "Socialnämnden får i uppdrag att utreda hemtjänstens organisation."], []);
    expect(assignments(sheet)).toEqual([
      { name: "Utreda hemtjänstens organisation", committee: "Socialnämnden", row: 3 },
    ]);
    expect(readPastedDocument(sheet)?.unread).toContainEqual(
      expect.objectContaining({ cell: "A3", text: "Kommunstyrelsen", reason: "prose" }),
    );
  });

  it("reads every uppdrag of a paragraph, and keeps its other sentences as their förtydligande", () => {
    const document = readPastedDocument(
      pages(
        [
          "Nämndernas ramar för 2025 ligger fast. Kommunledningskontoret får i uppdrag att göra erforderliga",
          "justeringar utifrån detta. Tekniska nämnden får i uppdrag att se över taxan. Taxan ska redovisas i juni.",
        ],
        [],
      ),
    );
    expect(
      document?.rows.map((row) => [
        row.fields.name?.value,
        row.fields.committee?.value,
        row.fields.clarification?.value,
      ]),
    ).toEqual([
      [
        "Göra erforderliga justeringar utifrån detta",
        "Kommunledningskontoret",
        "Nämndernas ramar för 2025 ligger fast.",
      ],
      ["Se över taxan", "Tekniska nämnden", "Taxan ska redovisas i juni."],
    ]);
    expect(document?.unread.filter((entry) => entry.reason !== "pageHeader")).toEqual([]);
  });

  it("says a sum given to a nämnd in prose whose year is not given was not read, and why, instead of dropping it", () => {
    const document = readPastedDocument(
      pages(
        [
          "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor enligt föredragning i ären-",
          "det.",
          "att uppdra till socialnämnden att följa upp budgeten.",
        ],
        [],
      ),
    );
    expect(document?.unread).toContainEqual(
      expect.objectContaining({
        cell: "A3:A4",
        text: "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor enligt föredragning i ärendet.",
        reason: "amountOpen",
        cells: 2,
      }),
    );
  });
});

describe("readUppdrag", () => {
  it.each([
    ["Kommunledningskontoret får i uppdrag att göra justeringar.", "Kommunledningskontoret", "Göra justeringar", null],
    [
      "Barn- och utbildningsnämnden ges i uppdrag att utreda skolskjutsar (Inriktningsmål: Trygg uppväxt)",
      "Barn- och utbildningsnämnden",
      "Utreda skolskjutsar",
      "Inriktningsmål: Trygg uppväxt",
    ],
    ["att ge tekniska nämnden i uppdrag att se över taxan", "tekniska nämnden", "Se över taxan", null],
    ["Samtliga nämnder får i uppdrag att minska resorna.", "Samtliga nämnder", "Minska resorna", null],
  ])("reads %j", (text, committees, title, goal) => {
    expect(readUppdrag(text)).toEqual({ committees, title, goal });
  });

  it.each([
    "Kommunstyrelsen får fatta beslut om ombudgeteringar mellan nämnder.",
    "Kommunstyrelsen får rätt att besluta om senareläggning av planerade investeringar.",
    "Nämnderna har i uppdrag att ta fram förslag till budget.",
    "Det innebär att samtliga nämnders begäran om medel är besvarade.",
  ])("gives no uppdrag for %j", (text) => {
    expect(readUppdrag(text)).toBeNull();
  });
});

describe("readPlan on a pasted PDF", () => {
  it("warns about each nämnd that neither a register nor the common names know, and never says nothing", () => {
    const sheet = pages(
      [
        "1. Tekniska nämnden får i uppdrag att se över gatubelysningen.",
        "att uppdra till omsorgsnämnden samt gatu- och samhällsmiljönämnden att redovisa en plan.",
      ],
      [],
    );
    const { plan, findings } = readPlan([sheet]);
    expect(plan.assignments.map((a) => a.committees)).toEqual([["TN"], ["ON", "gatu- och samhällsmiljönämnden"]]);
    expect(findings.map(({ severity, rule, cell, params }) => [severity, rule, cell, params.name])).toEqual([
      ["warning", "pasted-committee-unknown", "A4", "gatu- och samhällsmiljönämnden"],
    ]);
  });

  it("takes the years from a title printed once that names them, and never from the repeated page header", () => {
    const sheet = pages(
      [
        "Verksamhetsplan med budget 2016 och ekonomisk planering 2017-2018",
        "Socialnämnden får i uppdrag att utreda hemtjänsten.",
      ],
      [],
    );
    const { plan, unread } = readPlan([sheet]);
    expect(plan.years).toEqual([2016, 2017, 2018]);
    expect(unread.map((entry) => entry.text)).not.toContain(
      "Verksamhetsplan med budget 2016 och ekonomisk planering 2017-2018",
    );
    // The header "Budget 2025 med plan 2026–2027" stands on every page: furniture, not the plan's title.
    expect(unread).toContainEqual(
      expect.objectContaining({ text: "Budget 2025 med plan 2026–2027", reason: "pageHeader" }),
    );
  });
});

describe("a decision on an amount in an in-year follow-up", () => {
  /** A tjänsteskrivelse: the letterhead's date, the title, the decisions (one of them an uppdrag). */
  const followUp = (date: string, title: string, decision: string) =>
    pages(
      [
        "Datum",
        date,
        title,
        "Kommunstyrelsen föreslår kommunfullmäktige besluta",
        decision,
        "att uppdra till socialnämnden att vidta åtgärder för ekonomi i balans.",
      ],
      [],
    );

  it("is for the year the follow-up is about: its period ended by the document's date", () => {
    const { plan, unread } = readPlan([
      followUp(
        "2018-05-14",
        "Ekonomisk uppföljning per mars samt verksamhetsuppföljning per april",
        "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor enligt föredragningen.",
      ),
    ]);
    expect(plan.adjustments.map((a) => [a.committee, a.year, a.amountOre / 100_000, a.direction, a.duration])).toEqual([
      [expect.any(String), 2018, 3100, "increase", "temporary"],
    ]);
    expect(unread.map((u) => u.reason)).not.toContain("amountOpen");
  });

  it("stays open when the period ends later in the year than the date (a year-end report written after the year)", () => {
    const document = readPastedDocument(
      followUp(
        "2019-02-11",
        "Ekonomisk uppföljning per 31 december",
        "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor.",
      ),
    );
    expect(document?.rows.filter((row) => row.kind === "adjustment")).toEqual([]);
    expect(document?.unread.map((u) => u.reason)).toContain("amountOpen");
  });

  it("stays open in a dated document that follows up no period", () => {
    const document = readPastedDocument(
      followUp(
        "2018-05-14",
        "Justering av räddningsnämndens finansiering",
        "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor.",
      ),
    );
    expect(document?.unread.map((u) => u.reason)).toContain("amountOpen");
  });
});

describe("readProseAdjustment: a decision's verb", () => {
  const ref = { sheet: SHEET, row: 0, col: 0 };
  const direction = (sentence: string) => {
    const reading = readProseAdjustment(sentence, ref, 2025);
    return reading && "row" in reading ? reading.row.fields.direction?.value : reading;
  };

  it("raises or lowers the ram as the att-sats opens with it", () => {
    expect(direction("att öka socialnämndens ram med 2 mnkr.")).toBe("Ramökning");
    expect(direction("att minska tekniska nämndens ram med 500 tkr.")).toBe("Ramminskning");
  });

  it("decides nothing inside a sentence that reports what happened", () => {
    expect(direction("Socialnämndens kostnader ökade med 2 mnkr jämfört med föregående år.")).toEqual({
      gap: "direction",
    });
    expect(direction("Vi föreslår att öka socialnämndens ram med 2 mnkr.")).toEqual({ gap: "direction" });
  });
});
