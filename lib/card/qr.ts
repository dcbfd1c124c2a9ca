import {
  beginMarkedContent,
  concatTransformationMatrix,
  endMarkedContent,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  type PDFOperator,
  type RGB,
} from 'pdf-lib';
import QRCode from 'qrcode';

/** The blank margin scanners need around the symbol, in modules (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

/** Marked-content tag around the code's drawing, so tests can find the rectangles again. */
export const QR_MARKED_CONTENT_TAG = 'QRCode';

/** A horizontal run of dark modules: one rectangle instead of `length` squares. */
export type QrRun = { row: number; col: number; length: number };
export type QrSymbol = { size: number; runs: QrRun[] };

export function qrSymbol(text: string): QrSymbol {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

/**
 * Draws the symbol and its quiet zone into a square of `side` points whose top-left corner is
 * (left, top) in page coordinates. The matrix maps one unit to one module with y pointing down,
 * so each run is written as small integers: `col row length 1 re`, all filled at once.
 */
export function qrOperators(symbol: QrSymbol, box: { left: number; top: number; side: number; color: RGB }): PDFOperator[] {
  const moduleSide = box.side / (symbol.size + 2 * QR_QUIET_ZONE);
  const origin = QR_QUIET_ZONE * moduleSide;
  const operators: PDFOperator[] = [
    beginMarkedContent(QR_MARKED_CONTENT_TAG),
    pushGraphicsState(),
    setFillingRgbColor(box.color.red, box.color.green, box.color.blue),
    concatTransformationMatrix(moduleSide, 0, 0, -moduleSide, box.left + origin, box.top - origin),
  ];
  for (const run of symbol.runs) operators.push(rectangle(run.col, run.row, run.length, 1));
  operators.push(fill(), popGraphicsState(), endMarkedContent());
  return operators;
}
