import { CellValue, Grid } from "../src/sheet/grid";
import { RawCell, RawRow } from "../src/domain/raw";
import { AdjustmentLine, directionOfWord, durationOfWord, parseAdjustmentLine } from "../src/domain/adjustmentLine";
import { looksLikePastedDocument, readPastedDocument } from "../src/domain/layouts/pasted";

// Text from the Östersund seed (shared/seeds/003): Mål- och resursplan 2024, goal "Näringsliv och tillväxt".
const GOAL = "Mål: Näringsliv och tillväxt";
const GOAL_TEXT =
  "Östersunds kommun har en hållbar tillväxt, ett gott företagsklimat och innovationskraft. Östersund är en öppen och inkluderande kommun som attraherar både människor och näringsliv.";
const GOAL_TEXT_2 =
  "En växande kommun för med sig arbetstillfällen, nya invånare och skatteintäkter som garanterar en välfärd av högsta kvalité. Östersunds kommun har ett mål om att vara minst 75 000 invånare år 2040.";
const HOW = "Så här gör vi för att nå målet 2024";
const KF_HEADING = "Uppdrag från fullmäktige 2024";
const KF_INTRO = "Fullmäktiges uppdrag för det kommunövergripande målet Näringsliv och tillväxt:";
const NAMND_HEADING = "Nämndernas egna uppdrag 2024";
const NAMND_INTRO = "Nämndernas uppdrag för det kommunövergripande målet Näringsliv och tillväxt:";

const U1 = "Förbättra kvinnors förutsättningar för företagande i kommunen. KS";
const U1_TITLE = "Förbättra kvinnors förutsättningar för företagande i kommunen.";
const F1 =
  "Uppdraget innebär att under 2024, tillsammans med näringslivet, identifiera hinder och möjligheter för kvinnliga företagare i kommunen. Uppdraget innebär även att uppmärksamma kvinnor som driver företag för att inspirera andra.";
const A1 = "Ramökning 2024 KS: 250 tkr";

const U2 = "Säkerställ ändamålsenlig användning av det kommunala bostadsinnehavet. TN, VoN, SAN, KS";
const U2_TITLE = "Säkerställ ändamålsenlig användning av det kommunala bostadsinnehavet.";
const F2 =
  "Kommunen äger i dagsläget ca 300 bostadsrätter. Dessa upplåts i andra hand på en förhållandevis stor sekundär bostadsmarknad. Kontraktsformer, rutiner och fördelning av dessa behöver ses över grundligt, för ökad rättssäkerhet och effektivitet.";

const U3 = "Behåll kvalitet och kompetens inom flyktingmottagandet. SAN";
const U3_TITLE = "Behåll kvalitet och kompetens inom flyktingmottagandet.";
const F3 =
  "Flyktingmottagande är ett område som är svårplanerat och påverkas av många olika oförutsägbara parametrar. Detta innebär att de personella resurserna och den specifika yrkeskompetensen behöver bibehållas över längre tid.";
// As the web page prints it: a no-break space groups the thousands.
const A3 = "Varaktig ramjustering SAN: 1\u00A0200 tkr";

const U4 =
  "Se över spridning av kommunal verksamhet på landsbygd samt utreda hur mycket av de kommunala investeringarna som går till landsbygd samt vilka del av kommunens landsbygd där behoven av investeringar är störst.";
const F4 =
  "Se över spridning av kommunal verksamhet på landsbygd samt utreda hur mycket av de kommunala investeringarna som går till landsbygd. Detta för att tydliggöra hur resursfördelningen ser ut.";

const TAIL = [
  "Nyckeltal 2024",
  "Investeringar 2024",
  "-",
  "För att nå målet har vi bland annat:",
  "Sidan uppdaterad 2024-01-18",
];

const SHEET = "MRP 2024";

/** A grid whose values[0][0] sits at (top, left); a string row is one cell in the first column. */
function grid(rows: (string | CellValue[] | null)[], top = 0, left = 0, sheet = SHEET): Grid {
  const values = rows.map((row): CellValue[] => (row === null ? [] : typeof row === "string" ? [row] : row));
  const width = Math.max(...values.map((row) => row.length));
  return {
    sheet,
    top,
    left,
    values: values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]),
  };
}

function cell(value: CellValue, row: number, col: number, sheet = SHEET): RawCell {
  return { value, ref: { sheet, row, col } };
}

function kinds(rows: RawRow[]): string[] {
  return rows.map((row) => row.kind);
}

describe("parseAdjustmentLine", () => {
  const accepted: [string, AdjustmentLine][] = [
    [A1, { directionWord: "Ramökning", durationWord: null, year: 2024, committees: "KS", amountText: "250 tkr" }],
    [
      "Varaktig ramjustering SAN: 1 200 tkr",
      {
        directionWord: "ramjustering",
        durationWord: "Varaktig",
        year: null,
        committees: "SAN",
        amountText: "1 200 tkr",
      },
    ],
    [
      A3,
      {
        directionWord: "ramjustering",
        durationWord: "Varaktig",
        year: null,
        committees: "SAN",
        amountText: "1\u00A0200 tkr",
      },
    ],
    [
      "Varaktig ramjustering SAN: 1\u202F200 tkr",
      {
        directionWord: "ramjustering",
        durationWord: "Varaktig",
        year: null,
        committees: "SAN",
        amountText: "1\u202F200 tkr",
      },
    ],
    [
      "Tillfällig ramförstärkning 2025 BUN: 3,5 mnkr",
      {
        directionWord: "ramförstärkning",
        durationWord: "Tillfällig",
        year: 2025,
        committees: "BUN",
        amountText: "3,5 mnkr",
      },
    ],
    [
      "Tilläggsanslag 2024 TN: 400 tkr",
      { directionWord: "Tilläggsanslag", durationWord: null, year: 2024, committees: "TN", amountText: "400 tkr" },
    ],
    [
      "Ramminskning 2025 VoN: \u2212800 tkr",
      { directionWord: "Ramminskning", durationWord: null, year: 2025, committees: "VoN", amountText: "\u2212800 tkr" },
    ],
    [
      "Effektiviseringskrav 2024 KS: 1 000 tkr",
      {
        directionWord: "Effektiviseringskrav",
        durationWord: null,
        year: 2024,
        committees: "KS",
        amountText: "1 000 tkr",
      },
    ],
    [
      "Besparing SBN 2025: 500 tkr",
      { directionWord: "Besparing", durationWord: null, year: 2025, committees: "SBN", amountText: "500 tkr" },
    ],
    [
      "Engångsanslag 2024 KFN: 150 tkr",
      {
        directionWord: "Engångsanslag",
        durationWord: "Engångsanslag",
        year: 2024,
        committees: "KFN",
        amountText: "150 tkr",
      },
    ],
    [
      "Varaktig ramjustering Kommunstyrelsen: 100 tkr",
      {
        directionWord: "ramjustering",
        durationWord: "Varaktig",
        year: null,
        committees: "Kommunstyrelsen",
        amountText: "100 tkr",
      },
    ],
    [
      "Ramökning 2024 TN, VoN: 1 200 tkr",
      { directionWord: "Ramökning", durationWord: null, year: 2024, committees: "TN, VoN", amountText: "1 200 tkr" },
    ],
    [
      "Ramökning 2024 Barn- och utbildningsnämnden: 2 mnkr",
      {
        directionWord: "Ramökning",
        durationWord: null,
        year: 2024,
        committees: "Barn- och utbildningsnämnden",
        amountText: "2 mnkr",
      },
    ],
    // En dash and hyphen as separators; a dash glued to the digits is a sign.
    [
      "Ramökning 2024 KS – 250 tkr",
      { directionWord: "Ramökning", durationWord: null, year: 2024, committees: "KS", amountText: "250 tkr" },
    ],
    [
      "Ramökning 2024 KS - 250 tkr",
      { directionWord: "Ramökning", durationWord: null, year: 2024, committees: "KS", amountText: "250 tkr" },
    ],
    [
      "Ramminskning 2025 VoN -800 tkr",
      { directionWord: "Ramminskning", durationWord: null, year: 2025, committees: "VoN", amountText: "-800 tkr" },
    ],
    [
      "ramjustering KS: -0,5 mnkr",
      { directionWord: "ramjustering", durationWord: null, year: null, committees: "KS", amountText: "-0,5 mnkr" },
    ],
    // Case-insensitive words; the unit is passed through as written.
    [
      "RAMÖKNING 2024 KS: 250 TKR",
      { directionWord: "RAMÖKNING", durationWord: null, year: 2024, committees: "KS", amountText: "250 TKR" },
    ],
    [
      "VARAKTIG Ramjustering SAN: 1 200 tkr",
      {
        directionWord: "Ramjustering",
        durationWord: "VARAKTIG",
        year: null,
        committees: "SAN",
        amountText: "1 200 tkr",
      },
    ],
    // No committee named, and no unit but a colon.
    [
      "Ramökning 2024: 250 tkr",
      { directionWord: "Ramökning", durationWord: null, year: 2024, committees: "", amountText: "250 tkr" },
    ],
    [
      "Ramökning 2024 KS: 250",
      { directionWord: "Ramökning", durationWord: null, year: 2024, committees: "KS", amountText: "250" },
    ],
  ];

  it.each(accepted)("reads %j", (text, expected) => {
    expect(parseAdjustmentLine(text)).toEqual(expected);
  });

  const prose = [
    "Kommunen äger i dagsläget ca 300 bostadsrätter.",
    GOAL_TEXT_2,
    F1,
    U1,
    "Investeringar 2024",
    "Sidan uppdaterad 2024-01-18",
    "Nyckeltal 2024",
    "Ramökning",
    "Varaktig ramjustering",
    "Ramökning 2024 KS",
    // A ram word and an amount, but prose between them.
    "Besparingen blir 500 tkr",
    "Ramökningen för 2024 har gett KS 250 tkr",
    // A unitless number without a separator is too bare to be read as an amount.
    "Ramökning 2024 KS 250",
    // Two lines are not one line.
    `${A1}\n${A1}`,
    "",
  ];

  it.each(prose)("gives null for %j", (text) => {
    expect(parseAdjustmentLine(text)).toBeNull();
  });
});

describe("directionOfWord and durationOfWord", () => {
  it.each([
    ["Ramökning", "increase"],
    ["ramförstärkning", "increase"],
    ["Tilläggsanslag", "increase"],
    ["Engångsanslag", "increase"],
    ["Tillfällig ramförstärkning", "increase"],
    ["Ramminskning", "decrease"],
    ["Effektiviseringskrav", "decrease"],
    ["Besparing", "decrease"],
    ["Ramjustering", null],
    ["Varaktig", null],
    ["Kommunstyrelsen", null],
  ])("directionOfWord(%j) is %j", (word, expected) => {
    expect(directionOfWord(word)).toBe(expected);
  });

  it.each([
    ["Varaktig", "permanent"],
    ["varaktigt", "permanent"],
    ["Tillfällig", "temporary"],
    ["Engångsanslag", "temporary"],
    ["Engångs", "temporary"],
    ["Ramökning", null],
    ["", null],
  ])("durationOfWord(%j) is %j", (word, expected) => {
    expect(durationOfWord(word)).toBe(expected);
  });
});

describe("readPastedDocument: two-column paste (uppdrag | förtydligande)", () => {
  // The uppdrag tables pasted as two columns; ramjusteringar sit in the förtydligande cell after a line break.
  const sheet = grid([
    GOAL, // 0
    GOAL_TEXT, // 1
    null, // 2
    HOW, // 3
    KF_HEADING, // 4
    KF_INTRO, // 5
    ["Uppdrag", "Förtydligande av uppdrag"], // 6
    [U1, `${F1}\n${A1}`], // 7
    [U2, F2], // 8
    [U3, `${F3}\n\n${A3}`], // 9
    NAMND_HEADING, // 10
    NAMND_INTRO, // 11
    ["Uppdrag", "Förtydligande av uppdrag"], // 12
    [`${U4}\n(Kommunstyrelsen)`, F4], // 13: the committee on a line of its own inside the cell
    ...TAIL, // 14-18
  ]);

  it("is recognised as a pasted document", () => {
    expect(looksLikePastedDocument(sheet)).toBe(true);
  });

  it("reads the goal, the four uppdrag and the two ramjusteringar, in sheet order", () => {
    const goal = cell("Näringsliv och tillväxt", 0, 0);
    const kfYear = cell(2024, 4, 0);
    const namndYear = cell(2024, 10, 0);
    const u1 = cell(U1_TITLE, 7, 0);
    const u3 = cell(U3_TITLE, 9, 0);
    const expected: RawRow[] = [
      { kind: "goal", ref: goal.ref, fields: { name: goal }, levelHint: "kommunmal" },
      {
        kind: "assignment",
        ref: u1.ref,
        fields: { name: u1, committee: cell("KS", 7, 0), clarification: cell(F1, 7, 1), parent: goal, year: kfYear },
        originHint: "council",
      },
      {
        kind: "adjustment",
        ref: { sheet: SHEET, row: 7, col: 1 },
        fields: {
          direction: cell("Ramökning", 7, 1),
          year: cell(2024, 7, 1),
          committee: cell("KS", 7, 1),
          amount: cell("250 tkr", 7, 1),
          assignment: u1,
        },
      },
      {
        kind: "assignment",
        ref: { sheet: SHEET, row: 8, col: 0 },
        fields: {
          name: cell(U2_TITLE, 8, 0),
          committee: cell("TN, VoN, SAN, KS", 8, 0),
          clarification: cell(F2, 8, 1),
          parent: goal,
          year: kfYear,
        },
        originHint: "council",
      },
      {
        kind: "assignment",
        ref: u3.ref,
        fields: { name: u3, committee: cell("SAN", 9, 0), clarification: cell(F3, 9, 1), parent: goal, year: kfYear },
        originHint: "council",
      },
      {
        kind: "adjustment",
        ref: { sheet: SHEET, row: 9, col: 1 },
        fields: {
          direction: cell("ramjustering", 9, 1),
          duration: cell("Varaktig", 9, 1),
          // The line names no year: it takes its section's ("Uppdrag från fullmäktige 2024").
          year: kfYear,
          committee: cell("SAN", 9, 1),
          amount: cell("1\u00A0200 tkr", 9, 1),
          assignment: u3,
        },
      },
      {
        kind: "assignment",
        ref: { sheet: SHEET, row: 13, col: 0 },
        fields: {
          name: cell(U4, 13, 0),
          committee: cell("Kommunstyrelsen", 13, 0),
          clarification: cell(F4, 13, 1),
          parent: goal,
          year: namndYear,
        },
        originHint: "committee",
      },
    ];
    expect(readPastedDocument(sheet)?.rows).toEqual(expected);
  });
});

describe("readPastedDocument: one-column paste (one paragraph per row)", () => {
  // Pasted as plain text: every paragraph its own row, blank rows between, the ramjustering a row of its own,
  // and "(Kommunstyrelsen)" a row of its own under the uppdrag it belongs to.
  const sheet = grid([
    GOAL, // 0
    null,
    GOAL_TEXT, // 2
    null,
    GOAL_TEXT_2, // 4
    null,
    HOW, // 6
    null,
    KF_HEADING, // 8
    null,
    KF_INTRO, // 10
    null,
    "Uppdrag", // 12
    null,
    "Förtydligande av uppdrag", // 14
    null,
    U1, // 16
    null,
    F1, // 18
    null,
    A1, // 20
    null,
    U2, // 22
    null,
    F2, // 24
    null,
    U3, // 26
    null,
    F3, // 28
    null,
    A3, // 30
    null,
    NAMND_HEADING, // 32
    null,
    NAMND_INTRO, // 34
    null,
    "Uppdrag", // 36
    null,
    "Förtydligande av uppdrag", // 38
    null,
    U4, // 40
    null,
    "(Kommunstyrelsen)", // 42
    null,
    F4, // 44
    null,
    ...TAIL,
  ]);
  const rows = readPastedDocument(sheet)?.rows ?? [];

  it("produces the same rows as the two-column paste", () => {
    expect(kinds(rows)).toEqual([
      "goal",
      "assignment",
      "adjustment",
      "assignment",
      "assignment",
      "adjustment",
      "assignment",
    ]);
  });

  it("keeps the ramjustering row out of the förtydligande and ties it to its uppdrag", () => {
    expect(rows[1].fields).toEqual({
      name: cell(U1_TITLE, 16, 0),
      committee: cell("KS", 16, 0),
      clarification: cell(F1, 18, 0),
      parent: cell("Näringsliv och tillväxt", 0, 0),
      year: cell(2024, 8, 0),
    });
    expect(rows[2]).toEqual({
      kind: "adjustment",
      ref: { sheet: SHEET, row: 20, col: 0 },
      fields: {
        direction: cell("Ramökning", 20, 0),
        year: cell(2024, 20, 0),
        committee: cell("KS", 20, 0),
        amount: cell("250 tkr", 20, 0),
        assignment: cell(U1_TITLE, 16, 0),
      },
    });
  });

  it("tells uppdrag from förtydligande by the trailing codes", () => {
    expect(rows[3].fields.name).toEqual(cell(U2_TITLE, 22, 0));
    expect(rows[3].fields.committee).toEqual(cell("TN, VoN, SAN, KS", 22, 0));
    expect(rows[3].fields.clarification).toEqual(cell(F2, 24, 0));
    expect(rows[4].fields.name).toEqual(cell(U3_TITLE, 26, 0));
    expect(rows[4].fields.clarification).toEqual(cell(F3, 28, 0));
    expect(rows[5].fields.amount).toEqual(cell("1\u00A0200 tkr", 30, 0));
    expect(rows[5].fields.assignment).toEqual(cell(U3_TITLE, 26, 0));
  });

  it("takes a paragraph followed by a (Full name) row as an uppdrag, the name row as its committee", () => {
    expect(rows[6]).toEqual({
      kind: "assignment",
      ref: { sheet: SHEET, row: 40, col: 0 },
      fields: {
        name: cell(U4, 40, 0),
        committee: cell("Kommunstyrelsen", 42, 0),
        clarification: cell(F4, 44, 0),
        parent: cell("Näringsliv och tillväxt", 0, 0),
        year: cell(2024, 32, 0),
      },
      originHint: "committee",
    });
  });
});

describe("readPastedDocument: (Kommunstyrelsen) in a row of its own, no Mål heading", () => {
  const sheet = grid([
    NAMND_HEADING, // 0
    NAMND_INTRO, // 1
    ["Uppdrag", "Förtydligande av uppdrag"], // 2
    [U4, F4], // 3
    ["(Kommunstyrelsen)", null], // 4
    [null, "Tillfällig ramförstärkning 2025 KS: 0,5 mnkr"], // 5: a lone cell in the förtydligande column
    [null, "Arbetet redovisas i delårsrapporten."], // 6
    ...TAIL,
  ]);
  const rows = readPastedDocument(sheet)?.rows ?? [];

  it("takes the committee from the row below and the parent goal from the intro line", () => {
    const u4 = cell(U4, 3, 0);
    expect(rows).toEqual([
      {
        kind: "assignment",
        ref: u4.ref,
        fields: {
          name: u4,
          committee: cell("Kommunstyrelsen", 4, 0),
          clarification: cell(`${F4}\nArbetet redovisas i delårsrapporten.`, 3, 1),
          parent: cell("Näringsliv och tillväxt", 1, 0),
          year: cell(2024, 0, 0),
        },
        originHint: "committee",
      },
      {
        kind: "adjustment",
        ref: { sheet: SHEET, row: 5, col: 1 },
        fields: {
          direction: cell("ramförstärkning", 5, 1),
          duration: cell("Tillfällig", 5, 1),
          year: cell(2025, 5, 1),
          committee: cell("KS", 5, 1),
          amount: cell("0,5 mnkr", 5, 1),
          assignment: u4,
        },
      },
    ]);
  });
});

describe("readPastedDocument: a sheet starting at C4 with two Mål sections", () => {
  const top = 3;
  const left = 2;
  const sheet = grid(
    [
      GOAL, // row 3
      GOAL_TEXT, // 4
      KF_HEADING, // 5
      ["Uppdrag", "Förtydligande av uppdrag"], // 6
      [U2, F2], // 7
      "Kommunövergripande mål: Ett gott liv för alla", // 8
      "Mål 2 handlar om trygghet.", // 9: no colon, not a heading
      "Uppdrag från kommunfullmäktige", // 10: no year
      [U2, F2], // 11: the same uppdrag under the second goal
      [U3, `${F3}\n${A3}`], // 12
    ],
    top,
    left,
  );
  const rows = readPastedDocument(sheet)?.rows ?? [];

  it("uses sheet coordinates from the grid's corner", () => {
    expect(rows[0]).toEqual({
      kind: "goal",
      ref: { sheet: SHEET, row: 3, col: 2 },
      fields: { name: cell("Näringsliv och tillväxt", 3, 2) },
      levelHint: "kommunmal",
    });
    expect(rows[1].fields.clarification).toEqual(cell(F2, 7, 3));
  });

  it("gives the same uppdrag under two goals as two assignment rows, each with its own parent", () => {
    expect(kinds(rows)).toEqual(["goal", "assignment", "goal", "assignment", "assignment", "adjustment"]);
    expect(rows[2].fields.name).toEqual(cell("Ett gott liv för alla", 8, 2));
    expect(rows[1].fields.name).toEqual(cell(U2_TITLE, 7, 2));
    expect(rows[3].fields.name).toEqual(cell(U2_TITLE, 11, 2));
    expect(rows[1].fields.parent).toEqual(cell("Näringsliv och tillväxt", 3, 2));
    expect(rows[3].fields.parent).toEqual(cell("Ett gott liv för alla", 8, 2));
  });

  it("reads a heading without a year as fullmäktige with no year", () => {
    expect(rows[1].fields.year).toEqual(cell(2024, 5, 2));
    expect(rows[3].originHint).toBe("council");
    expect(rows[3].fields.year).toBeUndefined();
    expect(rows[5].fields.assignment).toEqual(cell(U3_TITLE, 12, 2));
    expect(rows[5].ref).toEqual({ sheet: SHEET, row: 12, col: 3 });
  });
});

describe("readPastedDocument: headings written other ways", () => {
  it.each([
    ["Uppdrag från kommunfullmäktige 2025", "council", 2025],
    ["Fullmäktiges uppdrag", "council", null],
    ["Kommunfullmäktiges uppdrag 2025:", "council", 2025],
    ["Nämndens egna uppdrag", "committee", null],
    ["Nämndernas uppdrag 2025", "committee", 2025],
  ])("%j opens an uppdrag section", (heading, origin, year) => {
    const rows = readPastedDocument(grid([GOAL, heading, [U1, F1]]))?.rows ?? [];
    expect(kinds(rows)).toEqual(["goal", "assignment"]);
    expect(rows[1].originHint).toBe(origin);
    expect(rows[1].fields.year?.value ?? null).toBe(year);
  });

  it("passes over a Nyckeltal section up to the next heading, and lists its cells as not read", () => {
    const document = readPastedDocument(
      grid([GOAL, "Nyckeltal 2024", ["Andel kvinnor som driver företag", "32 %"], [U1, F1], KF_HEADING, [U3, F3]]),
    );
    const rows = document?.rows ?? [];
    expect(kinds(rows)).toEqual(["goal", "assignment"]);
    expect(rows[1].fields.name?.value).toBe(U3_TITLE);
    expect(document?.unread.map(({ cell, reason }) => [cell, reason])).toEqual([
      ["A3", "section"],
      ["B3", "section"],
      ["A4", "section"],
      ["B4", "section"],
    ]);
  });
});

describe("looksLikePastedDocument: sheets that are not pasted pages", () => {
  it("is false for a header table", () => {
    const table = grid([
      ["Uppdrag", "Nämnd", "År", "Mål"],
      [U1_TITLE, "KS", 2024, "Näringsliv och tillväxt"],
      [U2_TITLE, "TN, VoN, SAN, KS", 2024, "Näringsliv och tillväxt"],
    ]);
    expect(looksLikePastedDocument(table)).toBe(false);
    expect(readPastedDocument(table)).toBeNull();
  });

  it("is false for a table with a heading-like title above it", () => {
    const table = grid([
      KF_HEADING,
      ["Uppdrag", "Nämnd", "År", "Förtydligande"],
      [U1_TITLE, "KS", 2024, F1],
      [U2_TITLE, "TN, VoN, SAN, KS", 2024, F2],
      [U3_TITLE, "SAN", 2024, F3],
    ]);
    expect(looksLikePastedDocument(table)).toBe(false);
  });

  it("is false for prose without headings, and for a Mål column without a colon", () => {
    expect(looksLikePastedDocument(grid([GOAL_TEXT, GOAL_TEXT_2, "Mål Näringsliv och tillväxt"]))).toBe(false);
    expect(looksLikePastedDocument(grid([]))).toBe(false);
  });
});

describe("readPastedDocument: forced reading and stray ramjusteringar", () => {
  it("reads a sheet the user mapped as pasted even without headings", () => {
    expect(readPastedDocument(grid([GOAL_TEXT, GOAL_TEXT_2]))).toBeNull();
    // Prose alone gives no rows, and every paragraph is listed as not read.
    const prose = readPastedDocument(grid([GOAL_TEXT, GOAL_TEXT_2]), { force: true });
    expect(prose?.rows).toEqual([]);
    expect(prose?.unread.map(({ cell, reason }) => [cell, reason])).toEqual([
      ["A1", "prose"],
      ["A2", "prose"],
    ]);
    const sheet = grid([GOAL_TEXT, A1]);
    expect(readPastedDocument(sheet, { force: true })?.rows).toEqual([
      {
        kind: "adjustment",
        ref: { sheet: SHEET, row: 1, col: 0 },
        fields: {
          direction: cell("Ramökning", 1, 0),
          year: cell(2024, 1, 0),
          committee: cell("KS", 1, 0),
          amount: cell("250 tkr", 1, 0),
        },
      },
    ]);
    expect(readPastedDocument(grid([]), { force: true })).toEqual({ rows: [], unread: [] });
  });

  it("reads a list of ramjustering lines pasted alone, under a title, without a mapping", () => {
    const document = readPastedDocument(
      grid(["Ramjusteringar budget 2024", A1, "Varaktig ramjustering SAN: 1 200 tkr"]),
    );
    expect(document?.unread).toEqual([
      { sheet: SHEET, cell: "A1", text: "Ramjusteringar budget 2024", reason: "prose", cells: 1 },
    ]);
    expect(document?.rows.map((row) => [row.kind, row.fields.committee?.value, row.fields.amount?.value])).toEqual([
      ["adjustment", "KS", "250 tkr"],
      ["adjustment", "SAN", "1 200 tkr"],
    ]);
  });
});

describe("readPastedDocument: one-column (Full name) uppdrag one after another", () => {
  // The second uppdrag paragraph is first read as förtydligande of the first; its "(Name)" row takes it back.
  const U5 = "Ta fram en plan för laddinfrastruktur på landsbygden.";
  const F5 = "Planen tas fram tillsammans med näringslivet.";
  const sheet = grid([NAMND_HEADING, U4, "(Kommunstyrelsen)", F4, U5, "(Tekniska nämnden)", F5]);
  const rows = readPastedDocument(sheet)?.rows ?? [];

  it("gives each uppdrag its own committee and förtydligande", () => {
    expect(kinds(rows)).toEqual(["assignment", "assignment"]);
    expect(rows[0].fields.name).toEqual(cell(U4, 1, 0));
    expect(rows[0].fields.committee).toEqual(cell("Kommunstyrelsen", 2, 0));
    expect(rows[0].fields.clarification).toEqual(cell(F4, 3, 0));
    expect(rows[1].fields.name).toEqual(cell(U5, 4, 0));
    expect(rows[1].fields.committee).toEqual(cell("Tekniska nämnden", 5, 0));
    expect(rows[1].fields.clarification).toEqual(cell(F5, 6, 0));
  });
});
