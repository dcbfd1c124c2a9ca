import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderEmail, type EmailTemplate } from '@/lib/email/render-email';
import { extractLinks } from '@/lib/email/links';

const context = { siteUrl: 'https://membres.cspa.ca', accountEmail: 'imis@cspa.ca', officeEmail: 'office@cspa.ca' };

const templates: Record<EmailTemplate['name'], EmailTemplate> = {
  'password-reset': {
    name: 'password-reset',
    props: { firstName: 'Sally', resetUrl: 'https://membres.cspa.ca/fr/reset-password/tok_1?x=1&y=2', expiresInMinutes: 60 },
  },
  'username-reminder': {
    name: 'username-reminder',
    props: { firstName: 'Sally', username: 'sallysauteur1@cspa.ca', signInUrl: 'https://membres.cspa.ca/fr/login' },
  },
  'password-changed': {
    name: 'password-changed',
    props: { firstName: 'Sally', signInUrl: 'https://membres.cspa.ca/fr/login', resetUrl: 'https://membres.cspa.ca/fr/forgot-password' },
  },
  'email-change-confirm': {
    name: 'email-change-confirm',
    props: { firstName: 'Sally', newEmail: 'sally.new@example.ca', confirmUrl: 'https://membres.cspa.ca/fr/verify/tok_2', expiresInHours: 24 },
  },
  'email-change-notice': {
    name: 'email-change-notice',
    props: { firstName: 'Sally', newEmail: 'sally.new@example.ca', contactEmail: 'imis@cspa.ca' },
  },
  'renewal-invoice': {
    name: 'renewal-invoice',
    props: {
      firstName: 'Sally',
      cspaNumber: '012345',
      invoiceNumber: '2026-000042',
      amountCents: 11500,
      currency: 'CAD',
      expiresOn: '2026-11-30',
      newExpiresOn: '2027-11-30',
      payUrl: 'https://membres.cspa.ca/fr/pay/tok_3',
      step: 'issued',
    },
  },
  'renewal-receipt': {
    name: 'renewal-receipt',
    props: {
      firstName: 'Sally',
      cspaNumber: '012345',
      invoiceNumber: '2026-000042',
      amountCents: 11500,
      currency: 'CAD',
      paidOn: '2026-11-24',
      newExpiresOn: '2027-11-30',
      cardUrl: 'https://membres.cspa.ca/fr/account/card',
      invoicesUrl: 'https://membres.cspa.ca/fr/account/invoices',
    },
  },
};

const subjects = {
  fr: {
    'password-reset': 'Votre lien pour choisir un mot de passe – ACPS',
    'username-reminder': 'Votre nom d’utilisateur – ACPS',
    'password-changed': 'Votre mot de passe a été modifié – ACPS',
    'email-change-confirm': 'Confirmez votre nouvelle adresse courriel – ACPS',
    'email-change-notice': 'Changement de votre adresse courriel – ACPS',
    'renewal-invoice': 'Votre facture de renouvellement 2026-000042 – ACPS',
    'renewal-receipt': 'Reçu de paiement et nouvelle carte de membre – ACPS',
  },
  en: {
    'password-reset': 'Your link to choose a password – CSPA',
    'username-reminder': 'Your username – CSPA',
    'password-changed': 'Your password was changed – CSPA',
    'email-change-confirm': 'Confirm your new email address – CSPA',
    'email-change-notice': 'Change of your email address – CSPA',
    'renewal-invoice': 'Your renewal invoice 2026-000042 – CSPA',
    'renewal-receipt': 'Payment receipt and new membership card – CSPA',
  },
};

const urlsOf = (template: EmailTemplate) =>
  Object.entries(template.props).filter(([key]) => key.endsWith('Url')).map(([, value]) => value as string);

describe.each(['fr', 'en'] as const)('every email in %s', (locale) => {
  it.each(Object.values(templates))('$name: subject, language, association, footer and links', async (template) => {
    const email = await renderEmail(template, locale, context);

    expect(email.subject).toBe(subjects[locale][template.name]);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).not.toMatch(/<script/i);
    expect(email.text).toContain(locale === 'fr' ? 'Association canadienne du parachutisme sportif (ACPS)' : 'Canadian Sport Parachuting Association (CSPA)');
    expect(email.text).toContain('Sally');
    expect(email.text).toContain('imis@cspa.ca');
    expect(email.text).toContain('office@cspa.ca');
    expect(email.text).not.toMatch(/\{\w+\}/);
    for (const url of urlsOf(template)) {
      expect(extractLinks(email.html)).toContain(url);
      expect(email.text).toContain(url);
    }
  });
});

describe('email wording', () => {
  it('tells a member the reset link works once, for how long, and what to do if they did not ask', async () => {
    const fr = await renderEmail(templates['password-reset'], 'fr', context);
    expect(fr.text).toContain('Ce lien ne fonctionne qu’une seule fois, pendant 60\u00a0minutes.');
    expect(fr.text).toContain('Si vous n’avez rien demandé, vous pouvez ignorer ce courriel');
    expect(fr.text).toContain('En cas de problème, écrivez-nous à imis@cspa.ca.');

    const en = await renderEmail({ name: 'password-reset', props: { ...templates['password-reset'].props, expiresInMinutes: 1 } } as EmailTemplate, 'en', context);
    expect(en.text).toContain('This link works only once, for 1 minute.');
    expect(en.text).toContain('If you did not ask for it, you can ignore this email');
  });

  it('warns after a password change and offers the way back', async () => {
    const en = await renderEmail(templates['password-changed'], 'en', context);
    expect(en.text).toContain('If it was not you, choose a new password now, then write to us at imis@cspa.ca.');
  });

  it('names the new address in both email-change messages', async () => {
    const confirm = await renderEmail(templates['email-change-confirm'], 'fr', context);
    expect(confirm.text).toContain('sally.new@example.ca');
    expect(confirm.text).toContain('pendant 24\u00a0heures');
    const notice = await renderEmail(templates['email-change-notice'], 'en', context);
    expect(notice.text).toContain('sally.new@example.ca');
    expect(notice.text).toContain('If it was not you, write to us right away at imis@cspa.ca');
  });

  it('escapes whatever a member typed as their name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (firstName) => {
        const email = await renderEmail({ name: 'username-reminder', props: { ...templates['username-reminder'].props, firstName: `<script>${firstName}` } } as EmailTemplate, 'fr', context);
        expect(email.html).not.toMatch(/<script/i);
        expect(email.html).toContain('&lt;script&gt;');
      }),
      { numRuns: 25 },
    );
  });
});
