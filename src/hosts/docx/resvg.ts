/**
 * SVG to PNG with resvg's WebAssembly build, wherever it runs (Node for the CLI, a Web Worker in the pane): the caller
 * gives the .wasm (read from the package, or fetched from the pane's own origin) and a font. resvg in WebAssembly sees
 * no system fonts: without one the charts would be drawn without text.
 */
import { Resvg, initWasm } from "@resvg/resvg-wasm";

export interface Rasteriser {
  /** Whether text is drawn: false when no font was given. */
  withText: boolean;
  png: (svg: string, zoom: number) => Uint8Array;
}

export interface RasteriserFont {
  data: Uint8Array;
  family: string;
}

/** The font Måltavlan ships for the charts' text (the npm package dejavu-fonts-ttf), where no other is found. */
export const CHART_FONT_FAMILY = "DejaVu Sans";

export type WasmSource = Parameters<typeof initWasm>[0];

let wasmReady: Promise<void> | null = null;

/** resvg with its WebAssembly initialised once per thread (a second initWasm throws). */
export async function resvgRasteriser(wasm: () => WasmSource, font: RasteriserFont | null): Promise<Rasteriser> {
  wasmReady ??= initWasm(wasm()).catch((error: unknown) => {
    wasmReady = null; // a failed download may succeed on the next try
    throw error;
  });
  await wasmReady;
  const fontBuffers = font ? [font.data] : [];
  return {
    withText: font !== null,
    png: (svg, zoom) => {
      const resvg = new Resvg(svg, {
        fitTo: { mode: "zoom", value: zoom },
        font: font ? { fontBuffers, defaultFontFamily: font.family, sansSerifFamily: font.family } : { fontBuffers },
      });
      try {
        const image = resvg.render();
        const png = image.asPng();
        image.free();
        return png;
      } finally {
        resvg.free();
      }
    },
  };
}
