import { promises as fs } from "fs";
import * as path from "path";
import { inspectManyWithLibreOffice } from "./support/libreoffice";

test("explore lo", async () => {
  const dir = "/tmp/explore/run/split";
  const files = (await fs.readdir(dir)).map((f) => path.join(dir, f));
  files.push("/tmp/explore/run/master.xlsx");
  const wbs = await inspectManyWithLibreOffice(files);
  await fs.writeFile("/tmp/explore/lo.json", JSON.stringify(wbs, null, 1));
}, 180000);
