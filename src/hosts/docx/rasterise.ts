/**
 * SVG to PNG with resvg's WebAssembly build (resvg.ts), in Node: the .wasm is read from the package once, and a font
 * for the charts' text is looked for among the machine's fonts (resvg in WebAssembly sees no system fonts), the Word
 * default's metric twin first; where none of them is, the DejaVu Sans that Måltavlan ships (as the pane uses).
 */
import { readFile, readdir } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CHART_FONT_FAMILY, type Rasteriser, resvgRasteriser } from "./resvg";

export type { Rasteriser };

/** Fonts that read well in a chart, the Word default's metric twin first; the file's name and its family. */
const FONTS: [file: string, family: string][] = [
  ["carlito-regular.ttf", "Carlito"],
  ["calibri.ttf", "Calibri"],
  ["liberationsans-regular.ttf", "Liberation Sans"],
  ["arial.ttf", "Arial"],
  ["dejavusans.ttf", "DejaVu Sans"],
];

function fontDirs(): string[] {
  if (process.platform === "win32") return [join(process.env.WINDIR ?? "C:\\Windows", "Fonts")];
  if (process.platform === "darwin")
    return ["/Library/Fonts", "/System/Library/Fonts/Supplemental", join(homedir(), "Library", "Fonts")];
  return ["/usr/share/fonts", "/usr/local/share/fonts", join(homedir(), ".local", "share", "fonts")];
}

/** The first of FONTS found in the font folders (a few levels down), or null. */
async function findFont(): Promise<{ path: string; family: string } | null> {
  const found = new Map<string, string>();
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth > 0) await walk(path, depth - 1);
      else if (!found.has(entry.name.toLowerCase())) found.set(entry.name.toLowerCase(), path);
    }
  };
  for (const dir of fontDirs()) await walk(dir, 3);
  for (const [file, family] of FONTS) {
    const path = found.get(file);
    if (path) return { path, family };
  }
  return null;
}

export async function loadRasteriser(): Promise<Rasteriser> {
  const found = (await findFont()) ?? {
    path: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    family: CHART_FONT_FAMILY,
  };
  const font = { data: new Uint8Array(await readFile(found.path)), family: found.family };
  return resvgRasteriser(() => readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm")), font);
}
