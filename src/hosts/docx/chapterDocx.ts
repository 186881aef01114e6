/**
 * The måluppfyllelse chapter (src/domain/followup/goalChapter.ts) as a Word document: Word's heading styles, tables
 * with a repeated header row, the scale's colours as cell fills, charts as PNG pictures, Calibri on A4 — what the
 * finance office edits into the delårsrapport.
 */
import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ChapterBlock, ChapterCell, GoalChapter, TextRunSpec } from "../../domain/followup/goalChapter";
import { statusChartSvg } from "./chartSvg";
import type { Rasteriser } from "./resvg";

/** A4 in twentieths of a point, with Word's default margins of 2.54 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const COLUMN_SHARES = [0.4, 0.28, 0.32];
/** The chart's width on the page, in pixels at 96 dpi (the text width); drawn at twice that for print. */
const CHART_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);
const CHART_ZOOM = 2;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** The chapter as .docx bytes; without a rasteriser, without its charts. */
export async function chapterDocx(chapter: GoalChapter, rasteriser: Rasteriser | null): Promise<Uint8Array> {
  const children = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(chapter.title)] }),
    ...chapter.blocks.flatMap((block) => blockParts(block, rasteriser)),
  ];
  const document = new Document({
    creator: "Måltavlan",
    title: chapter.title,
    styles: { default: { document: { run: { font: "Calibri", size: 22, language: { value: chapter.locale } } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        children,
      },
    ],
  });
  // toArrayBuffer, not toBuffer: the pane builds the chapter in a Web Worker, where there is no Buffer.
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function blockParts(block: ChapterBlock, rasteriser: Rasteriser | null): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          heading: HEADINGS[Math.min(block.level, HEADINGS.length) - 1],
          keepNext: true,
          spacing: { before: 240, after: 80 },
          children: [new TextRun(block.text)],
        }),
      ];
    case "paragraph":
      return [new Paragraph({ bullet: block.bullet ? { level: 0 } : undefined, children: block.runs.map(textRun) })];
    case "table":
      return [table(block.header, block.rows), new Paragraph({ children: [] })];
    case "chart": {
      if (!rasteriser) return [];
      const picture = statusChartSvg(block.chart, rasteriser.withText);
      const width = Math.min(CHART_WIDTH, picture.width);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: rasteriser.png(picture.svg, CHART_ZOOM),
              transformation: { width, height: Math.round((picture.height * width) / picture.width) },
              altText: { name: block.chart.title, title: block.chart.title, description: block.chart.title },
            }),
          ],
        }),
      ];
    }
  }
}

function textRun(run: TextRunSpec): TextRun {
  return new TextRun({ text: run.text, bold: run.bold, italics: run.italic });
}

function table(header: string[], rows: ChapterCell[][]): Table {
  const widths = header.map((_, i) => Math.floor(TEXT_WIDTH * (COLUMN_SHARES[i] ?? 1 / header.length)));
  const cell = (content: ChapterCell, bold = false) =>
    new TableCell({
      shading: content.fill ? { type: ShadingType.CLEAR, color: "auto", fill: content.fill } : undefined,
      children: [new Paragraph({ children: [new TextRun({ text: content.text, bold, italics: content.italic })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell({ text }, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c)) })),
    ],
  });
}
