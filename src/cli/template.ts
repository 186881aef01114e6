import { templateWorkbook } from "../domain/template";
import { writeWorkbookFile } from "../hosts/xlsx/write";
import { EXIT_OK, Options, Output, UsageError, refuseOverwrite } from "./common";

export async function templateCommand(args: string[], _options: Options, io: Output): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("Ange var mallen ska sparas: maltavlan template <ut.xlsx>");
  await refuseOverwrite([file], []);
  await writeWorkbookFile(templateWorkbook(), file);
  io.out(`Planmallen är sparad: ${file}`);
  return EXIT_OK;
}
