import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { formatLongDate, formatLongDateOfInstant } from '@/lib/renewal/long-date';
import { invoiceCopy, renderInvoicePdf, type InvoiceDocument } from '@/lib/renewal/invoice-pdf';
import { formatMoney } from '@/lib/renewal/money';
import { extractPdfText, pdfMetadata, pdfPageSizes, pdfTextPages, type PdfTextPage } from '../support/pdf-text';

const invoice: InvoiceDocument = {
  kind: 'invoice',
  locale: 'fr',
  number: '2026-000042',
  issuedOn: '2026-11-23',
  dueOn: '2026-12-23',
  status: 'open',
  member: {
    firstName: 'Hélène',
    lastName: 'Côté-Bélanger',
    cspaNumber: '012345',
    email: 'helene@example.ca',
    address: { line1: '1234, rue Saint-Denis', line2: 'App. 5', city: 'Montréal', province: 'QC', postalCode: 'H2X 3K8', country: 'CA' },
  },
  lines: [{ description: 'Cotisation annuelle – participant inscrit', quantity: 1, unitCents: 11500, amountCents: 11500 }],
  totalCents: 11500,
  currency: 'CAD',
  coverage: { from: '2026-12-01', to: '2027-11-30' },
  payment: null,
  payUrl: 'https://membres.cspa.ca/fr/pay/Qm9uam91ciBsZSBtb25kZQ',
  contactEmail: 'office@cspa.ca',
};

const receipt: InvoiceDocument = {
  ...invoice,
  kind: 'receipt',
  locale: 'en',
  status: 'paid',
  lines: [{ description: 'Annual dues – registered participant', quantity: 1, unitCents: 11500, amountCents: 11500 }],
  payment: { paidAt: '2026-11-24T15:30:00Z', method: 'stripe', reference: 'pi_3QxYz12345abcdef' },
  payUrl: null,
};

const MARGIN = 54;

/** pdfjs gives non-breaking spaces back as plain spaces; compare the words, not the space kinds. */
async function pageText(doc: InvoiceDocument): Promise<string> {
  const [text] = await extractPdfText(await renderInvoicePdf(doc));
  return text!.replace(/[\u00a0\u202f]/g, ' ');
}

/** Every text item's box (baseline start to advance end, descender to ascender) lies inside the page margins. */
function expectInsideMargins(page: PdfTextPage) {
  for (const item of page.items) {
    const [cos, sin] = [Math.cos(item.angle), Math.sin(item.angle)];
    const corners = [-0.24, 0.93].flatMap((rise) =>
      [0, item.width].map((advance) => ({ x: item.x + advance * cos - rise * item.fontSize * sin, y: item.y + advance * sin + rise * item.fontSize * cos })),
    );
    for (const corner of corners) {
      expect(corner.x, `« ${item.str} » x`).toBeGreaterThanOrEqual(MARGIN - 0.5);
      expect(corner.x, `« ${item.str} » x`).toBeLessThanOrEqual(page.width - MARGIN + 0.5);
      expect(corner.y, `« ${item.str} » y`).toBeGreaterThanOrEqual(MARGIN - 3);
      expect(corner.y, `« ${item.str} » y`).toBeLessThanOrEqual(page.height - MARGIN + 0.5);
    }
  }
}

type Leaf = { path: string; value: string };
function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, value }];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

describe('renderInvoicePdf', () => {
  it('prints an open French invoice: number, member, amounts, total, period and where to pay', async () => {
    const text = await pageText(invoice);
    for (const fact of [
      'Association canadienne du parachutisme sportif (ACPS)',
      'Facture',
      'N° 2026-000042',
      'Hélène Côté-Bélanger',
      'N° ACPS : 012345',
      '1234, rue Saint-Denis',
      'Date d’émission',
      '23 novembre 2026',
      'Échéance',
      '23 décembre 2026',
      'Cotisation annuelle – participant inscrit',
      '115,00 $',
      'Total',
      'Période d’adhésion couverte : du 1er décembre 2026 au 30 novembre 2027',
      'Payez en ligne :',
      invoice.payUrl!,
      'Questions : office@cspa.ca',
      'Aucune taxe applicable',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toMatch(/Montréal QC\s+H2X 3K8/);
    expect(text).not.toContain('PAYÉE');
    expect(text).not.toContain('ANNULÉE');
    expect(text).not.toMatch(/Invoice|Total due|Receipt/);
  });

  it('prints an English receipt with the payment, its stamp and no pay link', async () => {
    const text = await pageText(receipt);
    for (const fact of [
      'Canadian Sport Parachuting Association (CSPA)',
      'Receipt',
      'No. 2026-000042',
      'CSPA No.: 012345',
      'Paid on',
      'November 24, 2026',
      'Credit card (Stripe)',
      'pi_3QxYz12345abcdef',
      '$115.00',
      'Membership period covered: December 1, 2026 to November 30, 2027',
      'PAID',
      'No tax applies',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).not.toContain(invoice.payUrl!);
    expect(text).not.toContain('Due on');
  });

  it('stamps a paid invoice « PAYÉE » and a void one « ANNULÉE » / "VOID", without a pay link', async () => {
    const paid = await pageText({ ...invoice, status: 'paid', payment: receipt.payment });
    expect(paid).toContain('PAYÉE');
    expect(paid).not.toContain(invoice.payUrl!);
    const voidFr = await pageText({ ...invoice, status: 'void' });
    expect(voidFr).toContain('ANNULÉE');
    expect(voidFr).toContain('aucun paiement n’est dû');
    expect(voidFr).not.toContain(invoice.payUrl!);
    expect(await pageText({ ...invoice, locale: 'en', status: 'void' })).toContain('VOID');
  });

  it('draws the stamp tilted', async () => {
    const [page] = await pdfTextPages(await renderInvoicePdf(receipt));
    const stamp = page!.items.find((item) => item.str === 'PAID');
    expect(Math.abs(stamp!.angle)).toBeGreaterThan(0.1);
  });

  it('writes amounts the way each language does, with thousands', async () => {
    const big = { ...invoice, lines: [{ description: 'Dues', quantity: 2, unitCents: 61728394, amountCents: 123456789 }], totalCents: 123456789 };
    expect(await pageText(big)).toContain('1 234 567,89 $');
    expect(await pageText({ ...big, locale: 'en' })).toContain('$1,234,567.89');
  });

  it('prints a foreign country but not Canada', async () => {
    expect(await pageText(invoice)).not.toContain('Canada');
    const abroad = { ...invoice.member, address: { ...invoice.member.address!, country: 'France' } };
    expect(await pageText({ ...invoice, member: abroad })).toContain('France');
    expect(await pageText({ ...invoice, member: { ...invoice.member, address: null } })).toContain('Hélène Côté-Bélanger');
  });

  it('is one Letter page', async () => {
    expect(await pdfPageSizes(await renderInvoicePdf(invoice))).toEqual([{ width: 612, height: 792 }]);
  });

  it('gives the same bytes for the same data, dated and titled from the invoice', async () => {
    const [first, second] = [await renderInvoicePdf(receipt), await renderInvoicePdf(receipt)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const metadata = await pdfMetadata(first);
    expect(metadata.title).toBe('Receipt 2026-000042 – CSPA');
    expect(metadata.author).toBe('Canadian Sport Parachuting Association (CSPA)');
    expect(metadata.producer).toBeTruthy();
    expect(metadata.creationDate?.toISOString().slice(0, 10)).toBe(receipt.issuedOn);
    expect((await pdfMetadata(await renderInvoicePdf(invoice))).title).toBe('Facture 2026-000042 – ACPS');
    expect((await PDFDocument.load(first)).catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en-CA)');
  });

  it('keeps long names, addresses, descriptions, many lines and a long URL on the page, without losing words', async () => {
    const long: InvoiceDocument = {
      ...invoice,
      status: 'paid',
      payment: { ...receipt.payment!, reference: `ch_${'R'.repeat(120)}` },
      member: {
        ...invoice.member,
        lastName: 'Ōtsuka-Côté-Bélanger de la Rochefoucauld-Montmorency',
        email: `${'tres.long.'.repeat(12)}@example.ca`,
        address: { line1: `${'Appartement '.repeat(12)}Z`, line2: 'y'.repeat(150), city: 'Saint-Jean-sur-Richelieu', province: 'QC', postalCode: 'J3B 1A1', country: 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord' },
      },
      lines: Array.from({ length: 14 }, (_, i) => ({ description: `Article-${i} ${'description très longue '.repeat(12)}`, quantity: 1, unitCents: 11500, amountCents: 11500 })),
      payUrl: `https://membres.cspa.ca/fr/pay/${'Q'.repeat(300)}`,
    };
    for (const doc of [long, { ...long, status: 'open' as const, payment: null }]) {
      const bytes = await renderInvoicePdf(doc);
      const pages = await pdfTextPages(bytes);
      expect(pages).toHaveLength(1);
      expectInsideMargins(pages[0]!);
      const text = pages[0]!.items.map((item) => item.str).join(' ');
      for (let i = 0; i < 14; i++) expect(text).toContain(`Article-${i}`);
      expect(text).toContain('Ōtsuka-Côté-Bélanger');
    }
    const [open] = await pdfTextPages(await renderInvoicePdf({ ...long, status: 'open', payment: null }));
    expect(open!.items.map((item) => item.str)).toContain(long.payUrl);
  });

  it('renders in a few milliseconds once the fonts are loaded', async () => {
    await renderInvoicePdf(invoice);
    const started = performance.now();
    for (let i = 0; i < 10; i++) await renderInvoicePdf({ ...invoice, number: `2026-00000${i}` });
    expect((performance.now() - started) / 10).toBeLessThan(100);
  });
});

describe('invoiceCopy', () => {
  it('has the same keys and placeholders in French and English, and no empty text', () => {
    const [fr, en] = [leaves(invoiceCopy.fr), leaves(invoiceCopy.en)];
    expect(en.map((leaf) => leaf.path)).toEqual(fr.map((leaf) => leaf.path));
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [i, leaf] of fr.entries()) expect(placeholders(en[i]!.value), leaf.path).toEqual(placeholders(leaf.value));
    for (const leaf of [...fr, ...en]) expect(leaf.value.trim(), leaf.path).not.toBe('');
  });

  it('follows French typography', () => {
    for (const { path, value } of leaves(invoiceCopy.fr)) {
      expect(value, path).not.toMatch(/[^\u00a0]:/);
      expect(value, path).not.toContain("'");
    }
  });
});

describe('renewal formats', () => {
  it('writes money per locale', () => {
    expect(formatMoney(11500, 'CAD', 'fr')).toBe('115,00\u00a0$');
    expect(formatMoney(11500, 'CAD', 'en')).toBe('$115.00');
    expect(formatMoney(5, 'CAD', 'en')).toBe('$0.05');
  });

  it('writes long dates per locale, « 1er » included, whatever the server time zone', () => {
    expect(formatLongDate('2026-11-23', 'fr')).toBe('23 novembre 2026');
    expect(formatLongDate('2026-11-23', 'en')).toBe('November 23, 2026');
    expect(formatLongDate('2027-06-01', 'fr')).toBe('1er juin 2027');
    expect(formatLongDate('not a date', 'fr')).toBe('not a date');
    // 23:30 in Toronto is already the next day in UTC: the receipt gives the member's day.
    expect(formatLongDateOfInstant('2026-11-24T04:30:00Z', 'en')).toBe('November 23, 2026');
  });
});
