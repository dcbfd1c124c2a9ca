import { degrees, PDFDocument, rgb, type PDFFont, type PDFOperator, type PDFPage, type RGB } from 'pdf-lib';
import { isValidIsoDate } from '@/lib/dates';
import { RATING_STATES, type RatingStateCode } from '@/lib/ratings/states';
import type { CardData } from './card-data';
import { embedCardFonts, type CardFonts } from './fonts';
import { barsOperators, canopyMarkOperators, CARD_HEIGHT as H, CARD_WIDTH as W, cleanText, fitOneLine, fitText, type FittedText } from './layout';
import { qrOperators, qrSymbol } from './qr';

/** Three decimals per channel: pdf-lib writes numbers in full, and every byte is deflated on every card. */
function hex(color: string): RGB {
  const [red, green, blue] = [1, 3, 5].map((at) => Math.round((parseInt(color.slice(at, at + 2), 16) / 255) * 1000) / 1000) as [number, number, number];
  return rgb(red, green, blue);
}

const NAVY = hex('#102d54');
const RED = hex('#c8102e');
const INK = hex('#1c1f24');
const MUTED = hex('#5e6978');
const HAIRLINE = hex('#c7d1e0');
const TONE_COLORS = { good: hex('#1a7338'), warning: hex('#9e5c00'), bad: RED } as const;

const ASSOCIATION = { fr: 'Association canadienne du parachutisme sportif', en: 'Canadian Sport Parachuting Association' };
const LABELS = {
  acronym: 'ACPS · CSPA',
  member: 'Membre · Member',
  number: 'N° ACPS · CSPA No.',
  category: 'Catégorie · Category',
  validUntil: 'Valide jusqu’au · Valid until',
  certificate: 'Brevet le plus élevé · Highest certificate',
  ratings: 'Qualifications · Ratings',
  expiry: 'Échéance · Expiry',
  verify: 'Vérifier · Verify',
  noCertificate: 'Aucun · None',
  noRatings: 'Aucune · None',
  noExpiry: 'Sans échéance · No expiry',
  stamp: 'EXPIRÉE · EXPIRED',
};
const RATING_LABELS: Record<RatingStateCode, string> = {
  current: 'À jour · Current',
  due: 'À revalider · Due',
  lapsed: 'Échue · Lapsed',
  lapsedLong: 'Échue +5 ans · Lapsed 5+ yrs',
};

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Bilingual = { fr: string; en: string };

/** Spelled-out months, so 05/06 can't be read both ways; plain text, no Intl (no U+202F surprises). */
function bilingualDate(iso: string): Bilingual {
  if (!isValidIsoDate(iso)) return { fr: iso, en: iso };
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { fr: `${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`, en: `${MONTHS_EN[month - 1]} ${day}, ${year}` };
}

/** « fr · en » on one line, or fr over en when the pair does not fit; said once when both are the same. */
function bilingualText(value: Bilingual): { text: string; split?: [string, string] } {
  const fr = cleanText(value.fr);
  const en = cleanText(value.en);
  return fr === en ? { text: fr } : { text: `${fr} · ${en}`, split: [fr, en] };
}

function validityText(data: CardData): Bilingual {
  if (!data.validUntil) return data.expired ? { fr: 'Expirée', en: 'Expired' } : { fr: '—', en: '—' };
  const date = bilingualDate(data.validUntil);
  return data.expired ? { fr: `Expirée le ${date.fr}`, en: `Expired ${date.en}` } : date;
}

type Align = 'left' | 'center' | 'right';

/** Hundredths of a point are far finer than print; shorter numbers make a smaller, faster PDF. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function drawTextAt(page: PDFPage, text: string, at: { x: number; y: number; size: number; font: PDFFont; color: RGB }) {
  page.drawText(text, { ...at, x: round(at.x), y: round(at.y) });
}

function drawLines(page: PDFPage, fitted: FittedText, at: { x: number; y: number; font: PDFFont; color: RGB; leading?: number; align?: Align; width?: number }) {
  const leading = at.leading ?? fitted.size * 1.18;
  fitted.lines.forEach((line, i) => {
    const lineWidth = at.align && at.align !== 'left' ? at.font.widthOfTextAtSize(line, fitted.size) : 0;
    const offset = at.align === 'center' ? ((at.width ?? 0) - lineWidth) / 2 : at.align === 'right' ? (at.width ?? 0) - lineWidth : 0;
    drawTextAt(page, line, { x: at.x + offset, y: at.y - i * leading, size: fitted.size, font: at.font, color: at.color });
  });
}

// ---- Front ----

const FRONT_MARGIN = 10;
const HEADER_TEXT_X = FRONT_MARGIN + 34;
const FIELD_COLUMNS = [
  { x: FRONT_MARGIN, width: 92 },
  { x: FRONT_MARGIN + 100, width: W - 2 * FRONT_MARGIN - 100 },
] as const;

let frontStatic: PDFOperator[] | undefined;
function frontStaticOperators(): PDFOperator[] {
  frontStatic ??= [
    ...canopyMarkOperators({ centerX: FRONT_MARGIN + 13, domeBaseY: H - 20, radius: 12.5 }, { navy: NAVY, red: RED }),
    ...barsOperators(HAIRLINE, [{ x: FRONT_MARGIN, y: H - 40.3, width: W - 2 * FRONT_MARGIN, height: 0.6 }]),
    ...barsOperators(RED, [{ x: FRONT_MARGIN, y: H - 40.8, width: 26, height: 1.6 }, { x: 0, y: 5.5, width: W, height: 1.4 }]),
    ...barsOperators(NAVY, [{ x: 0, y: 0, width: W, height: 5.5 }]),
  ];
  return frontStatic;
}

type Field = { column: 0 | 1; top: number; label: string; value: { text: string; split?: [string, string] }; size?: number; color?: RGB; oneLine?: boolean };

function drawField(page: PDFPage, fonts: CardFonts, field: Field) {
  const { x, width } = FIELD_COLUMNS[field.column];
  drawLines(page, fitOneLine(fonts.regular, field.label, width, 4.8), { x, y: field.top, font: fonts.regular, color: MUTED });
  const size = field.size ?? 7;
  const value = field.oneLine
    ? fitOneLine(fonts.bold, field.value.text, width, size)
    : fitText(fonts.bold, field.value.text, { maxWidth: width, size, minSize: size, split: field.value.split, twoLineSize: 6.4 });
  drawLines(page, value, { x, y: field.top - 4 - value.size, font: fonts.bold, color: field.color ?? INK, leading: 7.4 });
}

function drawFront(page: PDFPage, fonts: CardFonts, data: CardData) {
  page.pushOperators(...frontStaticOperators());
  const headerWidth = W - FRONT_MARGIN - HEADER_TEXT_X;
  drawLines(page, fitOneLine(fonts.bold, LABELS.acronym, headerWidth, 9.5), { x: HEADER_TEXT_X, y: H - 17, font: fonts.bold, color: NAVY });
  drawLines(page, fitOneLine(fonts.regular, ASSOCIATION.fr, headerWidth, 5.6), { x: HEADER_TEXT_X, y: H - 25.5, font: fonts.regular, color: NAVY });
  drawLines(page, fitOneLine(fonts.regular, ASSOCIATION.en, headerWidth, 5.6), { x: HEADER_TEXT_X, y: H - 32, font: fonts.regular, color: NAVY });

  const nameWidth = W - 2 * FRONT_MARGIN;
  drawLines(page, fitOneLine(fonts.regular, LABELS.member, nameWidth, 4.8), { x: FRONT_MARGIN, y: H - 49, font: fonts.regular, color: MUTED });
  const name = fitText(fonts.bold, cleanText(`${data.firstName} ${data.lastName}`), { maxWidth: nameWidth, size: 13, minSize: 9, twoLineSize: 10 });
  // First baseline one cap height under the label, whatever size the name was fitted at.
  const nameTop = H - 53.5 - name.size * 0.76;
  drawLines(page, name, { x: FRONT_MARGIN, y: nameTop, font: fonts.bold, color: NAVY, leading: name.size * 1.16 });

  const certificate = data.highestCertificate ? bilingualText(data.highestCertificate) : { text: LABELS.noCertificate, split: undefined };
  // The number is never split or regrouped: it is read out and typed in exactly as stored.
  drawField(page, fonts, { column: 0, top: 63, label: LABELS.number, value: { text: cleanText(data.cspaNumber) }, size: 10, color: NAVY, oneLine: true });
  drawField(page, fonts, { column: 1, top: 63, label: LABELS.category, value: bilingualText(data.category) });
  drawField(page, fonts, { column: 0, top: 34, label: LABELS.validUntil, value: bilingualText(validityText(data)), color: data.expired ? RED : INK });
  drawField(page, fonts, { column: 1, top: 34, label: LABELS.certificate, value: certificate });
  if (data.expired) drawExpiredStamp(page, fonts.bold);
}

/** Diagonal rubber stamp, sized so its rotated frame stays inside the card. */
function drawExpiredStamp(page: PDFPage, font: PDFFont) {
  const angle = Math.atan2(H, W);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const capHeight = 0.73;
  const padding = 0.3;
  const textUnit = font.widthOfTextAtSize(LABELS.stamp, 1);
  const [boxUnitW, boxUnitH] = [textUnit + 2 * padding, capHeight + 2 * padding];
  const inset = 14;
  const size = Math.min((W - 2 * inset) / (boxUnitW * cos + boxUnitH * sin), (H - 2 * inset) / (boxUnitW * sin + boxUnitH * cos));
  const rotateFromCenter = (dx: number, dy: number) => ({ x: W / 2 + dx * cos - dy * sin, y: H / 2 + dx * sin + dy * cos });
  const box = rotateFromCenter((-boxUnitW * size) / 2, (-boxUnitH * size) / 2);
  const text = rotateFromCenter((-textUnit * size) / 2, (-capHeight * size) / 2);
  const rotate = degrees((angle * 180) / Math.PI);
  page.drawRectangle({ ...box, width: boxUnitW * size, height: boxUnitH * size, rotate, borderColor: RED, borderWidth: size * 0.09, borderOpacity: 0.5 });
  page.drawText(LABELS.stamp, { ...text, size, font, color: RED, opacity: 0.45, rotate });
}

// ---- Back ----

const BACK_MARGIN = 8;
const QR_SIDE = 74;
const QR_LEFT = W - 5 - QR_SIDE;
const LIST_WIDTH = QR_LEFT - BACK_MARGIN - 4;
const LIST_BOTTOM = 27;

let backStatic: PDFOperator[] | undefined;
function backStaticOperators(): PDFOperator[] {
  backStatic ??= [
    ...barsOperators(HAIRLINE, [
      { x: BACK_MARGIN, y: H - 18.3, width: LIST_WIDTH, height: 0.6 },
      { x: BACK_MARGIN, y: 22.5, width: W - 2 * BACK_MARGIN, height: 0.5 },
    ]),
    ...barsOperators(RED, [{ x: BACK_MARGIN, y: H - 18.8, width: 22, height: 1.6 }]),
  ];
  return backStatic;
}

function drawRatings(page: PDFPage, fonts: CardFonts, ratings: CardData['ratings']) {
  let y = H - 27;
  if (ratings.length === 0) {
    drawLines(page, fitOneLine(fonts.regular, LABELS.noRatings, LIST_WIDTH, 6), { x: BACK_MARGIN, y, font: fonts.regular, color: MUTED });
    return;
  }
  const moreLine = 8.5;
  for (const [index, rating] of ratings.entries()) {
    const label = bilingualText(rating);
    const name = fitText(fonts.bold, label.text, { maxWidth: LIST_WIDTH, size: 6, minSize: 5.2, split: label.split, twoLineSize: 5.6 });
    const statusY = y - (name.lines.length - 1) * 6.4 - 6.9;
    const isLast = index === ratings.length - 1;
    if (statusY - (isLast ? 0 : moreLine) < LIST_BOTTOM) {
      const more = ratings.length - index;
      const text = more === 1 ? '+ 1 autre · + 1 more' : `+ ${more} autres · + ${more} more`;
      drawLines(page, fitOneLine(fonts.bold, text, LIST_WIDTH, 5.2), { x: BACK_MARGIN, y: y + 1, font: fonts.bold, color: MUTED });
      return;
    }
    drawLines(page, name, { x: BACK_MARGIN, y, font: fonts.bold, color: INK, leading: 6.4 });
    drawRatingStatus(page, fonts, rating, statusY);
    y = statusY - 9.2;
  }
}

function drawRatingStatus(page: PDFPage, fonts: CardFonts, rating: CardData['ratings'][number], y: number) {
  const tone = RATING_STATES.find((state) => state.code === rating.state)?.tone ?? 'bad';
  const color = TONE_COLORS[tone];
  const state = RATING_LABELS[rating.state];
  // ISO dates here: language-neutral and short enough to share the line with the state.
  const expiry = rating.expiresOn ? cleanText(rating.expiresOn) : LABELS.noExpiry;
  const dot = 4;
  const gap = 6;
  const unit = fonts.regular.widthOfTextAtSize(state, 1) + fonts.regular.widthOfTextAtSize(expiry, 1);
  const size = Math.min(5.2, Math.floor(((LIST_WIDTH - dot - gap) / unit) * 10) / 10);
  page.drawCircle({ x: BACK_MARGIN + 1.4, y: round(y + size * 0.36), size: 1.4, color });
  drawTextAt(page, state, { x: BACK_MARGIN + dot, y, size, font: fonts.regular, color });
  const expiryWidth = fonts.regular.widthOfTextAtSize(expiry, size);
  drawTextAt(page, expiry, { x: BACK_MARGIN + LIST_WIDTH - expiryWidth, y, size, font: fonts.regular, color: INK });
}

function drawBack(page: PDFPage, fonts: CardFonts, data: CardData) {
  page.pushOperators(...backStaticOperators());
  const title = fitOneLine(fonts.bold, LABELS.ratings, LIST_WIDTH * 0.6, 7);
  drawLines(page, title, { x: BACK_MARGIN, y: H - 15, font: fonts.bold, color: NAVY });
  const expiry = fitOneLine(fonts.regular, LABELS.expiry, LIST_WIDTH * 0.38, 4.6);
  drawLines(page, expiry, { x: BACK_MARGIN, y: H - 15, font: fonts.regular, color: MUTED, align: 'right', width: LIST_WIDTH });
  drawRatings(page, fonts, data.ratings);

  const url = cleanText(data.verificationUrl);
  page.pushOperators(...qrOperators(qrSymbol(url), { left: QR_LEFT, top: H - 5, side: QR_SIDE, color: NAVY }));
  const verify = fitOneLine(fonts.bold, LABELS.verify, QR_SIDE, 5.6);
  drawLines(page, verify, { x: QR_LEFT, y: H - 5 - QR_SIDE - 3, font: fonts.bold, color: NAVY, align: 'center', width: QR_SIDE });

  const fullWidth = W - 2 * BACK_MARGIN;
  // Whole on one line, however small: a wrapped or cut URL can't be typed in.
  drawLines(page, fitOneLine(fonts.regular, url, fullWidth, 6.5), { x: BACK_MARGIN, y: 13.5, font: fonts.regular, color: NAVY, align: 'center', width: fullWidth });
  const issued = bilingualDate(data.issuedOn);
  const issuedText = `Émise le ${issued.fr} · Issued on ${issued.en}`;
  drawLines(page, fitOneLine(fonts.regular, issuedText, fullWidth, 4.6), { x: BACK_MARGIN, y: 6, font: fonts.regular, color: MUTED, align: 'center', width: fullWidth });
}

// ---- Document ----

function setMetadata(doc: PDFDocument, data: CardData) {
  doc.setTitle(`Carte de membre ACPS · CSPA membership card – ${cleanText(data.cspaNumber)}`, { showInWindowTitleBar: true });
  doc.setAuthor(`${ASSOCIATION.fr} · ${ASSOCIATION.en}`);
  doc.setCreator('Portail des membres ACPS · CSPA member portal');
  doc.setProducer('pdf-lib');
  doc.setLanguage('fr-CA');
  // The issue date, not the clock: the same card data always gives the same bytes.
  const issued = new Date(`${data.issuedOn}T12:00:00Z`);
  if (!Number.isNaN(issued.getTime())) {
    doc.setCreationDate(issued);
    doc.setModificationDate(issued);
  }
}

export type RenderCardOptions = {
  /** Reuse the fonts parsed once per process (default). Off only to measure what the cache saves. */
  reuseParsedFonts?: boolean;
};

/** The bilingual membership card, front and back, as PDF bytes: a pure function of its data. */
export async function renderMembershipCard(data: CardData, options: RenderCardOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib names fonts and graphics states with Math.random(); a counter keeps the output reproducible.
  let resourceCount = 0;
  doc.context.addRandomSuffix = (prefix: string) => `${prefix}${++resourceCount}`;
  setMetadata(doc, data);
  const fonts = await embedCardFonts(doc, { cache: options.reuseParsedFonts ?? true });
  drawFront(doc.addPage([W, H]), fonts, data);
  drawBack(doc.addPage([W, H]), fonts, data);
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity, updateFieldAppearances: false, addDefaultPage: false });
}
