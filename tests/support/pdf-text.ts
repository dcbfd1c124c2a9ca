import { PDFDocument } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** A run of text as pdfjs lays it out: baseline start, direction and advance, in PDF points. */
export type PdfTextItem = { str: string; x: number; y: number; width: number; fontSize: number; angle: number };
export type PdfTextPage = { width: number; height: number; items: PdfTextItem[] };

async function openWithPdfjs(bytes: Uint8Array) {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

/** Every text item of every page, with its geometry, as a reader or a search engine sees it. */
export async function pdfTextPages(bytes: Uint8Array, { only }: { only?: number[] } = {}): Promise<PdfTextPage[]> {
  const pdf = await openWithPdfjs(bytes);
  try {
    const pages: PdfTextPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      if (only && !only.includes(number)) continue;
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = content.items
        .filter((item): item is TextItem => 'str' in item && item.str.length > 0)
        .map((item) => {
          const [a, b, , , x, y] = item.transform as [number, number, number, number, number, number];
          return { str: item.str, x, y, width: item.width, fontSize: Math.hypot(a, b), angle: Math.atan2(b, a) };
        });
      pages.push({ width, height, items });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** One string per page: the page's text items joined by spaces. */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  const pages = await pdfTextPages(bytes);
  return pages.map((page) => page.items.map((item) => item.str).join(' '));
}

/** Page sizes in points, read with pdf-lib (independently of pdfjs). */
export async function pdfPageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => page.getSize());
}

/** The document information dictionary, read back with pdf-lib. */
export async function pdfMetadata(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { title: doc.getTitle(), author: doc.getAuthor(), creator: doc.getCreator(), producer: doc.getProducer(), creationDate: doc.getCreationDate() };
}

/**
 * The rectangles (x, y, width, height, in the coordinates they were drawn in) inside a marked-content
 * section with the given tag, read from pdfjs's operator list: enough to rebuild a vector QR code.
 */
export async function pdfMarkedRectangles(bytes: Uint8Array, pageNumber: number, tag: string): Promise<[number, number, number, number][]> {
  const pdf = await openWithPdfjs(bytes);
  try {
    const page = await pdf.getPage(pageNumber);
    const list = await page.getOperatorList();
    const rectangles: [number, number, number, number][] = [];
    const open: string[] = [];
    list.fnArray.forEach((fn, index) => {
      const args = list.argsArray[index] as unknown[];
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) open.push(tagName(args[0]));
      else if (fn === OPS.endMarkedContent) open.pop();
      else if (fn === OPS.constructPath && open.includes(tag)) {
        const [ops, coordinates] = args as [number[], number[]];
        let cursor = 0;
        for (const op of ops) {
          if (op === OPS.rectangle) rectangles.push(coordinates.slice(cursor, cursor + 4) as [number, number, number, number]);
          cursor += ARG_COUNTS.get(op) ?? 0;
        }
      }
    });
    return rectangles;
  } finally {
    await pdf.destroy();
  }
}

/** pdfjs hands marked-content tags over as Name objects ({ name }). */
function tagName(tag: unknown): string {
  return typeof tag === 'object' && tag !== null && 'name' in tag ? String(tag.name) : String(tag);
}

const ARG_COUNTS = new Map<number, number>([
  [OPS.moveTo, 2],
  [OPS.lineTo, 2],
  [OPS.curveTo, 6],
  [OPS.curveTo2, 4],
  [OPS.curveTo3, 4],
  [OPS.closePath, 0],
  [OPS.rectangle, 4],
]);
