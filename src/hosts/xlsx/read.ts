/**
 * The xlsx host's read verb on files: readBytes.ts on what Node reads from disk, with Swedish messages for files that
 * cannot be opened.
 */
import { readFile } from "node:fs/promises";
import { UnusableInputError, WorkbookRead, readWorkbookBuffer } from "./readBytes";

export { UnusableInputError, readWorkbookBuffer } from "./readBytes";
export type { UnusableInputKind, WorkbookRead } from "./readBytes";

export async function readWorkbookFile(path: string): Promise<WorkbookRead> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    throw fileError(error, path);
  }
  return readWorkbookBuffer(data, path);
}

function fileError(error: unknown, path: string): UnusableInputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new UnusableInputError(`Filen finns inte: ${path}`, "missing");
    case "EISDIR":
      return new UnusableInputError(`Sökvägen är en mapp, inte en fil: ${path}`, "unreadable");
    case "EACCES":
    case "EPERM":
      return new UnusableInputError(`Filen kan inte öppnas (behörighet saknas): ${path}`, "unreadable");
    case "EBUSY":
      return new UnusableInputError(`Filen är låst av ett annat program: ${path}`, "unreadable");
    default:
      return new UnusableInputError(`Filen kan inte läsas (${code ?? "okänt fel"}): ${path}`, "unreadable");
  }
}
