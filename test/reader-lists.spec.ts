/**
 * More classes of real layouts (test/corpus/README.md), each on a small generated grid and one through a real .xlsx:
 * goals listed under a title naming their level, indicators beside the goal they measure, a pasted page mostly not
 * understood, and "samtliga nämnder" in a plan without a register of nämnder.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readPlan } from "../src/domain/readPlan";
import { planToJson } from "../src/domain/summary";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { CellValue, Grid, MergedRange } from "../src/sheet/grid";

function grid(sheet: string, values: CellValue[][], merges?: MergedRange[]): Grid {
  return { sheet, top: 0, left: 0, values, ...(merges ? { merges } : {}) };
}

function read(...grids: Grid[]) {
  const result = readPlan(grids);
  const plan = planToJson(result.plan);
  const where = (severity: string) =>
    result.findings.filter((f) => f.severity === severity).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  return { plan, errors: where("error"), warnings: where("warning"), unread: result.unread, result };
}

const goalNames = (plan: ReturnType<typeof planToJson>) => plan.goals.map((g) => [g.level, g.name]);

describe("goals listed under a title naming their level", () => {
  test("a plain list, one name per row, with prose above and below", () => {
    const { plan, errors, unread } = read(
      grid("Plan", [
        ["Strategisk plan 2025-2027"],
        ["Den strategiska planen är ett av kommunens viktigaste styrdokument och revideras årligen av fullmäktige."],
        [],
        ["Strategiska utvecklingsområden"],
        ["Social hållbarhet"],
        ["Samhällsbyggande"],
        ["Klimat, miljö och energi"],
        [],
        ["Till varje område finns mål som beskriver en framtidsbild och ett önskvärt slutläge för kommunen."],
      ]),
    );
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["omrade", "Social hållbarhet"],
      ["omrade", "Samhällsbyggande"],
      ["omrade", "Klimat, miljö och energi"],
    ]);
    // The title above gives the plan's years; the paragraphs are listed as not read, none dropped in silence.
    expect(plan.years).toEqual([2025, 2026, 2027]);
    expect(unread.map((u) => [u.cell, u.reason])).toEqual([
      ["A2", "prose"],
      ["A9", "prose"],
    ]);
  });

  test("numbered names with a description beside them, and a paragraph between two names", () => {
    const { plan, errors, unread } = read(
      grid("Mål", [
        ["Målområden:"],
        [1, "Människa och miljö", "Genom ökad delaktighet skapas en hållbar utveckling."],
        ["Här beskrivs hur kommunen ska arbeta med området under hela planperioden och varför det behövs."],
        [2, "Utbildning och kunskap", "Invånarnas tillgång till utbildning ska öka."],
      ]),
    );
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["omrade", "Människa och miljö"],
      ["omrade", "Utbildning och kunskap"],
    ]);
    expect(unread.map((u) => [u.cell, u.reason])).toEqual([
      ["C2", "prose"],
      ["A3", "prose"],
      ["C4", "prose"],
    ]);
  });

  test("a list below a register of nämnder: the register is read as a table, the list as goals", () => {
    const { plan, errors } = read(
      grid("Organisation", [
        ["Förkortning", "Nämnd"],
        ["KS", "Kommunstyrelsen"],
        ["BUN", "Barn- och utbildningsnämnden"],
        [],
        ["Fokusområden"],
        ["Trygghet"],
        ["Livslångt lärande"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.committees.map((c) => c.code)).toEqual(["KS", "BUN"]);
    expect(goalNames(plan)).toEqual([
      ["omrade", "Trygghet"],
      ["omrade", "Livslångt lärande"],
    ]);
  });

  test("a level's name over a single sentence is a heading, not a list", () => {
    const { plan } = read(
      grid("Text", [
        ["Fokusområden"],
        ["Kommunen har fyra fokusområden som beskrivs närmare i den strategiska planens andra del."],
      ]),
    );
    expect(plan.goals).toEqual([]);
  });

  test("through a real .xlsx, with the names merged across two columns", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Strategisk plan");
    sheet.getCell("A1").value = "Fokusområden";
    sheet.getCell("A2").value = "Social hållbarhet";
    sheet.getCell("A3").value = "Samhällsbyggande";
    sheet.mergeCells("A2:B2");
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "lists-")), "plan.xlsx");
    await workbook.xlsx.writeFile(file);
    const { grids } = await readWorkbookFile(file);
    const { plan, errors } = read(...grids);
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["omrade", "Social hållbarhet"],
      ["omrade", "Samhällsbyggande"],
    ]);
  });
});

describe("indicators beside the goal they measure", () => {
  const header = ["Övergripande mål", "Indikator", "Målvärde 2024", "Utfall 2023"];

  test("several indicators under one goal, its cell merged down or left empty", () => {
    const { plan, errors, unread } = read(
      grid(
        "Indikatorer",
        [
          header,
          ["Verksamhet med god kvalitet", "Andel elever som klarar kartläggningen", "Minst 90 %", 87],
          [null, "Medelvärde trygghet åk 5", 8, 7.6],
          [null, "Medelvärde studiero åk 8", 7, null],
          ["Hållbar miljö", "Andel fossilfria fordon", "100 %", null],
        ],
        [{ top: 1, left: 0, bottom: 2, right: 0 }],
      ),
    );
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["kommunmal", "Verksamhet med god kvalitet"],
      ["kommunmal", "Hållbar miljö"],
    ]);
    const goalOf = new Map(plan.goals.map((g) => [g.id, g.name]));
    expect(plan.keyFigures.map((k) => [k.name, k.goalId && goalOf.get(k.goalId)])).toEqual([
      ["Andel elever som klarar kartläggningen", "Verksamhet med god kvalitet"],
      ["Medelvärde trygghet åk 5", "Verksamhet med god kvalitet"],
      ["Medelvärde studiero åk 8", "Verksamhet med god kvalitet"],
      ["Andel fossilfria fordon", "Hållbar miljö"],
    ]);
    // The outcome column is no part of the plan: listed, not dropped.
    expect(unread.find((u) => u.cell.startsWith("D"))?.reason).toBe("column");
  });

  test("a measuring method column beside a tree, under a header over two rows with the years below it", () => {
    const values: CellValue[][] = [
      ["Mål och målvärden 2025"],
      ["Målområde", "Inriktningsmål", "Delmål", "Mätmetod", "Utfall", null, "Målvärde"],
      [null, null, null, null, 2023, 2024, 2025],
      [
        "Trygg uppväxt",
        "Alla barn ska må bra",
        "Skolan ska vara trygg",
        "Elevenkät: andel elever som känner sig trygga",
        88,
        90,
        95,
      ],
    ];
    // The header cells merged down over the years' row, "Utfall" across its two years.
    const merges = [0, 1, 2, 3, 6].map((col) => ({ top: 1, left: col, bottom: 2, right: col }));
    const { plan, errors, unread } = read(
      grid("Trygg uppväxt", values, [...merges, { top: 1, left: 4, bottom: 1, right: 5 }]),
    );
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["omrade", "Trygg uppväxt"],
      ["kommunmal", "Alla barn ska må bra"],
      ["namndmal", "Skolan ska vara trygg"],
    ]);
    const goalOf = new Map(plan.goals.map((g) => [g.id, g.name]));
    expect(plan.keyFigures.map((k) => [k.name, k.goalId && goalOf.get(k.goalId), k.target])).toEqual([
      ["Elevenkät: andel elever som känner sig trygga", "Skolan ska vara trygg", "95"],
    ]);
    expect(unread).toContainEqual(expect.objectContaining({ cell: "E3:G3", reason: "header", cells: 3 }));
  });

  test("the years under a header over two rows of a goal tree are the header's", () => {
    const { errors, unread } = read(
      grid("Mål", [
        ["Målområde", "Inriktningsmål", "Målvärde"],
        [null, null, "2025"],
        ["Trygg uppväxt", "Alla barn ska må bra", "95 %"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(unread).toEqual([expect.objectContaining({ cell: "C2", reason: "header" })]);
  });
});

describe("honest reading of pasted text and of 'samtliga nämnder'", () => {
  test("a pasted page mostly not understood is a warning, not '0 fel, 0 varningar'", () => {
    const lines = [
      "Kommunstyrelsen",
      "Förslag till beslut",
      "Kommunstyrelsen får i uppdrag att se över lokalförsörjningen.",
      "Tabell 3 Driftbudget per verksamhet",
      "Verksamhet Budget 2024 Plan 2025",
      "Grundskola 412 300 420 100",
      "Gymnasieskola 180 200 183 900",
      "Äldreomsorg 512 000 530 400",
      "Summa 1 104 500 1 134 400",
      "Budgeten bygger på prognosen från april.",
      "Sida 2 (3)",
    ];
    const { plan, warnings, result } = read(
      grid(
        "Klistrat",
        lines.map((line) => [line]),
      ),
    );
    expect(result.sheets[0].layout).toBe("pasted");
    expect(plan.assignments.map((a) => a.title)).toEqual(["Se över lokalförsörjningen"]);
    expect(warnings).toEqual(["pasted-mostly-unread Klistrat!A1"]);
    const finding = result.findings.find((f) => f.rule === "pasted-mostly-unread");
    // Nine of the ten lines (the page number aside) are not read.
    expect(finding?.params).toEqual({ unread: 9, lines: 10 });
  });

  test("a pasted page that is understood gets no such warning", () => {
    const { warnings } = read(
      grid("Klistrat", [
        ["Mål: Näringsliv och tillväxt"],
        ["Uppdrag från fullmäktige 2024"],
        ["Förbättra kvinnors förutsättningar för företagande i kommunen. KS"],
        ["Se över spridningen av kommunal verksamhet på landsbygden. TN"],
      ]),
    );
    expect(warnings.filter((w) => w.startsWith("pasted-mostly-unread"))).toEqual([]);
  });

  test("'samtliga nämnder' without a register: one warning for the plan, no error per line", () => {
    const { plan, errors, warnings } = read(
      grid("Uppdrag", [
        ["Nr", "Uppdrag", "Ansvarig nämnd", "År"],
        [1, "Minska sjukfrånvaron bland medarbetarna", "Samtliga nämnder", 2024],
        [2, "Minska resorna i tjänsten", "Samtliga nämnder", 2024],
        [3, "Se över lokalerna", "Kommunstyrelsen", 2024],
      ]),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual(["all-committees-no-register Uppdrag!C2"]);
    expect(plan.assignments.map((a) => a.title)).toEqual([
      "Minska sjukfrånvaron bland medarbetarna",
      "Minska resorna i tjänsten",
      "Se över lokalerna",
    ]);
  });

  test("'samtliga nämnder' with a register is every nämnd of it, with no warning", () => {
    const { plan, errors, warnings } = read(
      grid("Nämnder", [
        ["Förkortning", "Namn"],
        ["KS", "Kommunstyrelsen"],
        ["SN", "Socialnämnden"],
      ]),
      grid("Uppdrag", [
        ["Uppdrag", "Ansvarig nämnd", "År"],
        ["Minska sjukfrånvaron bland medarbetarna", "Samtliga nämnder", 2024],
      ]),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plan.assignments[0].committees).toEqual(["KS", "SN"]);
  });
});

describe("amounts in running prose of a pasted document", () => {
  // A tjänsteskrivelse as pasted: its letterhead first, one printed line per cell.
  const letterhead = ["KOMMUNLEDNINGSKONTORET", "Handläggare", "Datum", "2024-05-14", "Kommunstyrelsen"];
  const page = (lines: string[]) =>
    grid(
      "Skrivelse",
      [...letterhead, ...lines].map((line) => [line]),
    );
  const adjustments = (plan: ReturnType<typeof planToJson>) =>
    plan.adjustments.map((a) => [a.committee, a.year, a.amountTkr, a.duration]);

  test("a sentence naming the nämnd, the amount, the direction and the year is a ramjustering", () => {
    const { plan, errors, unread } = read(
      page([
        "Förslag till beslut",
        "Kommunstyrelsen får i uppdrag att se över lokalförsörjningen.",
        "Socialnämndens ram utökas med 2,5 mnkr 2025 för att möta fler äldre",
        "i hemtjänsten. Tekniska nämnden tillförs varaktigt 250 tkr från 2026.",
        "Kultur- och fritidsnämndens ram minskas med 1,2 miljoner kronor 2025.",
        "Sida 2 (3)",
      ]),
    );
    expect(errors).toEqual([]);
    expect(adjustments(plan)).toEqual([
      ["SN", 2025, 2500, "tillfallig"],
      [expect.any(String), 2026, 250, "varaktig"],
      [expect.any(String), 2025, -1200, "tillfallig"],
    ]);
    const names = new Map(plan.committees.map((c) => [c.code, c.name]));
    expect(plan.adjustments.map((a) => names.get(a.committee))).toEqual([
      "Socialnämnden",
      "Tekniska nämnden",
      "Kultur- och fritidsnämnden",
    ]);
    expect(unread.map((u) => u.reason)).not.toContain("amountOpen");
  });

  test("the year may come from the document's title", () => {
    const { plan } = read(
      page([
        "Budget 2025 med plan för 2026–2027",
        "Förslag till beslut",
        "Kommunstyrelsen får i uppdrag att se över lokalförsörjningen.",
        "Socialnämndens ram utökas med 2,5 mnkr för att möta fler äldre.",
        "Sida 1 (3)",
      ]),
    );
    expect(adjustments(plan)).toEqual([["SN", 2025, 2500, "tillfallig"]]);
  });

  test("an amount whose year, nämnd or direction is open is listed as not read, with that reason", () => {
    const { plan, unread } = read(
      page([
        "Förslag till beslut",
        "Kommunstyrelsen får i uppdrag att se över lokalförsörjningen.",
        "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor enligt föredragningen.",
        "Nämnden tillförs 2 mnkr 2025.",
        "Barn- och utbildningsnämnden och socialnämnden får 2 mnkr vardera 2025.",
        "Sida 2 (3)",
      ]),
    );
    expect(plan.adjustments).toEqual([]);
    expect(unread.filter((u) => u.reason === "amountOpen").map((u) => u.text)).toEqual([
      "att öka räddningsnämndens kommunbidrag med 3,1 miljoner kronor enligt föredragningen.",
      "Nämnden tillförs 2 mnkr 2025.",
      "Barn- och utbildningsnämnden och socialnämnden får 2 mnkr vardera 2025.",
    ]);
  });
});

describe("several ram blocks on one sheet", () => {
  const adjustments = (plan: ReturnType<typeof planToJson>) =>
    plan.adjustments.map((a) => [a.committee, a.year, a.amountTkr, a.isIndex]);

  test("one block per nämnd, one under another: each line is its nämnd's, its Ram line its budget, totals no items", () => {
    const { plan, errors, unread } = read(
      grid("Ramar", [
        ["Budget 2025, plan 2026–2027"],
        ["Socialnämnden (tkr)"],
        [null, "2025", "2026", "2027"],
        ["Ram föregående år", 500000, 512000, 520000],
        ["Pris- och löneuppräkning", 12000, 9000, 9500],
        ["Ramökning hemtjänst", 3000, null, null],
        ["Summa ramförändringar", 15000, 9000, 9500],
        ["Ram", 515000, 521000, 529500],
        [],
        ["Tekniska nämnden – gata och park (tkr)"],
        [null, "2025", "2026", "2027"],
        ["Ram föregående år", 80000, 81000, 82000],
        ["Effektivisering", -1000, -500, null],
        ["Summa ramförändringar", -1000, -500, 0],
        ["Ram", 79000, 80500, 82000],
      ]),
    );
    expect(errors).toEqual([]);
    const tn = plan.committees.find((c) => c.name === "Tekniska nämnden")?.code;
    expect(adjustments(plan)).toEqual([
      ["SN", 2025, 12000, true],
      ["SN", 2026, 9000, true],
      ["SN", 2027, 9500, true],
      ["SN", 2025, 3000, false],
      [tn, 2025, -1000, false],
      [tn, 2026, -500, false],
    ]);
    expect(plan.budgets.map((b) => [b.committee, b.year, b.amountTkr])).toEqual([
      ["SN", 2025, 515000],
      ["SN", 2026, 521000],
      ["SN", 2027, 529500],
      [tn, 2025, 79000],
      [tn, 2026, 80500],
      [tn, 2027, 82000],
    ]);
    expect(new Set(unread.map((u) => u.reason))).toEqual(new Set(["total"]));
  });

  test("a table whose rows name a nämnd above figures that look like years is no set of blocks", () => {
    const { plan, errors } = read(
      grid("Ramjusteringar", [
        ["Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet"],
        ["KS", 2025, 1999, "Ramökning", "Varaktig"],
        ["SN", 2026, 2026, "Ramökning", "Varaktig"],
        ["KS", 2027, 2050, "Ramökning", "Tillfällig"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(adjustments(plan)).toEqual([
      ["KS", 2025, 1999, false],
      ["SN", 2026, 2026, false],
      ["KS", 2027, 2050, false],
    ]);
  });

  test("blocks side by side", () => {
    const { plan, errors } = read(
      grid("Ramar", [
        ["Socialnämnden (tkr)", null, null, null, "Tekniska nämnden (tkr)", null, null],
        [null, "2025", "2026", null, null, "2025", "2026"],
        ["Ram föregående år", 500000, 512000, null, "Ram föregående år", 80000, 81000],
        ["Ramökning hemtjänst", 3000, null, null, "Effektivisering", -1000, -500],
        ["Ram", 503000, 512000, null, "Ram", 79000, 80500],
      ]),
    );
    expect(errors).toEqual([]);
    const tn = plan.committees.find((c) => c.name === "Tekniska nämnden")?.code;
    expect(adjustments(plan)).toEqual([
      ["SN", 2025, 3000, false],
      [tn, 2025, -1000, false],
      [tn, 2026, -500, false],
    ]);
  });
});
