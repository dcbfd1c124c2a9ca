import fc from 'fast-check';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { CardData } from '@/lib/card/card-data';
import { sampleCard } from '@/lib/card/sample-card';
import { CARD_HEIGHT, CARD_WIDTH } from '@/lib/card/layout';
import { QR_MARKED_CONTENT_TAG, QR_QUIET_ZONE } from '@/lib/card/qr';
import { renderMembershipCard } from '@/lib/card/render-card';
import { extractPdfText, pdfMarkedRectangles, pdfMetadata, pdfPageSizes, pdfTextPages, type PdfTextPage } from '../support/pdf-text';

const MM = 72 / 25.4;

const member: CardData = sampleCard;

const LONG_NAME = { firstName: 'Marie-Geneviève-Antoinette', lastName: 'Ōtsuka-Côté-Bélanger de la Rochefoucauld-Montmorency' };

/** Every text item's box (baseline start to advance end, descender to ascender) lies on the page. */
function expectInsidePage(page: PdfTextPage) {
  for (const item of page.items) {
    const [cos, sin] = [Math.cos(item.angle), Math.sin(item.angle)];
    const corners = [-0.24, 0.93].flatMap((rise) =>
      [0, item.width].map((advance) => ({ x: item.x + advance * cos - rise * item.fontSize * sin, y: item.y + advance * sin + rise * item.fontSize * cos })),
    );
    for (const corner of corners) {
      expect(corner.x, `« ${item.str} » x`).toBeGreaterThanOrEqual(-0.01);
      expect(corner.x, `« ${item.str} » x`).toBeLessThanOrEqual(page.width + 0.01);
      expect(corner.y, `« ${item.str} » y`).toBeGreaterThanOrEqual(-0.01);
      expect(corner.y, `« ${item.str} » y`).toBeLessThanOrEqual(page.height + 0.01);
    }
  }
}

describe('renderMembershipCard', () => {
  it('makes a two-page PDF the size of a credit card', async () => {
    const sizes = await pdfPageSizes(await renderMembershipCard(member));
    expect(sizes).toHaveLength(2);
    for (const size of sizes) {
      expect(Math.abs(size.width - 85.6 * MM)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(size.height - 54 * MM)).toBeLessThanOrEqual(0.5);
    }
    expect(CARD_WIDTH).toBeCloseTo(242.65, 1);
    expect(CARD_HEIGHT).toBeCloseTo(153.07, 1);
  });

  it('prints the name, number, category, validity and certificate on the front, in both languages', async () => {
    const [front] = await extractPdfText(await renderMembershipCard(member));
    expect(front).toContain('Hélène Côté-Bélanger');
    expect(front).toContain('012345');
    expect(front).toContain('Participant inscrit – adhésion complète');
    expect(front).toContain('Registered participant – full membership');
    expect(front).toContain('31 mai 2027');
    expect(front).toContain('May 31, 2027');
    expect(front).toContain('Brevet C · C certificate');
    for (const label of ['Membre · Member', 'N° ACPS · CSPA No.', 'Catégorie · Category', 'Valide jusqu’au · Valid until', 'Brevet le plus élevé · Highest certificate']) {
      expect(front).toContain(label);
    }
    expect(front).toContain('Association canadienne du parachutisme sportif');
    expect(front).toContain('Canadian Sport Parachuting Association');
  });

  it('prints the CSPA number exactly as stored, never regrouped', async () => {
    const [front] = await extractPdfText(await renderMembershipCard({ ...member, cspaNumber: '12345' }));
    expect(front).toMatch(/(^|\s)12345(\s|$)/);
    expect(front).not.toContain('12 345');
    expect(front).not.toContain('12\u202f345');
  });

  it('writes the first of the month the French way', async () => {
    const [front] = await extractPdfText(await renderMembershipCard({ ...member, validUntil: '2027-06-01' }));
    expect(front).toContain('1er juin 2027');
    expect(front).toContain('June 1, 2027');
  });

  it('says « Aucun · None » when there is no certificate', async () => {
    const [front] = await extractPdfText(await renderMembershipCard({ ...member, highestCertificate: null }));
    expect(front).toContain('Aucun · None');
  });

  it('lists every rating with its state and expiry on the back, and the whole verification URL on one line', async () => {
    const bytes = await renderMembershipCard(member);
    const [, back] = await extractPdfText(bytes);
    for (const rating of member.ratings) {
      expect(back).toContain(rating.fr);
      expect(back).toContain(rating.en);
      if (rating.expiresOn) expect(back).toContain(rating.expiresOn);
    }
    for (const state of ['À jour · Current', 'À revalider · Due', 'Échue · Lapsed', 'Échue +5 ans · Lapsed 5+ yrs', 'Sans échéance · No expiry']) {
      expect(back).toContain(state);
    }
    const [, backPage] = await pdfTextPages(bytes);
    expect(backPage!.items.map((item) => item.str)).toContain(member.verificationUrl);
    expect(back).toContain('Vérifier · Verify');
    expect(back).toContain('Émise le 31 mai 2026 · Issued on May 31, 2026');
  });

  it('shrinks a very long verification URL rather than wrapping or cutting it', async () => {
    const verificationUrl = `https://membres.association-canadienne-du-parachutisme-sportif.ca/verify/${'x'.repeat(80)}`;
    const [, back] = await pdfTextPages(await renderMembershipCard({ ...member, verificationUrl }));
    expect(back!.items.map((item) => item.str)).toContain(verificationUrl);
    expectInsidePage(back!);
  });

  it('draws a QR code of the verification URL that decodes back to it', async () => {
    const rectangles = await pdfMarkedRectangles(await renderMembershipCard(member), 2, QR_MARKED_CONTENT_TAG);
    const { modules } = QRCode.create(member.verificationUrl, { errorCorrectionLevel: 'M' });
    const drawn = new Uint8Array(modules.size * modules.size);
    for (const [col, row, length, height] of rectangles) {
      expect(height).toBe(1);
      for (let i = 0; i < length; i++) drawn[row * modules.size + col + i] = 1;
    }
    expect(Array.from(drawn)).toEqual(Array.from(modules.data));
    // Horizontal runs: fewer rectangles than dark modules.
    expect(rectangles.length).toBeLessThan(modules.data.reduce((sum, dark) => sum + dark, 0));

    const scale = 4;
    const side = (modules.size + 2 * QR_QUIET_ZONE) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const [row, col] = [Math.floor(y / scale) - QR_QUIET_ZONE, Math.floor(x / scale) - QR_QUIET_ZONE];
        const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && drawn[row * modules.size + col];
        if (dark) pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
    expect(jsQR(pixels, side, side)?.data).toBe(member.verificationUrl);
  });

  it.each([
    ['Hélène', 'Côté-Bélanger'],
    ['Kristian', 'Ærøskøbing-Hansen'],
    ['Siobhán', 'O’Neill'],
    ['Łukasz', 'Żółć'],
    ['Zoë', 'Ōtsuka'],
    ['Griffin', 'Fflewddur'],
  ])('renders %s %s intact', async (firstName, lastName) => {
    const [front] = await extractPdfText(await renderMembershipCard({ ...member, firstName, lastName }));
    expect(front).toContain(`${firstName} ${lastName}`);
  });

  it('keeps a letter copyable on the next card after it was drawn inside a composite glyph (Ż is Z plus a dot)', async () => {
    await renderMembershipCard({ ...member, firstName: 'Łukasz', lastName: 'Żółć' });
    const [front] = await extractPdfText(await renderMembershipCard({ ...member, firstName: 'Zoë', lastName: 'Zając' }));
    expect(front).toContain('Zoë Zając');
  });

  it('prints a name with stray line breaks or invisible characters on one clean line', async () => {
    const [front] = await extractPdfText(await renderMembershipCard({ ...member, firstName: ' Anne-\u00adMarie\n', lastName: 'Du\u200bpont\t' }));
    expect(front).toContain('Anne-Marie Dupont');
  });

  it('shrinks and wraps a very long name without losing a word or leaving the card', async () => {
    const bytes = await renderMembershipCard({ ...member, ...LONG_NAME });
    const pages = await pdfTextPages(bytes);
    const front = pages[0]!.items.map((item) => item.str).join(' ');
    for (const word of `${LONG_NAME.firstName} ${LONG_NAME.lastName}`.split(' ')) expect(front).toContain(word);
    for (const page of pages) expectInsidePage(page);
  });

  it('stamps an expired card « EXPIRÉE · EXPIRED » and says so on the validity line', async () => {
    const bytes = await renderMembershipCard({ ...member, validUntil: '2025-05-31', expired: true });
    const pages = await pdfTextPages(bytes);
    const front = pages[0]!.items.map((item) => item.str).join(' ');
    expect(front).toContain('EXPIRÉE');
    expect(front).toContain('EXPIRED');
    expect(front).toContain('Expirée le 31 mai 2025');
    expect(front).toContain('Expired May 31, 2025');
    const stamp = pages[0]!.items.find((item) => item.str.includes('EXPIRED'));
    expect(Math.abs(stamp!.angle)).toBeGreaterThan(0.3);
    expectInsidePage(pages[0]!);
  });

  it('does not stamp a current card', async () => {
    const [front, back] = await extractPdfText(await renderMembershipCard(member));
    expect(`${front} ${back}`).not.toContain('EXPIRÉE');
    expect(`${front} ${back}`).not.toContain('EXPIRED');
  });

  it('shows as many ratings as fit, then « + N autres · + N more » for the rest', async () => {
    const letters = 'ABCDEFGHIJKL'.split('');
    const ratings = letters.map((letter) => ({ fr: `Qualification ${letter}`, en: `Rating ${letter}`, expiresOn: '2027-01-31', state: 'current' as const }));
    const bytes = await renderMembershipCard({ ...member, ratings });
    const [, back] = await pdfTextPages(bytes);
    const shown = back!.items.filter((item) => /^Qualification ([A-L]) · Rating \1$/.test(item.str)).length;
    const more = back!.items.map((item) => /^\+ (\d+) autres · \+ \1 more$/.exec(item.str)).find(Boolean);
    expect(shown).toBeGreaterThan(3);
    expect(Number(more?.[1])).toBe(letters.length - shown);
    expectInsidePage(back!);
    expect(bytes.length).toBeLessThanOrEqual(30 * 1024);
  });

  it('stays under 30 KiB', async () => {
    expect((await renderMembershipCard({ ...member, ...LONG_NAME })).length).toBeLessThanOrEqual(30 * 1024);
  });

  it('gives the same bytes for the same data, with a title naming the card', async () => {
    const [first, second] = [await renderMembershipCard(member), await renderMembershipCard(member)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const metadata = await pdfMetadata(first);
    expect(metadata.title).toBe('Carte de membre ACPS · CSPA membership card – 012345');
    expect(metadata.author).toContain('Canadian Sport Parachuting Association');
    expect(metadata.creator).toBeTruthy();
    expect(metadata.producer).toBeTruthy();
    expect(metadata.creationDate?.toISOString().slice(0, 10)).toBe(member.issuedOn);
  });

  it('renders cards concurrently exactly as one at a time', async () => {
    const people = [['Hélène', 'Côté-Bélanger'], ['Łukasz', 'Żółć'], ['Zoë', 'Zając'], ['Kristian', 'Ærøskøbing-Hansen']] as const;
    const cards = people.map(([firstName, lastName], i) => ({ ...member, firstName, lastName, cspaNumber: `0${i}1234` }));
    const together = await Promise.all(cards.map((card) => renderMembershipCard(card)));
    for (const [i, card] of cards.entries()) {
      const alone = await renderMembershipCard(card);
      expect(Buffer.from(together[i]!).equals(Buffer.from(alone))).toBe(true);
      const [front] = await extractPdfText(alone);
      expect(front).toContain(`${card.firstName} ${card.lastName}`);
    }
  });

  it('never throws and never leaves the card, whatever the letters of the name', { timeout: 60_000 }, async () => {
    const letters = Array.from(
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàâçéèêëîïôöùûüÿœæÀÇÉÈÊÔŒßøØåÅłŁńśźżąęőűčšžğıİşāōū' +
        'αβγδεζηθικλμνξοπρστυφχψωςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώ' +
        'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
    );
    const word = fc.array(fc.constantFrom(...letters, '-', '’'), { minLength: 1, maxLength: 16 }).map((chars) => chars.join(''));
    const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(name, name, async (firstName, lastName) => {
        const [front] = await pdfTextPages(await renderMembershipCard({ ...member, firstName, lastName }), { only: [1] });
        expectInsidePage(front!);
        const text = front!.items.map((item) => item.str).join('');
        expect(text.replace(/\s/g, '')).toContain(`${firstName}${lastName}`.replace(/\s/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});

describe('card cache', () => {
  it('returns the same bytes for the same data and a new card when anything changes', async () => {
    const { renderMembershipCardCached } = await import('@/lib/card/card-cache');
    const data: CardData = {
      firstName: 'Sally',
      lastName: 'Sauteur',
      cspaNumber: '12345',
      category: { fr: 'Participant inscrit', en: 'Registered participant' },
      validUntil: '2027-06-30',
      expired: false,
      highestCertificate: { fr: 'Brevet A', en: 'A certificate' },
      ratings: [],
      verificationUrl: 'http://localhost:3000/verify/AAAAAAAAAAAAAAAAAAAAAA',
      issuedOn: '2026-11-23',
    };
    const first = await renderMembershipCardCached(data);
    expect(await renderMembershipCardCached({ ...data })).toBe(first);
    const renewed = await renderMembershipCardCached({ ...data, validUntil: '2028-06-30' });
    expect(renewed).not.toBe(first);
    expect((await extractPdfText(renewed))[0]).toContain('2028');
  });
});
