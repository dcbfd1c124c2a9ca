import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { embedCardFonts, type CardFonts } from '@/lib/card/fonts';
import { barsOperators, canopyMarkOperators, cleanText, fitOneLine, fitText, type FittedText } from '@/lib/card/layout';
import { formatText } from '@/lib/email/format';
import { formatLongDate, formatLongDateOfInstant } from './long-date';
import { formatMoney } from './money';

export type InvoiceDocument = {
  kind: 'invoice' | 'receipt';
  locale: 'fr' | 'en';
  number: string;
  /** ISO date (YYYY-MM-DD); also the PDF's creation date, so the same invoice always gives the same bytes. */
  issuedOn: string;
  dueOn: string;
  status: 'open' | 'paid' | 'void';
  member: {
    firstName: string;
    lastName: string;
    cspaNumber: string;
    email: string;
    address: { line1: string | null; line2: string | null; city: string | null; province: string | null; postalCode: string | null; country: string } | null;
  };
  lines: { description: string; quantity: number; unitCents: number; amountCents: number }[];
  totalCents: number;
  currency: string;
  /** The membership period this payment gives (ISO dates). */
  coverage: { from: string; to: string };
  payment: { paidAt: string; method: 'stripe' | 'demo'; reference: string } | null;
  /** Printed on open invoices only. */
  payUrl: string | null;
  /** The office address printed in the footer. */
  contactEmail: string;
};

const fr = {
  association: 'Association canadienne du parachutisme sportif (ACPS)',
  documentTitle: '{title} {number} – ACPS',
  title: { invoice: 'Facture', receipt: 'Reçu' },
  number: 'N°\u00a0{number}',
  partyLabel: { invoice: 'Facturé à', receipt: 'Reçu de' },
  cspaNumber: 'N° ACPS\u00a0: {number}',
  issuedOn: 'Date d’émission',
  dueOn: 'Échéance',
  paidOn: 'Payé le',
  method: 'Mode de paiement',
  reference: 'Référence',
  methods: { stripe: 'Carte de crédit (Stripe)', demo: 'Paiement de démonstration' },
  columns: { description: 'Description', quantity: 'Qté', unit: 'Prix unitaire', amount: 'Montant' },
  total: 'Total',
  coverage: 'Période d’adhésion couverte\u00a0: du {from} au {to}',
  payOnline: 'Payez en ligne\u00a0:',
  thanks: 'Merci de votre paiement.',
  voided: 'Cette facture est annulée\u00a0: aucun paiement n’est dû.',
  stamp: { paid: { invoice: 'PAYÉE', receipt: 'PAYÉ' }, void: { invoice: 'ANNULÉE', receipt: 'ANNULÉ' } },
  noTax: 'Aucune taxe applicable (cotisation d’adhésion).',
  contact: 'Questions\u00a0: {email}',
};

export type InvoiceCopy = typeof fr;

const en: InvoiceCopy = {
  association: 'Canadian Sport Parachuting Association (CSPA)',
  documentTitle: '{title} {number} – CSPA',
  title: { invoice: 'Invoice', receipt: 'Receipt' },
  number: 'No. {number}',
  partyLabel: { invoice: 'Bill to', receipt: 'Received from' },
  cspaNumber: 'CSPA No.: {number}',
  issuedOn: 'Issued on',
  dueOn: 'Due on',
  paidOn: 'Paid on',
  method: 'Payment method',
  reference: 'Reference',
  methods: { stripe: 'Credit card (Stripe)', demo: 'Demo payment' },
  columns: { description: 'Description', quantity: 'Qty', unit: 'Unit price', amount: 'Amount' },
  total: 'Total',
  coverage: 'Membership period covered: {from} to {to}',
  payOnline: 'Pay online:',
  thanks: 'Thank you for your payment.',
  voided: 'This invoice is void: no payment is due.',
  stamp: { paid: { invoice: 'PAID', receipt: 'PAID' }, void: { invoice: 'VOID', receipt: 'VOID' } },
  noTax: 'No tax applies (membership dues).',
  contact: 'Questions: {email}',
};

/** Every word printed on an invoice or receipt, in the document's one language. */
export const invoiceCopy: Record<InvoiceDocument['locale'], InvoiceCopy> = { fr, en };

// Letter, with the card's colours.
const PAGE = { width: 612, height: 792 };
const MARGIN = 54;
const LEFT = MARGIN;
const RIGHT = PAGE.width - MARGIN;
const WIDTH = RIGHT - LEFT;
const FOOTER_TOP = MARGIN + 40;
const BLOCK_GAP = 14;

const NAVY = rgb(0.063, 0.176, 0.329);
const RED = rgb(0.784, 0.063, 0.18);
const GREEN = rgb(0.102, 0.451, 0.22);
const INK = rgb(0.11, 0.122, 0.141);
const MUTED = rgb(0.369, 0.412, 0.471);
const HAIRLINE = rgb(0.78, 0.82, 0.878);
const BAND = rgb(0.933, 0.949, 0.973);

type Align = 'left' | 'center' | 'right';
type Pen = { font: PDFFont; color: RGB; leading?: number; align?: Align; width?: number };

/** Hundredths of a point: far finer than print, and shorter numbers in the file. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Draws fitted lines from a first baseline; returns the height used below that baseline's line. */
function drawLines(page: PDFPage, fitted: FittedText, x: number, y: number, pen: Pen): number {
  const leading = pen.leading ?? fitted.size * 1.25;
  fitted.lines.forEach((line, i) => {
    const lineWidth = pen.align && pen.align !== 'left' ? pen.font.widthOfTextAtSize(line, fitted.size) : 0;
    const offset = pen.align === 'center' ? ((pen.width ?? 0) - lineWidth) / 2 : pen.align === 'right' ? (pen.width ?? 0) - lineWidth : 0;
    page.drawText(line, { x: round(x + offset), y: round(y - i * leading), size: fitted.size, font: pen.font, color: pen.color });
  });
  return fitted.lines.length * leading;
}

/** Wraps on spaces, cutting a word only when it alone is wider than the column. */
function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of Array.from(word)) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  lines.push(line);
  return lines;
}

/** A piece of the page below the header: measured first, so the table can shrink to leave room for the rest. */
type Block = { height: number; draw: (page: PDFPage, top: number) => void };

function drawHeader(page: PDFPage, fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy) {
  const top = PAGE.height - MARGIN;
  page.pushOperators(...canopyMarkOperators({ centerX: LEFT + 15, domeBaseY: top - 15, radius: 15 }, { navy: NAVY, red: RED }));
  const name = fitText(fonts.bold, copy.association, { maxWidth: WIDTH - 44 - 200, size: 12, minSize: 11, twoLineSize: 12 });
  drawLines(page, name, LEFT + 44, top - 13, { font: fonts.bold, color: NAVY, leading: 15 });
  const titleRight = { font: fonts.bold, color: NAVY, align: 'right', width: 190 } as const;
  drawLines(page, fitOneLine(fonts.bold, copy.title[doc.kind], 190, 24), RIGHT - 190, top - 22, titleRight);
  const number = fitOneLine(fonts.regular, formatText(copy.number, { number: cleanText(doc.number) }), 190, 11);
  drawLines(page, number, RIGHT - 190, top - 40, { ...titleRight, font: fonts.regular, color: INK });
  page.pushOperators(...barsOperators(HAIRLINE, [{ x: LEFT, y: top - 56, width: WIDTH, height: 0.6 }]), ...barsOperators(RED, [{ x: LEFT, y: top - 56.5, width: 40, height: 1.6 }]));
}

function addressLines(address: InvoiceDocument['member']['address']): string[] {
  if (!address) return [];
  const cityLine = [[address.city, address.province].filter(Boolean).join(' '), address.postalCode].filter(Boolean).join('  ');
  // A Canadian address needs no country line; any other keeps it.
  const country = /^(CA|CAN|Canada)$/i.test(address.country.trim()) ? null : address.country;
  return [address.line1, address.line2, cityLine, country].filter((line): line is string => !!line && cleanText(line) !== '');
}

const PARTY_WIDTH = 250;
const META_X = LEFT + 280;
const META_LABEL_WIDTH = 86;

function partyBlock(fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy): Block {
  const { member } = doc;
  const name = fitText(fonts.bold, cleanText(`${member.firstName} ${member.lastName}`), { maxWidth: PARTY_WIDTH, size: 12, minSize: 10, twoLineSize: 11 });
  const details = [formatText(copy.cspaNumber, { number: cleanText(member.cspaNumber) }), ...addressLines(member.address), member.email].map((line) =>
    fitText(fonts.regular, cleanText(line), { maxWidth: PARTY_WIDTH, size: 10, minSize: 8.5, twoLineSize: 9 }),
  );
  const height = 17 + name.lines.length * name.size * 1.2 + details.reduce((sum, line) => sum + line.lines.length * 12.5, 0);
  return {
    height,
    draw(page, top) {
      drawLines(page, fitOneLine(fonts.regular, copy.partyLabel[doc.kind], PARTY_WIDTH, 9), LEFT, top - 7, { font: fonts.regular, color: MUTED });
      let y = top - 17 - name.size * 0.76;
      y -= drawLines(page, name, LEFT, y, { font: fonts.bold, color: INK, leading: name.size * 1.2 });
      y -= 2;
      for (const line of details) y -= drawLines(page, line, LEFT, y, { font: fonts.regular, color: INK, leading: 12.5 });
    },
  };
}

function metaRows(doc: InvoiceDocument, copy: InvoiceCopy): [string, string][] {
  const rows: [string, string][] = [[copy.issuedOn, formatLongDate(doc.issuedOn, doc.locale)]];
  if (doc.kind === 'invoice') rows.push([copy.dueOn, formatLongDate(doc.dueOn, doc.locale)]);
  if (doc.payment) {
    rows.push([copy.paidOn, formatLongDateOfInstant(doc.payment.paidAt, doc.locale)], [copy.method, copy.methods[doc.payment.method]], [copy.reference, doc.payment.reference]);
  }
  return rows;
}

function metaBlock(fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy): Block {
  const valueWidth = RIGHT - META_X - META_LABEL_WIDTH;
  const rows = metaRows(doc, copy).map(([label, value]) => ({
    label: fitText(fonts.regular, label, { maxWidth: META_LABEL_WIDTH - 6, size: 9, minSize: 8, twoLineSize: 8.5 }),
    value: fitText(fonts.regular, cleanText(value), { maxWidth: valueWidth, size: 10, minSize: 8.5, twoLineSize: 9 }),
  }));
  const rowHeight = (row: (typeof rows)[number]) => Math.max(row.label.lines.length, row.value.lines.length) * 12 + 4;
  return {
    height: rows.reduce((sum, row) => sum + rowHeight(row), 0),
    draw(page, top) {
      let y = top - 8;
      for (const row of rows) {
        drawLines(page, row.label, META_X, y, { font: fonts.regular, color: MUTED, leading: 12 });
        drawLines(page, row.value, META_X + META_LABEL_WIDTH, y, { font: fonts.regular, color: INK, leading: 12 });
        y -= rowHeight(row);
      }
    },
  };
}

// Right edges of the number columns; the description takes what is left.
const COLUMNS = { quantity: LEFT + 318, unit: LEFT + 412, amount: RIGHT };
const DESCRIPTION_X = LEFT + 6;
const DESCRIPTION_WIDTH = 262;
const HEADER_HEIGHT = 20;

/** The lines table at the largest text size (10 pt at most) at which it fits `maxHeight`. */
function tableBlock(fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy, maxHeight: number): Block {
  const money = (cents: number) => formatMoney(cents, doc.currency, doc.locale);
  const layoutAt = (size: number) => {
    const pad = size * 0.6;
    const rows = doc.lines.map((line) => {
      const description = wrapText(fonts.regular, cleanText(line.description), size, DESCRIPTION_WIDTH);
      return { line, description, height: 2 * pad + size + (description.length - 1) * size * 1.3 };
    });
    return { size, pad, rows, height: HEADER_HEIGHT + rows.reduce((sum, row) => sum + row.height, 0) };
  };
  let layout = layoutAt(10);
  while (layout.height > maxHeight && layout.size > 0.5) layout = layoutAt(layout.size * 0.92);
  const { size, pad, rows } = layout;
  const numberCell = (page: PDFPage, text: string, right: number, width: number, y: number, font = fonts.regular) =>
    drawLines(page, fitOneLine(font, text, width, size), right - width, y, { font, color: INK, align: 'right', width });
  return {
    height: layout.height,
    draw(page, top) {
      page.pushOperators(...barsOperators(BAND, [{ x: LEFT, y: top - HEADER_HEIGHT, width: WIDTH, height: HEADER_HEIGHT }]));
      const headerY = top - 13.5;
      const header = { font: fonts.bold, color: NAVY };
      drawLines(page, fitOneLine(fonts.bold, copy.columns.description, DESCRIPTION_WIDTH, 9), DESCRIPTION_X, headerY, header);
      for (const [key, right, width] of [['quantity', COLUMNS.quantity, 44], ['unit', COLUMNS.unit, 88], ['amount', COLUMNS.amount - 6, 84]] as const) {
        drawLines(page, fitOneLine(fonts.bold, copy.columns[key], width, 9), right - width, headerY, { ...header, align: 'right', width });
      }
      let rowTop = top - HEADER_HEIGHT;
      for (const row of rows) {
        const y = rowTop - pad - size * 0.8;
        drawLines(page, { size, lines: row.description }, DESCRIPTION_X, y, { font: fonts.regular, color: INK, leading: size * 1.3 });
        numberCell(page, String(row.line.quantity), COLUMNS.quantity, 44, y);
        numberCell(page, money(row.line.unitCents), COLUMNS.unit, 88, y);
        numberCell(page, money(row.line.amountCents), COLUMNS.amount - 6, 84, y);
        rowTop -= row.height;
        page.pushOperators(...barsOperators(HAIRLINE, [{ x: LEFT, y: rowTop, width: WIDTH, height: 0.5 }]));
      }
    },
  };
}

/** A rubber stamp tilted 12°, centred on a point, no wider than `maxWidth`. */
function drawStamp(page: PDFPage, font: PDFFont, text: string, color: RGB, center: { x: number; y: number }, maxWidth: number) {
  const angle = (12 * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [capHeight, padding] = [0.73, 0.35];
  const textUnit = font.widthOfTextAtSize(text, 1);
  const [boxUnitW, boxUnitH] = [textUnit + 2 * padding, capHeight + 2 * padding];
  const size = Math.min(20, maxWidth / (boxUnitW * cos + boxUnitH * sin));
  const fromCenter = (dx: number, dy: number) => ({ x: round(center.x + dx * cos - dy * sin), y: round(center.y + dx * sin + dy * cos) });
  const rotate = degrees(12);
  const box = fromCenter((-boxUnitW * size) / 2, (-boxUnitH * size) / 2);
  page.drawRectangle({ ...box, width: round(boxUnitW * size), height: round(boxUnitH * size), rotate, borderColor: color, borderWidth: round(size * 0.09), borderOpacity: 0.6 });
  page.drawText(text, { ...fromCenter((-textUnit * size) / 2, (-capHeight * size) / 2), size: round(size), font, color, opacity: 0.6, rotate });
}

function totalBlock(fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy): Block {
  const totalX = COLUMNS.quantity + 12;
  const stamp = doc.status === 'open' ? null : { text: copy.stamp[doc.status][doc.kind], color: doc.status === 'paid' ? GREEN : RED };
  return {
    height: 34,
    draw(page, top) {
      page.pushOperators(...barsOperators(NAVY, [{ x: totalX, y: top - 4, width: RIGHT - totalX, height: 1 }]));
      drawLines(page, fitOneLine(fonts.bold, copy.total, 80, 12), totalX, top - 22, { font: fonts.bold, color: NAVY });
      const amountWidth = RIGHT - totalX - 90;
      const amount = fitOneLine(fonts.bold, formatMoney(doc.totalCents, doc.currency, doc.locale), amountWidth, 12);
      drawLines(page, amount, RIGHT - 6 - amountWidth, top - 22, { font: fonts.bold, color: NAVY, align: 'right', width: amountWidth });
      if (stamp) drawStamp(page, fonts.bold, stamp.text, stamp.color, { x: LEFT + 130, y: top - 17 }, 220);
    },
  };
}

function textBlock(font: PDFFont, text: string, color: RGB): Block {
  const fitted = fitText(font, text, { maxWidth: WIDTH, size: 10, minSize: 9, twoLineSize: 9.5 });
  const leading = fitted.size * 1.3;
  return { height: fitted.lines.length * leading, draw: (page, top) => void drawLines(page, fitted, LEFT, top - fitted.size * 0.8, { font, color, leading }) };
}

/** What the member should do or know, by status: pay online, nothing is due, or thanks. */
function noteBlock(fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy): Block | null {
  if (doc.status === 'void') return textBlock(fonts.bold, copy.voided, RED);
  if (doc.status === 'paid') return textBlock(fonts.regular, copy.thanks, INK);
  if (!doc.payUrl) return null;
  // Whole on one line, however small: a wrapped URL can't be typed in.
  const url = fitOneLine(fonts.regular, cleanText(doc.payUrl), WIDTH, 10);
  return {
    height: 28,
    draw(page, top) {
      drawLines(page, fitOneLine(fonts.bold, copy.payOnline, WIDTH, 10), LEFT, top - 8, { font: fonts.bold, color: INK });
      drawLines(page, url, LEFT, top - 23, { font: fonts.regular, color: NAVY });
    },
  };
}

function drawFooter(page: PDFPage, fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy) {
  page.pushOperators(...barsOperators(HAIRLINE, [{ x: LEFT, y: MARGIN + 28, width: WIDTH, height: 0.5 }]));
  const pen = { font: fonts.regular, color: MUTED };
  drawLines(page, fitOneLine(fonts.regular, formatText(copy.contact, { email: cleanText(doc.contactEmail) }), WIDTH, 9), LEFT, MARGIN + 14, pen);
  drawLines(page, fitOneLine(fonts.regular, copy.noTax, WIDTH, 9), LEFT, MARGIN + 2, pen);
}

function drawBody(page: PDFPage, fonts: CardFonts, doc: InvoiceDocument, copy: InvoiceCopy) {
  const top = PAGE.height - MARGIN - 80;
  const party = partyBlock(fonts, doc, copy);
  const meta = metaBlock(fonts, doc, copy);
  party.draw(page, top);
  meta.draw(page, top);
  const coverage = formatText(copy.coverage, { from: formatLongDate(doc.coverage.from, doc.locale), to: formatLongDate(doc.coverage.to, doc.locale) });
  const after = [totalBlock(fonts, doc, copy), textBlock(fonts.regular, coverage, INK), noteBlock(fonts, doc, copy)].filter((block): block is Block => block !== null);
  const tableTop = top - Math.max(party.height, meta.height) - 24;
  const afterHeight = after.reduce((sum, block) => sum + block.height + BLOCK_GAP, 0);
  const table = tableBlock(fonts, doc, copy, tableTop - FOOTER_TOP - afterHeight);
  let y = tableTop;
  for (const block of [table, ...after]) {
    block.draw(page, y);
    y -= block.height + BLOCK_GAP;
  }
}

function setMetadata(pdf: PDFDocument, doc: InvoiceDocument, copy: InvoiceCopy) {
  pdf.setTitle(formatText(copy.documentTitle, { title: copy.title[doc.kind], number: cleanText(doc.number) }), { showInWindowTitleBar: true });
  pdf.setAuthor(copy.association);
  pdf.setCreator('Portail des membres ACPS · CSPA member portal');
  pdf.setProducer('pdf-lib');
  pdf.setLanguage(doc.locale === 'fr' ? 'fr-CA' : 'en-CA');
  // The issue date, not the clock: the same invoice always gives the same bytes.
  const issued = new Date(`${doc.issuedOn}T12:00:00Z`);
  if (!Number.isNaN(issued.getTime())) {
    pdf.setCreationDate(issued);
    pdf.setModificationDate(issued);
  }
}

/** An invoice or receipt on one Letter page, in the document's language: a pure function of its data. */
export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Uint8Array> {
  const copy = invoiceCopy[doc.locale];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib names fonts and graphics states with Math.random(); a counter keeps the output reproducible.
  let resourceCount = 0;
  pdf.context.addRandomSuffix = (prefix: string) => `${prefix}${++resourceCount}`;
  setMetadata(pdf, doc, copy);
  const fonts = await embedCardFonts(pdf);
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  drawHeader(page, fonts, doc, copy);
  drawBody(page, fonts, doc, copy);
  drawFooter(page, fonts, doc, copy);
  return pdf.save({ useObjectStreams: true, objectsPerTick: Infinity, updateFieldAppearances: false, addDefaultPage: false });
}
