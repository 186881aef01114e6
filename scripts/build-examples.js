#!/usr/bin/env node
"use strict";

/**
 * Skriver de medföljande exempelplanerna i examples/ (Writes the bundled example plan workbooks).
 *
 *   node scripts/build-examples.js
 *
 * The real parts come from the seeds (published pages from Östersund, Kiruna and Sandviken kommun); everything else is
 * invented example data, declared on each workbook's "Om exemplet" sheet and never marked inside the data cells.
 * The expected plans in test/expected/ are written by hand from this content: change both together.
 */

const path = require("path");
const fs = require("fs");
const ExcelJS = require("exceljs");
const { KOMMUNBIDRAG_2024_KR, LEDGER_SETTINGS, ledgerCsv } = require("./demo-ledger");

const OUT_DIR = path.join(__dirname, "..", "examples");
const FIXED_DATE = new Date(Date.UTC(2024, 0, 18, 12, 0, 0));
const NBSP = "\u00a0";
const MINUS = "\u2212";
const EN_DASH = "\u2013";

const TKR_FORMAT = '#,##0 "tkr"';
const KR_FORMAT = '#,##0 "kr"';
const MNKR_FORMAT = '#,##0.00 "mnkr"';

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

function newWorkbook(title) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Måltavlan";
  wb.lastModifiedBy = "Måltavlan";
  wb.title = title;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** A sheet with a bold header row at `headerRow`, frozen below it, and the given column widths. */
function tableSheet(wb, name, headers, widths, headerRow = 1) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRow }] });
  ws.columns = headers.map((_, i) => ({ width: widths[i] ?? 20 }));
  const row = ws.getRow(headerRow);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  return ws;
}

/** Appends data rows below the header; `null`/`undefined` leave the cell empty; text cells wrap. */
function addRows(ws, rows) {
  for (const values of rows) {
    const row = ws.addRow(values.map((v) => (v === null || v === undefined ? null : v)));
    row.eachCell((cell) => {
      cell.alignment = { vertical: "top", wrapText: typeof cell.value === "string" };
    });
  }
}

/** Gives every numeric cell of a column, from `firstRow` down, a number format that shows the unit. */
function formatColumn(ws, column, firstRow, numFmt) {
  ws.getColumn(column).eachCell((cell, rowNumber) => {
    if (rowNumber >= firstRow && typeof cell.value === "number") cell.numFmt = numFmt;
  });
}

/** The "Om exemplet" sheet: one paragraph per row in column A. */
function aboutSheet(wb, paragraphs) {
  const ws = wb.addWorksheet("Om exemplet");
  ws.getColumn(1).width = 110;
  paragraphs.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { vertical: "top", wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return ws;
}

/** Two-column key/value rows, no header. */
function settingsSheet(wb, pairs) {
  const ws = wb.addWorksheet("Inställningar");
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 18;
  for (const [key, value] of pairs) {
    const row = ws.addRow([key, value]);
    row.getCell(1).font = { bold: true };
  }
  return ws;
}

function writeText(fileName, text) {
  const file = path.join(OUT_DIR, fileName);
  fs.writeFileSync(file, text);
  console.log(`Skrev ${path.relative(process.cwd(), file)}`);
}

async function write(wb, fileName) {
  const file = path.join(OUT_DIR, fileName);
  await wb.xlsx.writeFile(file);
  console.log(`Skrev ${path.relative(process.cwd(), file)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Real text from the Östersund seed ("Mål: Näringsliv och tillväxt", Östersunds kommun, sidan uppdaterad 2024-01-18)

const OSD = {
  goal: "Näringsliv och tillväxt",
  paragraphs: [
    "Östersunds kommun har en hållbar tillväxt, ett gott företagsklimat och innovationskraft. Östersund är en öppen och inkluderande kommun som attraherar både människor och näringsliv.",
    "En hållbar tillväxt och ett gott företagsklimat är grundläggande förutsättningar för kommunens välfärd och säkrar invånarnas möjligheter till sysselsättning, försörjning och social trygghet. Östersund ska vara attraktivt för inflyttning och för företag att etablera sig i. Att det är enkelt att starta och driva företag i kommunen och att det inom kommunorganisationen finns en förståelse för näringslivets behov skapar utrymme för växande företag och innovation. En växande kommun för med sig arbetstillfällen, nya invånare och skatteintäkter som garanterar en välfärd av högsta kvalité. Östersunds kommun har ett mål om att vara minst 75 000 invånare år 2040.",
    "Bristerna i Jämtlands infrastruktur utgör ett tillväxthinder för regionens utveckling. En förbättrad kollektivtrafik och infrastruktur är avgörande för framtidens tillväxt. Restidtiden mellan Östersund och Stockholm med tåg måste kortas och är nyckelfråga för kommunen att driva framåt.",
    "För att nå målen ska kommunen vara en utvecklingspartner och möjliggörare för ett blomstrande näringsliv. I sin myndighetsutövning ska kommunen inom givna ramar pröva ett ja före ett nej. Östersunds kommun ska också bli den bästa kommunen för kvinnor att vara företagare i och verka för att andelen kvinnor som driver företag ökar.",
    "Östersund ska vara en attraktiv evenemangsstad där det arrangeras kultur- och idrottsevenemang i världsklass. Genom att erbjuda en hög livskvalitet kan Östersunds kommun attrahera inflyttning och nya etableringar ifrån övriga landet och världen.",
    "För att möjliggöra tillväxt ska Östersunds kommun fortsätta planera för ökad tillgång till industri- och verksamhetsmark samt mark för bostadsbyggande i olika former och prisklasser. Arbetet med utvecklingsplaner för Torvalla, Brunflo, Lit- Häggenås samt fler kommande planer är viktiga för hela kommunens tillväxt. Stadskärnan ska utvecklas bland annat genom en ny detaljplan för Gustav III:s torg och Östersundslänken som kommer att göra kollektivtrafiken mer tillgänglig.",
    "En livskraftig landsbygd med likvärdiga möjligheter till företagande, arbete, skola, boende och välfärd är en viktig del av Östersund kommuns tillväxt. Jordbrukets produktion av livsmedel är grunden för en tryggad livsmedelsförsörjning och det lokala småskaliga mathantverket. Kommunen ska därför öka andelen lokala livsmedel som används i de kommunala verksamheterna. Östersunds kommun är stolta över utnämningen till Creative City of Gastronomy och att vara en del av Creative Cities Network.",
    "Samverkan mellan kommunal verksamhet och civilsamhället; föreningar, ideella organisationer, byutvecklingsgrupper och näringsliv är alla en viktig del av den gemensamma utvecklingen. Östersunds kommun ska utveckla former för att ta tillvara civilsamhällets engagemang.",
  ],
  kf: [
    {
      title: "Förbättra kvinnors förutsättningar för företagande i kommunen.",
      codes: "KS",
      clarification:
        "Uppdraget innebär att under 2024, tillsammans med näringslivet, identifiera hinder och möjligheter för kvinnliga företagare i kommunen. Uppdraget innebär även att uppmärksamma kvinnor som driver företag för att inspirera andra.",
    },
    {
      title: "Säkerställ ändamålsenlig användning av det kommunala bostadsinnehavet.",
      codes: "TN, VoN, SAN, KS",
      clarification:
        "Kommunen äger i dagsläget ca 300 bostadsrätter. Dessa upplåts i andra hand på en förhållandevis stor sekundär bostadsmarknad. Kontraktsformer, rutiner och fördelning av dessa behöver ses över grundligt, för ökad rättssäkerhet och effektivitet. Prioriteringsordningar bör vara dokumenterade och efterlevas. Social- och arbetsmarknadsförvaltningen och Vård- och omsorgsförvaltningen ska vara i trygga i att veta hur dessa ska och kan användas, då de är ett bra komplement till olika former av sociala kontrakt hos kommunal eller privat hyresvärd.",
    },
    {
      title: "Behåll kvalitet och kompetens inom flyktingmottagandet.",
      codes: "SAN",
      clarification:
        "Flyktingmottagande är ett område som är svårplanerat och påverkas av många olika oförutsägbara parametrar. Detta innebär att de personella resurserna och den specifika yrkeskompetensen behöver bibehållas över längre tid. Det är därför viktigt, särskilt vid ett minskat mottagande, att ambitionen om att ha ett bra och kvalitativt mottagande kvarstår.",
    },
  ],
  own: {
    title:
      "Se över spridning av kommunal verksamhet på landsbygd samt utreda hur mycket av de kommunala investeringarna som går till landsbygd samt vilka del av kommunens landsbygd där behoven av investeringar är störst.",
    committeeName: "Kommunstyrelsen",
    clarification:
      "Se över spridning av kommunal verksamhet på landsbygd samt utreda hur mycket av de kommunala investeringarna som går till landsbygd. Detta för att tydliggöra hur resursfördelningen ser ut och identifiera om det eventuellt finns potential att jobba mer aktivt med landsbygdsutveckling genom att styra om medel samt vilka delar av kommunens landsbygd där behoven av investeringar är störst.",
  },
  ramKs: "Ramökning 2024 KS: 250 tkr",
  ramSan: `Varaktig ramjustering SAN: 1${NBSP}200 tkr`,
};

const OSD_SOURCE =
  "Källa: Östersunds kommuns webbsida ”Mål: Näringsliv och tillväxt” (sidan uppdaterad 2024-01-18), ur kommunens mål- och resursplan för 2024 (beslutad av kommunfullmäktige 2023-06-19).";

const OSD_BUDGET_SOURCE =
  "Källa för budgeten: Östersunds kommuns webbsida ”Budget och ekonomi” (https://www.ostersund.se/kommun-och-politik/kommunens-mal-och-budget/budget-och-ekonomi.html), avsnittet ”Så här stort kommunbidrag har varje nämnd 2024”.";
/** The nämnder in the order the budget page lists them. */
const OSD_BUDGET_ORDER = ["BUN", "KS", "KFN", "SAN", "TN", "VoN"];
const OSD_COMMITTEES = [
  ["KS", "Kommunstyrelsen", "Nämnd"],
  ["TN", "Tekniska nämnden", "Nämnd"],
  ["VoN", "Vård- och omsorgsnämnden", "Nämnd"],
  ["SAN", "Social- och arbetsmarknadsnämnden", "Nämnd"],
  ["BUN", "Barn- och utbildningsnämnden", "Nämnd"],
  ["KFN", "Kultur- och fritidsnämnden", "Nämnd"],
  ["ÖH", "Östersundshem AB", "Bolag"],
];
const committeeName = (code) => OSD_COMMITTEES.find(([c]) => c === code)[1];
/** The demo's ledger export, beside the example it belongs to. */
const LEDGER_FILE = "ostersund-2024-t1-utfall.csv";

// ---------------------------------------------------------------------------------------------------------------
// a. Östersund 2024 in the template layout

async function buildOstersundTemplate() {
  const wb = newWorkbook("Östersund 2024 – exempelplan (mall)");

  const committees = tableSheet(wb, "Nämnder", ["Förkortning", "Namn", "Typ"], [14, 40, 10]);
  addRows(committees, OSD_COMMITTEES);

  const goals = tableSheet(
    wb,
    "Mål",
    ["ID", "Nivå", "Namn", "Överordnat", "Nämnd", "Målvärde"],
    [8, 24, 60, 12, 10, 22],
  );
  addRows(goals, [
    [
      "V1",
      "Vision",
      "Östersund – en öppen och växande kommun där människor och företag vill leva och verka",
      null,
      null,
      null,
    ],
    ["M1", "Kommunövergripande mål", OSD.goal, "V1", null, null],
    ["M2", "Kommunövergripande mål", "Klimat och miljö", "V1", null, null],
    ["M3", "Kommunövergripande mål", "Barn och unga", "V1", null, null],
    ["M4", "Kommunövergripande mål", "Trygghet och hälsa", "V1", null, null],
    ["NM1", "Nämndmål", "Det är enkelt att starta och driva företag i kommunen", "M1", "KS", "NKI minst 75"],
    ["NM2", "Nämndmål", "Fler kvinnor driver företag i kommunen", "M1", "KS", null],
    ["NM3", "Nämndmål", "Det finns planlagd verksamhetsmark för nya etableringar", "M1", "TN", "20 hektar"],
    ["NM4", "Nämndmål", "Andelen fossilfria fordon i kommunens fordonsflotta ökar", "M2", "TN", "100 % år 2030"],
    ["NM5", "Nämndmål", "Fler elever är behöriga till gymnasieskolan", "M3", "BUN", "90 %"],
    ["NM6", "Nämndmål", "Barn och unga i familjer med ekonomiskt bistånd får tidigt stöd", "M3; M4", "SAN", null],
    ["NM7", "Nämndmål", "Äldre känner sig trygga i sitt boende", "M4", "VoN", 85],
    ["NM8", "Nämndmål", "Fler kultur- och idrottsevenemang arrangeras i Östersund", "M1", "KFN", null],
    ["NM9", "Nämndmål", "Energianvändningen i bolagets fastigheter minskar", "M2", "ÖH", "5 % lägre än 2023"],
  ]);

  const assignments = tableSheet(
    wb,
    "Uppdrag",
    ["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"],
    [8, 50, 70, 8, 18, 12, 8],
  );
  addRows(assignments, [
    ["U1", OSD.kf[0].title, OSD.kf[0].clarification, "M1", "KS", "Fullmäktige", 2024],
    ["U2", OSD.kf[1].title, OSD.kf[1].clarification, "M1", "TN, VoN, SAN, KS", "Fullmäktige", 2024],
    ["U3", OSD.kf[2].title, OSD.kf[2].clarification, "M1", "SAN", "Fullmäktige", 2024],
    ["U4", OSD.own.title, OSD.own.clarification, "M1", "KS", "Nämnd", 2024],
    [
      "U5",
      "Utred förutsättningarna för fler trygghetsboenden.",
      "Utredningen ska visa behov, lämpliga lägen och kostnader för trygghetsboenden i tätort och på landsbygd.",
      "M4",
      "VoN",
      "Fullmäktige",
      2024,
    ],
    ["U6", "Genomför en översyn av skolskjutsorganisationen.", null, "M3", "BUN", "Nämnd", 2024],
    [
      "U7",
      "Inför digital ansökan om ekonomiskt bistånd.",
      "Den som söker ekonomiskt bistånd ska kunna göra det digitalt.",
      null,
      "SAN",
      "Fullmäktige",
      2024,
    ],
    ["U8", "Ta fram en plan för en fossilfri fordonsflotta.", null, "M2", "TN", "Nämnd", 2024],
    [
      "U9",
      "Ta fram en evenemangsstrategi för Östersund.",
      "Strategin ska omfatta både kultur- och idrottsevenemang.",
      "M1",
      "KFN, KS",
      "Fullmäktige",
      2025,
    ],
  ]);

  const adjustments = tableSheet(
    wb,
    "Ramjusteringar",
    ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag", "Kommentar"],
    [8, 10, 8, 16, 16, 14, 10, 40],
  );
  addRows(adjustments, [
    ["R1", "KS", 2024, 250, "Ramökning", "Tillfällig", "U1", OSD.ramKs],
    ["R2", "SAN", 2024, 1200, "Ramökning", "Varaktig", "U3", "Varaktig ramjustering SAN: 1 200 tkr"],
    ["R3", "VoN", 2024, -3500, "Ramminskning", "Varaktig", null, "Effektiviseringskrav"],
    ["R4", "BUN", 2024, 12400, "Ramökning", "Varaktig", null, "Pris- och löneuppräkning"],
    ["R5", "VoN", 2024, 800, "Ramökning", "Tillfällig", "U5", "Utredning av trygghetsboenden"],
    ["R6", "KFN", 2025, 500, "Ramökning", "Tillfällig", "U9", "Evenemangsstrategi"],
  ]);
  formatColumn(adjustments, 4, 2, TKR_FORMAT);

  const keyFigures = tableSheet(
    wb,
    "Nyckeltal",
    ["ID", "Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Enhet"],
    [8, 50, 12, 8, 12, 10],
  );
  addRows(keyFigures, [
    ["N1", "Invånare totalt, antal", "N01951", "M1", "75 000", "antal"],
    ["N2", "Förvärvsarbetande invånare 20-64 år, andel (%)", "N00914", "M1", 80, "%"],
    ["N3", "Inflyttade, antal", "N01801", "M1", null, "antal"],
    ["N4", "Kostnad ekonomiskt bistånd, kr/inv", "N31001", "M4", null, "kr/inv"],
    ["N5", "Andel lokala livsmedel i kommunens verksamheter", null, "M1", "30 %", "%"],
  ]);

  // As the page lists it: each nämnd's kommunbidrag in kronor, in the page's order (the nämnder the example has).
  const budget = tableSheet(wb, "Driftbudget", ["Nämnd", "Kommunbidrag 2024 (kr)"], [40, 24]);
  addRows(
    budget,
    OSD_BUDGET_ORDER.map((code) => [committeeName(code), KOMMUNBIDRAG_2024_KR[code]]),
  );
  formatColumn(budget, 2, 2, KR_FORMAT);

  const settings = settingsSheet(wb, [
    ["Budgetår", 2024],
    ["Planår", "2025, 2026"],
  ]);
  ledgerTables(settings, 4);

  aboutSheet(wb, [
    "Om exemplet: Östersund 2024 i Måltavlans mall",
    "Den här arbetsboken visar Måltavlans mall (flikarna Nämnder, Mål, Uppdrag, Ramjusteringar, Nyckeltal och Inställningar) ifylld med en del av Östersunds kommuns plan för 2024.",
    OSD_SOURCE,
    "Hämtat från webbsidan: det kommunövergripande målet ”Näringsliv och tillväxt” (M1), fullmäktiges tre uppdrag U1–U3 med förtydliganden och ansvariga nämnder, nämndens eget uppdrag U4 (Kommunstyrelsen), ramökningen 2024 för KS på 250 tkr (R1) och den varaktiga ramjusteringen för SAN på 1 200 tkr (R2). Målet om minst 75 000 invånare år 2040 står i webbsidans text (här som målvärde för nyckeltalet N1).",
    "Påhittade exempeldata: visionen (V1), de övriga kommunövergripande målen (M2–M4), alla nämndmål (NM1–NM9), uppdragen U5–U9, ramjusteringarna R3–R6, nyckeltalens koppling och målvärden samt nämndregistrets förkortningar. Barn- och utbildningsnämnden, Kultur- och fritidsnämnden och bolaget Östersundshem AB (ÖH) finns med som exempel och motsvarar inte nödvändigtvis Östersunds verkliga organisation.",
    "Nyckeltalens Kolada-ID (N01951, N00914, N01801, N31001) är verkliga nyckeltal i Kolada; deras koppling till målen och målvärdena är exempel.",
    "Att målet ”Näringsliv och tillväxt” saknar strategiskt område ovanför sig är verkligt och normalt: nivåer får hoppas över.",
    OSD_BUDGET_SOURCE,
    "Hämtat från den sidan: fliken Driftbudget, kommunbidraget 2024 i kronor för de sex nämnder exemplet har (sidan listar också Jämtlands Gymnasieförbund, Jämtlands Räddningstjänstförbund, Kommunrevisionen, Miljö- och samhällsnämnden, Överförmyndarnämnden och Valnämnden, som exemplet inte har med). Östersundshem AB är ett bolag och får inget kommunbidrag.",
    "Påhittat för demon: tabellerna Ansvar | Nämnd och Konto som inte räknas på fliken Inställningar, och exporten ur ekonomisystemet ostersund-2024-t1-utfall.csv (ansvar, konton och belopp är påhittade; varje nämnds utfall är ungefär en tredjedel av dess verkliga kommunbidrag).",
  ]);

  await write(wb, "ostersund-2024-mall.xlsx");
  writeText(LEDGER_FILE, ledgerCsv());
}

/** Two tables side by side from sheet row `row`: which ansvar belongs to which nämnd, and the konton left out. */
function ledgerTables(ws, row) {
  const head = (r, c, text) => {
    const cell = ws.getCell(r, c);
    cell.value = text;
    cell.font = { bold: true };
  };
  head(row, 1, "Ansvar");
  head(row, 2, "Nämnd");
  head(row, 4, "Konto som inte räknas");
  head(row, 5, "Benämning");
  ws.getColumn(4).width = 24;
  ws.getColumn(5).width = 18;
  LEDGER_SETTINGS.ansvar.forEach(([code, committee], i) => {
    ws.getCell(row + 1 + i, 1).value = code;
    ws.getCell(row + 1 + i, 2).value = committee;
  });
  LEDGER_SETTINGS.excludedAccounts.forEach(([konto, label], i) => {
    ws.getCell(row + 1 + i, 4).value = konto;
    ws.getCell(row + 1 + i, 5).value = label;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// b. The same real part of Östersund's plan, pasted from the web page into one sheet

async function buildOstersundPasted() {
  const wb = newWorkbook("Östersund 2024 – inklistrat budgetdokument");
  const ws = wb.addWorksheet("Budgetdokument");
  ws.getColumn(1).width = 70;
  ws.getColumn(2).width = 90;

  let r = 0;
  const line = (a, b, opts = {}) => {
    r += 1;
    const row = ws.getRow(r);
    row.getCell(1).value = a;
    if (b !== undefined) row.getCell(2).value = b;
    row.eachCell((cell) => {
      cell.alignment = { vertical: "top", wrapText: true };
      if (opts.bold) cell.font = { bold: true, size: opts.size };
    });
  };

  line(`Mål: ${OSD.goal}`, undefined, { bold: true, size: 16 });
  for (const p of OSD.paragraphs) line(p);
  line("Så här gör vi för att nå målet 2024", undefined, { bold: true, size: 13 });
  line("Uppdrag från fullmäktige 2024", undefined, { bold: true, size: 12 });
  line(`Fullmäktiges uppdrag för det kommunövergripande målet ${OSD.goal}:`);
  line("Uppdrag", "Förtydligande av uppdrag", { bold: true });
  line(`${OSD.kf[0].title} ${OSD.kf[0].codes}`, `${OSD.kf[0].clarification}\n${OSD.ramKs}`);
  line(`${OSD.kf[1].title} ${OSD.kf[1].codes}`, OSD.kf[1].clarification);
  line(`${OSD.kf[2].title} ${OSD.kf[2].codes}`, OSD.kf[2].clarification);
  line(OSD.ramSan);
  line("Nämndernas egna uppdrag 2024", undefined, { bold: true, size: 12 });
  line(`Nämndernas uppdrag för det kommunövergripande målet ${OSD.goal}:`);
  line("Uppdrag", "Förtydligande av uppdrag", { bold: true });
  line(`${OSD.own.title}\n(${OSD.own.committeeName})`, OSD.own.clarification);
  line("Nyckeltal 2024", undefined, { bold: true, size: 12 });
  line("Investeringar 2024", undefined, { bold: true, size: 12 });
  line("-");

  aboutSheet(wb, [
    "Om exemplet: Östersund 2024, inklistrat från webben",
    "Fliken Budgetdokument är innehållet på en av Östersunds kommuns webbsidor, inklistrat i Excel som det ser ut när man kopierar från webbläsaren: ett stycke per rad i kolumn A och uppdragstabellerna i två kolumner (Uppdrag, Förtydligande av uppdrag). De ansvariga nämnderna står sist i uppdragstexten, ramjusteringarna står som egna rader eller sist i förtydligandet.",
    OSD_SOURCE,
    "Allt på fliken Budgetdokument kommer från webbsidan; inget är påhittat. Sidans avslutande rader (”För att nå målet har vi bland annat:” utan efterföljande innehåll och ”Sidan uppdaterad 2024-01-18”) är utelämnade. Samma uppgifter finns i strukturerad form, tillsammans med påhittade exempeldata, i ostersund-2024-mall.xlsx.",
  ]);

  await write(wb, "ostersund-2024-klistrad.xlsx");
}

// ---------------------------------------------------------------------------------------------------------------
// c. Kiruna 2020 in a free layout (links by name, full nämnd names, no ids, no register)

const KIRUNA = {
  vision:
    "Vår övertygelse om människors lika värde är lika djup och värdefull som vår malm. Våra ambitioner är högre än våra fjäll. Våra näringar gör oss världsledande. De stora vidderna ger rymd åt ursprung och nytänkande. Vi är Kiruna.",
  areas: [
    [
      "Näringslivsutveckling och arbetsmarknad",
      "I Kiruna har arbetsmarknaden en bredd som attraherar både kvinnor och män och förutsättningarna är bra för att driva företag.",
    ],
    [
      "Offentlig och kommersiell service",
      "En väl fungerande offentlig service tryggar invånarnas hälsa, sociala välfärd och ska finnas nära invånarna.",
    ],
    [
      "Boende, bebyggelse och livsmiljö",
      "En god och trygg livsmiljö där god tillgång till ett varierat utbud av bostäder är en självklarhet.",
    ],
    [
      "Kommunikationer",
      "Kiruna ska ha goda kommunikationer mot omvärlden och tidsenliga lösningar för att klara omställningar och framtida klimatkrav.",
    ],
    [
      "Kultur, fritid och idrott i hela kommunen",
      "Kultur och idrott ska vara lättillgängligt och ge medborgare och besökare ett rikt liv.",
    ],
    [
      "Utbildning och forskning",
      "Kiruna har god kvalitet i utbildningen från grundskola till högskola och forskningen fokuserar på starka sektorer som miljö, rymd, gruva och turism.",
    ],
  ],
  targets2020: [
    "att i samverkan med näringslivet har vi skapat förutsättningar för 1000 nya jobb",
    "att i samverkan med universitet och högskolor har vi etablerat Campus Kiruna med minst 400 heltidsstuderande studenter",
    "att vi har plats för alla, vi är ett jämställt och inkluderande samhälle.",
  ],
};

async function buildKiruna() {
  const wb = newWorkbook("Kiruna kommun – Vision, inriktningar och mål 2020");
  const goalOf = (i) => KIRUNA.areas[i][1];

  const ws = tableSheet(wb, "Styrmodell", ["Målnivå", "Benämning", "Tillhör", "Ansvarig"], [22, 70, 70, 30], 3);
  ws.mergeCells("A1:D1");
  ws.getCell("A1").value = "Kiruna kommun – Vision, inriktningar och mål 2020";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getRow(1).height = 24;

  const rows = [["Vision", KIRUNA.vision, null, null]];
  for (const [area, goal] of KIRUNA.areas) {
    rows.push(["Strategisk inriktning", area, null, null]);
    rows.push(["Övergripande mål", goal, area, null]);
  }
  for (const target of KIRUNA.targets2020) rows.push(["Övergripande mål", target, KIRUNA.vision, null]);
  rows.push(
    ["Nämndmål", "Fler företag etablerar sig i Kiruna", goalOf(0), "Kommunstyrelsen"],
    [
      "Nämndmål",
      "Fler elever lämnar grundskolan med godkända betyg i alla ämnen",
      goalOf(5),
      "Barn- och utbildningsnämnden",
    ],
    ["Nämndmål", "Äldre med hemtjänst känner sig trygga", goalOf(1), "Socialnämnden"],
    ["Nämndmål", "Utbudet av kultur- och fritidsaktiviteter för unga ökar", goalOf(4), "Kultur- och fritidsnämnden"],
    [
      "Nämndmål",
      "Fler kvinnor startar och driver företag",
      `${goalOf(0)}\n${KIRUNA.targets2020[0]}`,
      "Kommunstyrelsen",
    ],
    [
      "Nämndmål",
      "Detaljplaner för nya bostäder tas fram i takt med stadsomvandlingen",
      goalOf(2),
      "Samhällsbyggnadsnämnden",
    ],
  );
  addRows(ws, rows);

  const up = tableSheet(
    wb,
    "Uppdrag 2020",
    ["Uppdrag", "Kopplat mål", "Ansvarig nämnd", "Budget (mnkr)", "Budgetår"],
    [55, 60, 45, 14, 10],
    4,
  );
  up.mergeCells("A1:E1");
  up.getCell("A1").value = "Kommunfullmäktiges uppdrag till nämnderna 2020";
  up.getCell("A1").font = { bold: true, size: 16 };
  up.getCell("A2").value = "Uppdragen följs upp i delårsrapporten och i årsredovisningen.";
  up.getCell("A2").font = { italic: true };
  addRows(up, [
    [
      "Ta fram en handlingsplan för etableringen av Campus Kiruna.",
      KIRUNA.targets2020[1],
      "Kommunstyrelsen",
      1.5,
      2020,
    ],
    [
      "Utred behovet av bostäder för studenter och nyanställda.",
      goalOf(2),
      "Kommunstyrelsen och Samhällsbyggnadsnämnden",
      null,
      2020,
    ],
    [
      "Samordna lovaktiviteter för barn och unga.",
      goalOf(4),
      "Kultur- och fritidsnämnden & Barn- och utbildningsnämnden",
      null,
      2020,
    ],
    [
      "Inför ett gemensamt mottagande för nyanlända.",
      KIRUNA.targets2020[2],
      "Socialnämnden; Barn- och utbildningsnämnden; Kommunstyrelsen",
      null,
      2020,
    ],
    ["Ta fram en kompetensförsörjningsplan för äldreomsorgen.", goalOf(1), "Socialnämnden", 0.75, 2020],
    ["Utveckla e-tjänster för bygglov.", null, "Samhällsbyggnadsnämnden", 0.4, 2020],
  ]);
  formatColumn(up, 4, 5, MNKR_FORMAT);

  aboutSheet(wb, [
    "Om exemplet: Kiruna 2020 i fri layout",
    "Den här arbetsboken är inte Måltavlans mall utan en egen layout, som många kommuner har: rubrikrader ovanför tabellen, inga ID-kolumner, målen kopplade till varandra med namn (kolumnen Tillhör) och nämnderna skrivna med fullständiga namn. Det finns ingen flik med nämndregister; nämnderna hämtas ur planen.",
    "Hämtat från Kiruna kommuns webbsidor ”Vision, mål och varumärke” (senast ändrad 2020-02-21) och ”Övergripande målsättning år 2020” (senast ändrad 2017-05-29): visionen (antagen av kommunfullmäktige 2013-05-27, § 68), de sex strategiska inriktningarna med sina övergripande mål och de tre målsättningarna för 2020 (beslutade av kommunfullmäktige 12 september 2016).",
    "Påhittade exempeldata: alla nämndmål och deras nämnder samt hela fliken ”Uppdrag 2020” (uppdrag, kopplingar, ansvariga nämnder och belopp).",
  ]);

  await write(wb, "kiruna-2020-fri.xlsx");
}

// ---------------------------------------------------------------------------------------------------------------
// d. Sandviken 2024, one sheet per level, with a register of nämnder and bolag

const SANDVIKEN_AREAS = [
  "Växa för framtiden",
  "Minskad klimatpåverkan",
  "Utbildning som gör skillnad",
  `En kommun att trivas i ${EN_DASH} bra livsmiljö`,
];

async function buildSandviken() {
  const wb = newWorkbook("Sandviken 2024 – exempelplan");
  const vision = "Sandviken växer – hållbart, tryggt och tillsammans";
  const [grow, climate, school, life] = SANDVIKEN_AREAS;

  const vs = tableSheet(wb, "Vision", ["Benämning"], [70]);
  addRows(vs, [[vision]]);

  const areas = tableSheet(wb, "Strategiska områden", ["Benämning", "Bidrar till"], [45, 55]);
  addRows(
    areas,
    SANDVIKEN_AREAS.map((a) => [a, vision]),
  );

  const goals = tableSheet(wb, "Nämndmål", ["Mål", "Bidrar till", "Nämnd", "Målvärde"], [65, 45, 10, 22]);
  addRows(goals, [
    ["Antalet invånare ökar varje år", grow, "KS", "Ökning jämfört med föregående år"],
    ["Fler bostäder byggs i hela kommunen", grow, "SBN", 200],
    ["Kommunens verksamheter minskar sina utsläpp av växthusgaser", climate, "KS", "10 % lägre än 2022"],
    ["Fler elever når minst betyget E i alla ämnen", school, "BUN", "85 %"],
    ["Barn och unga har en aktiv och meningsfull fritid", life, "KFN", null],
    ["Fler invånare blir självförsörjande", `${grow}; ${life}`, "SN", "70 %"],
    ["Fjärrvärmen produceras helt med förnybar eller återvunnen energi", climate, "SEAB", "100 %"],
    ["Fler hyresbostäder i hela kommunen", grow, "SHAB", "100 lägenheter"],
  ]);

  const up = tableSheet(
    wb,
    "Uppdrag",
    ["Nr", "Rubrik", "Förtydligande", "Koppling", "Utförare", "Avser år"],
    [8, 55, 65, 40, 14, 10],
  );
  addRows(up, [
    [
      "U-01",
      "Ta fram en ny bostadsförsörjningsplan.",
      "Planen ska visa hur många bostäder som behövs för att kommunen ska kunna nå 50 000 invånare.",
      grow,
      "KS, SBN",
      2024,
    ],
    [
      "U-02",
      "Inför en klimatbudget som en del av budgetprocessen.",
      "Klimatbudgeten ska visa hur kommunkoncernens utsläpp ska minska till 2030.",
      climate,
      "KS",
      2024,
    ],
    ["U-03", "Utveckla studie- och yrkesvägledningen i grundskolan.", null, school, "BUN", 2024],
    [
      "U-04",
      "Öka tryggheten i centrala Sandviken.",
      "Trygghetsvandringar genomförs tillsammans med invånare, föreningar och fastighetsägare.",
      life,
      "KS, SN, KFN",
      2024,
    ],
    [
      "U-05",
      "Se över lokalförsörjningen inom förskolan.",
      "Översynen ska vara klar inför budget 2026.",
      null,
      "BUN",
      2025,
    ],
    ["U-06", "Stärk samverkan mellan skola och näringsliv.", null, `${grow}\n${school}`, "KS; BUN", 2024],
  ]);

  const ram = tableSheet(
    wb,
    "Ramjusteringar",
    ["Nämnd", "År", "Ramjustering", "Varaktighet", "Uppdrag"],
    [10, 8, 16, 14, 10],
  );
  addRows(ram, [
    ["KS", 2024, `1${NBSP}500 tkr`, "Tillfällig", "U-02"],
    ["BUN", 2024, `${MINUS}2,5 mnkr`, "Varaktig", null],
    ["SN", 2024, `3${NBSP}200 tkr`, "Varaktig", null],
    ["SBN", 2025, "0,75 mnkr", "Tillfällig", "U-01"],
    ["KFN", 2024, "-400 tkr", null, null],
    ["KS", 2024, `${EN_DASH}300 tkr`, "Varaktig", null],
    ["KS", 2024, "200 tkr", "Tillfällig", null],
  ]);

  const reg = tableSheet(wb, "Nämnder och bolag", ["Förkortning", "Namn", "Typ"], [14, 40, 10]);
  addRows(reg, [
    ["KS", "Kommunstyrelsen", "Nämnd"],
    ["BUN", "Barn- och utbildningsnämnden", "Nämnd"],
    ["SN", "Socialnämnden", "Nämnd"],
    ["KFN", "Kultur- och fritidsnämnden", "Nämnd"],
    ["SBN", "Samhällsbyggnadsnämnden", "Nämnd"],
    ["SEAB", "Sandviken Energi AB", "Bolag"],
    ["SHAB", "Sandvikenhus AB", "Bolag"],
  ]);

  settingsSheet(wb, [
    ["Budgetår", 2024],
    ["Planår", `2025${EN_DASH}2026`],
  ]);

  aboutSheet(wb, [
    "Om exemplet: Sandviken 2024 i fri layout",
    "Den här arbetsboken har en flik per nivå (Vision, Strategiska områden, Nämndmål) i stället för Måltavlans mall. Som i Sandviken hänger nämndernas mål och bolagens strategiska mål direkt på kommunfullmäktiges strategiska områden, utan kommunövergripande mål emellan. Ramjusteringarna står som text med enhet (tkr, mnkr) och tecken, så som de ofta skrivs.",
    "Hämtat från Sandvikens kommuns webbsida ”Kommunfullmäktiges strategiska områden de kommande åren”: de fyra strategiska områdena, fastställda av kommunfullmäktige den 20 februari och gällande fram till 2026, och att nämndplaner och bolagens strategiska mål för 2024 bygger på dem.",
    "Påhittade exempeldata: visionen, alla nämndmål och bolagens strategiska mål, uppdragen, ramjusteringarna och nämnd- och bolagsregistrets förkortningar. Sandviken Energi AB och Sandvikenhus AB finns med som exempel på bolag.",
  ]);

  await write(wb, "sandviken-2024-fri.xlsx");
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  await buildOstersundTemplate();
  await buildOstersundPasted();
  await buildKiruna();
  await buildSandviken();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
