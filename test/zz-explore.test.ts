import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { cli } from "./support/workbooks";

test("explore", async () => {
  const dir = "/tmp/explore/run";
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: (string | number | null)[][]) => {
    const s = wb.addWorksheet(name);
    rows.forEach((r) => s.addRow(r));
  };
  add("Nämnder", [
    ["Förkortning", "Namn", "Typ"],
    ["Gymnasie- och vuxenutbildningsnämnden", "Gymnasie- och vuxenutbildningsnämnden i Norra Hälsingland", "Nämnd"],
    ["Överförmyndarnämnden i Västra Gästrikland", "Överförmyndarnämnden i Västra Gästrikland, gemensam för Gävle, Ockelbo och Hofors", "Nämnd"],
    ["Social- och arbetsmarknadsnämnden", "Social- och arbetsmarknadsnämnden", "Nämnd"],
    ["S?N", "Samhällsbyggnadsnämnden norra", "Nämnd"],
    ["S:N", "Samhällsbyggnadsnämnden södra", "Nämnd"],
    ["Kultur- och fritidsnämndens utskott A", "Kultur- och fritidsnämndens utskott för allmänkultur", "Nämnd"],
    ["Kultur- och fritidsnämndens utskott B", "Kultur- och fritidsnämndens utskott för bibliotek", "Nämnd"],
  ]);
  add("Mål", [
    ["ID", "Nivå", "Namn", "Överordnat", "Nämnd", "Målvärde"],
    ["V1", "Vision", "Vision 2030", null, null, null],
    ["M1", "Kommunövergripande mål", "=SUMMA(A1:A3)", "V1", null, "50%"],
    ["M2", "Kommunövergripande mål", "2024-12-31", "V1", null, "001"],
    ["NM1", "Nämndmål", "+46 70 123", "M1", "Gymnasie- och vuxenutbildningsnämnden", "-5 %"],
    ["NM2", "Nämndmål", "@kommunen", "M2", "Överförmyndarnämnden i Västra Gästrikland", "=HYPERLINK(\"http://x\")"],
    ["NM3", "Nämndmål", "001", "M1", "S?N", "2024-12-31"],
    ["NM4", "Nämndmål", "50%", "M2", "S:N", "+46 70 123"],
  ]);
  add("Uppdrag", [
    ["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"],
    ["U1", "=SUMMA(A1:A3)", "=HYPERLINK(\"http://x\")", "M1", "Gymnasie- och vuxenutbildningsnämnden", "Fullmäktige", 2024],
    ["U2", "+46 70 123", "-5 %", "M2", "S?N", "Fullmäktige", 2024],
    ["U3", "@kommunen", "2024-12-31", "M1", "S:N", "Nämnd", 2024],
    ["U4", "001", "50%", null, "Överförmyndarnämnden i Västra Gästrikland", "Fullmäktige", 2024],
    ["U5", "2024-12-31", "001", "M2", "Social- och arbetsmarknadsnämnden", "Fullmäktige", 2024],
    ["U6", "50%", "@kommunen", "M1", "Kultur- och fritidsnämndens utskott A; Kultur- och fritidsnämndens utskott B", "Fullmäktige", 2024],
    ["U7", "-5 %", "+46 70 123", "M2", "S?N; S:N", "Fullmäktige", 2024],
  ]);
  add("Ramjusteringar", [
    ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag", "Kommentar"],
    ["R1", "Gymnasie- och vuxenutbildningsnämnden", 2024, 1200, "Ramökning", "Varaktig", "U1", null],
    ["R2", "Gymnasie- och vuxenutbildningsnämnden", 2024, -350.5, "Ramminskning", "Tillfällig", null, null],
    ["R3", "S?N", 2024, 250, "Ramökning", "Tillfällig", "U2", null],
    ["R4", "S:N", 2024, 12400, "Ramökning", "Varaktig", null, null],
    ["R5", "Social- och arbetsmarknadsnämnden", 2024, 0.75, "Ramökning", "Tillfällig", "U5", null],
  ]);
  add("Nyckeltal", [
    ["ID", "Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Enhet"],
    ["N1", "=HYPERLINK(\"http://x\")", "N00945", "NM1", "001", "%"],
  ]);
  add("Inställningar", [["Budgetår", 2024], ["Planår", "2025, 2026"]]);
  const plan = path.join(dir, "plan.xlsx");
  await wb.xlsx.writeFile(plan);
  console.log(JSON.stringify(await cli("validate", plan)));
  console.log(JSON.stringify(await cli("generate", plan, "--period", "T1", "--year", "2024", "--split", path.join(dir, "split"))));
  console.log(JSON.stringify(await cli("generate", plan, "--period", "T1", "--year", "2024", "--out", path.join(dir, "master.xlsx"))));
  for (const ex of ["kiruna-2020-fri.xlsx", "ostersund-2024-klistrad.xlsx", "ostersund-2024-mall.xlsx", "sandviken-2024-fri.xlsx"]) {
    console.log(ex, JSON.stringify(await cli("generate", path.join("examples", ex), "--period", "T1", "--year", "2024", "--split", path.join(dir, ex))));
  }
});
