/**
 * The xlsx host's read verb on files: readBytes.ts on what Node reads from disk, saying why a file cannot be opened.
 */
import { readFile } from "node:fs/promises";
import { UnusableInputError, WorkbookRead, readWorkbookBuffer } from "./readBytes";

export { UnusableInputError, readWorkbookBuffer } from "./readBytes";
export type { UnusableInputKind, WorkbookRead } from "./readBytes";
export type { FileProblem } from "../../sheet/hostProblems";

export async function readWorkbookFile(path: string): Promise<WorkbookRead> {
  return readWorkbookBuffer(await readInputFile(path), path);
}

/** A file's bytes, or an UnusableInputError saying why it cannot be read. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw fileError(error, path);
  }
}

function fileError(error: unknown, path: string): UnusableInputError {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code ?? null;
  switch (errno) {
    case "ENOENT":
    case "ENOTDIR":
      return new UnusableInputError({ code: "missing", file: path });
    case "EISDIR":
      return new UnusableInputError({ code: "isFolder", file: path });
    case "EACCES":
    case "EPERM":
      return new UnusableInputError({ code: "noPermission", file: path });
    case "EBUSY":
      return new UnusableInputError({ code: "locked", file: path });
    default:
      return new UnusableInputError({ code: "unreadable", file: path, detail: errno });
  }
}
