import type { StatusChart } from "../../domain/followup/goalChapter";
import { escapeXml } from "../xlsx/xmlBytes";

/**
 * A status chart as SVG: one stacked bar per goal in the scale's colours, the goal's name beside it, the count in
 * each segment, a legend under the bars. Without text (no font to draw it with) only the bars and the legend's
 * swatches are drawn: the chapter's tables say the same in words.
 */

export interface ChartPicture {
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 640;
const PAD = 8;
const LABEL_WIDTH = 230;
const BAR = 18;
const ROW = 26;
const FONT = 11;
/** Characters of a goal's name beside its bar: roughly what LABEL_WIDTH holds at FONT. */
const LABEL_CHARS = 40;
const OUTLINE = "#808080";

export function statusChartSvg(chart: StatusChart, withText: boolean): ChartPicture {
  const parts: string[] = [];
  let y = PAD;
  if (withText) {
    parts.push(text(PAD, y + 13, chart.title, 'font-size="13" font-weight="bold"'));
    y += 24;
  }
  const left = PAD + (withText ? LABEL_WIDTH + PAD : 0);
  const barWidth = WIDTH - left - PAD;
  const total = (bar: StatusChart["bars"][number]) => bar.segments.reduce((sum, s) => sum + s.count, 0);
  const most = Math.max(1, ...chart.bars.map(total));
  for (const bar of chart.bars) {
    if (withText) parts.push(text(PAD, y + BAR / 2 + 4, shorten(bar.label, LABEL_CHARS)));
    let x = left;
    for (const segment of bar.segments) {
      const w = (segment.count / most) * barWidth;
      parts.push(
        `<rect x="${round(x)}" y="${y}" width="${round(w)}" height="${BAR}" fill="#${segment.color}" ` +
          `stroke="${OUTLINE}" stroke-width="0.5"/>`,
      );
      if (withText && w >= 14) {
        parts.push(text(x + w / 2, y + BAR / 2 + 4, String(segment.count), 'text-anchor="middle"'));
      }
      x += w;
    }
    y += ROW;
  }
  y += 4;
  let x = PAD;
  for (const entry of chart.legend) {
    const width = 16 + (withText ? entry.label.length * 6.5 + 14 : 4);
    if (x + width > WIDTH - PAD && x > PAD) {
      x = PAD;
      y += 18;
    }
    parts.push(
      `<rect x="${x}" y="${y}" width="12" height="12" fill="#${entry.color}" stroke="${OUTLINE}" stroke-width="0.5"/>`,
    );
    if (withText) parts.push(text(x + 16, y + 10, entry.label));
    x += width;
  }
  const height = y + 12 + PAD;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `font-family="sans-serif" font-size="${FONT}"><rect width="100%" height="100%" fill="#FFFFFF"/>` +
    `${parts.join("")}</svg>`;
  return { svg, width: WIDTH, height };
}

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${round(x)}" y="${round(y)}" fill="#000000" ${attributes}>${escapeXml(content)}</text>`;
}

function shorten(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
