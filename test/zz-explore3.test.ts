import { promises as fs } from "fs";
import * as path from "path";
import { cli, editWorkbook, typeAnswer } from "./support/workbooks";
import { inspectManyWithLibreOffice } from "./support/libreoffice";

test("explore report", async () => {
  const dir = "/tmp/explore/run";
  const master = path.join(dir, "master.xlsx");
  await fs.rm(path.join(dir, "rsplit"), { recursive: true, force: true });
  await fs.rm(path.join(dir, "report.xlsx"), { force: true });
  console.log(JSON.stringify(await cli("generate", master, "--period", "T1", "--year", "2024", "--split", path.join(dir, "rsplit"))));
  const g = path.join(dir, "rsplit", "Gymnasie-_och_vuxenutbildningsnämnden-T1-2024.xlsx");
  await editWorkbook(g, (w) => {
    const s = w.worksheets[0];
    typeAnswer(s, "goal|M1", "Uppfyllt", null);
    typeAnswer(s, "goal|NM1", "Delvis uppfyllt", "Nästan");
    typeAnswer(s, "assignment|U1", "Påbörjat", "Pågår");
    typeAnswer(s, "adjustment|R1", 1000.25, null);
  });
  await editWorkbook(master, (w) => {
    const s = w.getWorksheet("S-N T1 2024")!;
    typeAnswer(s, "assignment|U2", "Genomfört", null);
    typeAnswer(s, "adjustment|R3", 300, "över");
  });
  const r = await cli("consolidate", master, g, "--out", path.join(dir, "report.xlsx"), "--json");
  await fs.writeFile("/tmp/explore/report.json", r.out);
  console.log(r.code, r.err);
  const wbs = await inspectManyWithLibreOffice([path.join(dir, "report.xlsx")]);
  await fs.writeFile("/tmp/explore/lo-report.json", JSON.stringify(wbs, null, 1));
}, 180000);
