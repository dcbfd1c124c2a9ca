import { describe, expect, it } from 'vitest';
import { extractLinks } from '@/lib/email/links';
import { renderEmail } from '@/lib/email/render-email';
import type { RenewalInvoiceProps } from '@/lib/email/templates/renewal-invoice';
import type { RenewalReceiptProps } from '@/lib/email/templates/renewal-receipt';

const context = { siteUrl: 'https://membres.cspa.ca', accountEmail: 'imis@cspa.ca', officeEmail: 'office@cspa.ca' };

const invoice: RenewalInvoiceProps = {
  firstName: 'Sally',
  cspaNumber: '012345',
  invoiceNumber: '2026-000042',
  amountCents: 11500,
  currency: 'CAD',
  expiresOn: '2026-12-01',
  newExpiresOn: '2027-12-01',
  payUrl: 'https://membres.cspa.ca/fr/pay/tok_3?a=1&b=2',
  step: 'issued',
};

const receipt: RenewalReceiptProps = {
  firstName: 'Sally',
  cspaNumber: '012345',
  invoiceNumber: '2026-000042',
  amountCents: 11500,
  currency: 'CAD',
  paidOn: '2026-11-24',
  newExpiresOn: '2027-12-01',
  cardUrl: 'https://membres.cspa.ca/en/account/card',
  invoicesUrl: 'https://membres.cspa.ca/en/account/invoices',
};

const renderInvoice = (locale: 'fr' | 'en', props: Partial<RenewalInvoiceProps> = {}) =>
  renderEmail({ name: 'renewal-invoice', props: { ...invoice, ...props } }, locale, context);

describe('renewal invoice email', () => {
  it('gives the amount, both expiry dates, the renew button, the attachment and whom to write to, in French', async () => {
    const email = await renderInvoice('fr');
    expect(email.subject).toBe('Votre facture de renouvellement 2026-000042 – ACPS');
    expect(email.html).toContain('lang="fr"');
    expect(email.html).toContain('Votre facture de renouvellement 2026-000042</h1>');
    for (const fact of [
      'Bonjour Sally,',
      'Votre adhésion à l’ACPS expire le 1er décembre 2026.',
      'Montant à payer\u00a0: 115,00\u00a0$',
      'Ce paiement prolonge votre adhésion jusqu’au 1er décembre 2027.',
      'sans que vous ayez à vous connecter au portail',
      'Il expire en même temps que la facture.',
      'La facture est jointe à ce courriel en format PDF.',
      'Écrivez au bureau à office@cspa.ca en indiquant votre numéro ACPS (012345).',
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.html).toContain('Renouveler maintenant');
    expect(extractLinks(email.html)).toContain(invoice.payUrl);
    expect(extractLinks(email.html)).toContain('mailto:office@cspa.ca');
    expect(email.text).not.toContain('ignorer ce rappel');
  });

  it('says the same in English', async () => {
    const email = await renderInvoice('en');
    expect(email.subject).toBe('Your renewal invoice 2026-000042 – CSPA');
    for (const fact of [
      'Your CSPA membership expires on December 1, 2026.',
      'Amount due: $115.00',
      'This payment extends your membership to December 1, 2027.',
      'This link works without signing in to the portal. It expires with the invoice.',
      'The invoice is attached to this email as a PDF.',
      'Write to the office at office@cspa.ca and include your CSPA number (012345).',
    ]) {
      expect(email.text).toContain(fact);
    }
    expect(email.html).toContain('Renew now');
    expect(extractLinks(email.html)).toContain(invoice.payUrl);
  });

  it.each([
    ['d30', 'Rappel\u00a0: votre adhésion expire dans 30\u00a0jours – ACPS', 'Reminder: your membership expires in 30 days – CSPA'],
    ['d7', 'Rappel\u00a0: votre adhésion expire dans 7\u00a0jours – ACPS', 'Reminder: your membership expires in 7 days – CSPA'],
    ['d0', 'Votre adhésion expire aujourd’hui – ACPS', 'Your membership expires today – CSPA'],
  ] as const)('%s: the subject and heading count down, and the reminder can be ignored once paid', async (step, fr, en) => {
    const [french, english] = [await renderInvoice('fr', { step }), await renderInvoice('en', { step })];
    expect(french.subject).toBe(fr);
    expect(english.subject).toBe(en);
    expect(french.html).toContain(`${fr.replace(' – ACPS', '')}</h1>`);
    expect(english.html).toContain(`${en.replace(' – CSPA', '')}</h1>`);
    expect(french.text).toContain('Si vous venez de payer, vous pouvez ignorer ce rappel.');
    expect(english.text).toContain('If you have just paid, you can ignore this reminder.');
    expect(english.text).toContain('2026-000042');
    expect(extractLinks(english.html)).toContain(invoice.payUrl);
  });

  it('says « aujourd’hui » on the expiry day', async () => {
    expect((await renderInvoice('fr', { step: 'd0' })).text).toContain('Votre adhésion à l’ACPS expire aujourd’hui, le 1er décembre 2026');
  });
});

describe('renewal receipt email', () => {
  it.each([
    ['fr', 'Reçu de paiement et nouvelle carte de membre – ACPS', [
      'Nous avons bien reçu votre paiement de 115,00\u00a0$ le 24 novembre 2026 pour la facture 2026-000042.',
      'Votre adhésion est maintenant valide jusqu’au 1er décembre 2027.',
      'Votre reçu et votre nouvelle carte de membre sont joints à ce courriel en format PDF.',
      'Mes factures',
      'office@cspa.ca en indiquant votre numéro ACPS (012345)',
    ], 'Télécharger ma carte'],
    ['en', 'Payment receipt and new membership card – CSPA', [
      'We received your payment of $115.00 on November 24, 2026 for invoice 2026-000042.',
      'Your membership is now valid until December 1, 2027.',
      'Your receipt and your new membership card are attached to this email as PDFs.',
      'My invoices',
      'office@cspa.ca and include your CSPA number (012345)',
    ], 'Download my card'],
  ] as const)('%s: thanks, amount, invoice number, new expiry, attachments, card and invoices links', async (locale, subject, facts, button) => {
    const email = await renderEmail({ name: 'renewal-receipt', props: receipt }, locale, context);
    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`lang="${locale}"`);
    for (const fact of facts) expect(email.text).toContain(fact);
    expect(email.html).toContain(button);
    const links = extractLinks(email.html);
    expect(links).toContain(receipt.cardUrl);
    expect(links).toContain(receipt.invoicesUrl);
    expect(email.text).toContain(receipt.cardUrl);
    expect(email.text).toContain(receipt.invoicesUrl);
  });
});
