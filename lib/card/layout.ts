import {
  appendBezierCurve,
  closePath,
  concatTransformationMatrix,
  fill,
  LineCapStyle,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setLineCap,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFFont,
  type PDFOperator,
  type RGB,
} from 'pdf-lib';

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/** ISO/IEC 7810 ID-1, the credit-card size. */
export const CARD_WIDTH = 85.6 * PT_PER_MM;
export const CARD_HEIGHT = 54 * PT_PER_MM;

/** A text fitted to a box: the size to draw at and its lines (one or two), never cut. */
export type FittedText = { size: number; lines: string[] };

/**
 * Collapses whitespace and control characters to single spaces (a stray newline would make pdf-lib
 * break the line itself) and drops invisible format characters (soft hyphens, joiners).
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** Widths are linear in the size, so everything is measured once at size 1. */
function unitWidth(font: PDFFont, text: string): number {
  return font.widthOfTextAtSize(text, 1);
}

/** Rounds a size down to a tenth of a point, so the drawn text is never wider than measured. */
function floorSize(size: number): number {
  return Math.floor(size * 10) / 10;
}

/** The largest size up to `size` at which every line fits `maxWidth`. */
function sizeToFit(font: PDFFont, lines: string[], maxWidth: number, size: number): number {
  const widest = Math.max(...lines.map((line) => unitWidth(font, line)));
  return widest * size <= maxWidth ? size : floorSize(maxWidth / widest);
}

/** One line, shrunk as far as needed: for text that must stay whole on one line (the verification URL). */
export function fitOneLine(font: PDFFont, text: string, maxWidth: number, size: number): FittedText {
  return { size: sizeToFit(font, [text], maxWidth, size), lines: [text] };
}

/**
 * The two-line split whose wider line is narrowest: between words when there are several,
 * after a hyphen in a single hyphenated word, else between any two characters.
 */
function balancedSplit(font: PDFFont, text: string): [string, string] | null {
  const words = text.split(' ');
  const candidates: [string, string][] = [];
  if (words.length > 1) {
    for (let i = 1; i < words.length; i++) candidates.push([words.slice(0, i).join(' '), words.slice(i).join(' ')]);
  } else {
    const chars = Array.from(text);
    const hyphens = chars.flatMap((char, i) => (char === '-' && i > 0 && i < chars.length - 1 ? [i + 1] : []));
    const cuts = hyphens.length > 0 ? hyphens : chars.slice(1).map((_, i) => i + 1);
    for (const cut of cuts) candidates.push([chars.slice(0, cut).join(''), chars.slice(cut).join('')]);
  }
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (const candidate of candidates) {
    const width = Math.max(unitWidth(font, candidate[0]), unitWidth(font, candidate[1]));
    if (width < bestWidth) [best, bestWidth] = [candidate, width];
  }
  return best;
}

export type FitOptions = {
  maxWidth: number;
  /** Preferred size on one line. */
  size: number;
  /** One line shrinks down to this size before the text goes onto two lines. */
  minSize: number;
  /** The two lines to use; by default the most balanced split. */
  split?: [string, string];
  /** Largest size for two lines, which take more height. */
  twoLineSize?: number;
};

/**
 * Shrinks to `minSize` on one line, then goes onto two lines; if even two lines are too wide at
 * `minSize`, keeps shrinking rather than cutting anything off.
 */
export function fitText(font: PDFFont, text: string, options: FitOptions): FittedText {
  const { maxWidth, size, minSize } = options;
  const oneLine = sizeToFit(font, [text], maxWidth, size);
  if (oneLine >= minSize) return { size: oneLine, lines: [text] };
  const split = options.split ?? balancedSplit(font, text);
  if (!split) return { size: oneLine, lines: [text] };
  const twoLines = sizeToFit(font, split, maxWidth, options.twoLineSize ?? size);
  return twoLines > oneLine ? { size: twoLines, lines: split } : { size: oneLine, lines: [text] };
}

/** A point on a circle, for Bézier quarter arcs: k is the usual 4/3·(√2 − 1). */
const K = 0.5523;

/**
 * The association's mark, drawn with vectors (no image file): an inflated round canopy in navy with
 * a red centre gore, its suspension lines and the jumper. Drawn in a unit box (dome radius 1, centred
 * at the origin, y up) and placed with one matrix, so the operators are built once per process.
 */
export function canopyMarkOperators(place: { centerX: number; domeBaseY: number; radius: number }, colors: { navy: RGB; red: RGB }): PDFOperator[] {
  const { navy, red } = colors;
  const hem = 0.16;
  return [
    pushGraphicsState(),
    concatTransformationMatrix(place.radius, 0, 0, place.radius, place.centerX, place.domeBaseY),
    // Dome: two quarter arcs, then a hem curving up between the outer edges.
    setFillingRgbColor(navy.red, navy.green, navy.blue),
    moveTo(-1, 0),
    appendBezierCurve(-1, K, -K, 1, 0, 1),
    appendBezierCurve(K, 1, 1, K, 1, 0),
    appendBezierCurve(0.5, hem * 1.6, -0.5, hem * 1.6, -1, 0),
    fill(),
    // Centre gore in red, from the apex to the hem.
    setFillingRgbColor(red.red, red.green, red.blue),
    moveTo(-0.26, hem * 1.2),
    appendBezierCurve(-0.26, 0.62, -0.13, 0.95, 0, 1),
    appendBezierCurve(0.13, 0.95, 0.26, 0.62, 0.26, hem * 1.2),
    appendBezierCurve(0.09, hem * 1.28, -0.09, hem * 1.28, -0.26, hem * 1.2),
    fill(),
    // Suspension lines converging on the jumper.
    setStrokingRgbColor(navy.red, navy.green, navy.blue),
    setLineWidth(0.05),
    setLineCap(LineCapStyle.Round),
    ...[-1, -0.45, 0.45, 1].flatMap((x) => [moveTo(x, x ** 2 === 1 ? 0 : hem * 1.15), lineTo(0, -1.02)]),
    stroke(),
    // Jumper: a small disc under the lines.
    setFillingRgbColor(navy.red, navy.green, navy.blue),
    ...circlePath(0, -1.14, 0.13),
    fill(),
    popGraphicsState(),
  ];
}

function circlePath(x: number, y: number, r: number): PDFOperator[] {
  const k = K * r;
  return [
    moveTo(x - r, y),
    appendBezierCurve(x - r, y + k, x - k, y + r, x, y + r),
    appendBezierCurve(x + k, y + r, x + r, y + k, x + r, y),
    appendBezierCurve(x + r, y - k, x + k, y - r, x, y - r),
    appendBezierCurve(x - k, y - r, x - r, y - k, x - r, y),
    closePath(),
  ];
}

/** Filled rectangles in one colour, as one path. */
export function barsOperators(color: RGB, bars: { x: number; y: number; width: number; height: number }[]): PDFOperator[] {
  return [
    pushGraphicsState(),
    setFillingRgbColor(color.red, color.green, color.blue),
    ...bars.map((bar) => rectangle(bar.x, bar.y, bar.width, bar.height)),
    fill(),
    popGraphicsState(),
  ];
}
