import { templateWorkbook } from "../domain/template";
import { writeWorkbookFile } from "../hosts/xlsx/write";
import { CommandRun, EXIT_OK, UsageError, language, refuseOverwrite } from "./common";
import { warnLeftoverTemporaries } from "./output";

export async function templateCommand({ args, options, io, unfinished }: CommandRun): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("templateTarget");
  await refuseOverwrite([file], []);
  await warnLeftoverTemporaries(file, language(options), io);
  await writeWorkbookFile(templateWorkbook(), file, unfinished);
  unfinished.delete(file);
  io.out(`Planmallen är sparad: ${file}`);
  return EXIT_OK;
}
