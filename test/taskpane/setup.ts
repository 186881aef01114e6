/** What Fluent UI needs from a browser that jsdom lacks. Import first in every pane test. */
import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "util";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const globals = globalThis as Record<string, unknown>;
globals.ResizeObserver ??= NoResizeObserver;
// jsdom has no TextDecoder; the xlsx reader (readBytes.ts) uses it, as browsers and Node both provide it.
globals.TextDecoder ??= TextDecoder;
globals.TextEncoder ??= TextEncoder;
if (typeof window !== "undefined") {
  (window as unknown as Record<string, unknown>).ResizeObserver ??= NoResizeObserver;
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

// Tabster (Fluent's keyboard navigation) takes an element without an offsetParent for one not shown; jsdom lays
// nothing out, so every element would count as hidden and arrow keys and Tab would find nothing. Shown here means:
// no ancestor is `hidden` or `display: none`.
if (typeof HTMLElement !== "undefined") {
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      for (let e: HTMLElement | null = this; e; e = e.parentElement) {
        if (e.hidden || e.style.display === "none") return null;
      }
      return this.parentElement ?? null;
    },
  });
}

// …and a body of no size for one in a hidden frame.
if (typeof HTMLBodyElement !== "undefined") {
  HTMLBodyElement.prototype.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, width: 400, height: 800, right: 400, bottom: 800, toJSON: () => ({}) }) as DOMRect;
}

// axe-core asks a canvas whether text is an icon font; jsdom has none (and says so on the console).
if (typeof HTMLCanvasElement !== "undefined") {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}

// The pane reads a picked file with Blob.arrayBuffer(), which browsers have and jsdom lacks; FileReader gives the same.
if (typeof Blob !== "undefined" && typeof FileReader !== "undefined") {
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// findBy… and waitFor wait for what the user would see; on a loaded two-core machine (other jobs beside the suite)
// even five seconds are not always enough.
configure({ asyncUtilTimeout: 15000 });
