import { randomUUID } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { getOutboxEmail, listOutbox } from '@/lib/email/mailbox';
import { enqueueEmail } from '@/lib/email/outbox';
import MailboxPage from '@/app/dev/mailbox/page';
import MailboxEmailPage from '@/app/dev/mailbox/[id]/page';

// Local use: no provider, emails stay in the outbox and the mailbox shows them.
delete process.env.RESEND_API_KEY;

const resetUrl = 'http://localhost:3000/fr/reset-password/tok_mailbox?step=1&lang=fr';

async function enqueueTwo() {
  const db = await getDb();
  const first = await enqueueEmail(db, {
    to: 'sally@example.ca',
    locale: 'fr',
    template: { name: 'password-reset', props: { firstName: 'Sally', resetUrl, expiresInMinutes: 60 } },
  });
  await db.update(emailOutbox).set({ createdAt: new Date(Date.now() - 60_000) });
  const second = await enqueueEmail(db, {
    to: 'pat@example.ca',
    locale: 'en',
    template: { name: 'username-reminder', props: { firstName: 'Pat', username: '67890', signInUrl: 'http://localhost:3000/en/login' } },
  });
  return { first, second };
}

const pageProps = (id: string) => ({ params: Promise.resolve({ id }) });

beforeEach(async () => {
  await (await getDb()).delete(emailOutbox);
});

describe('dev mailbox data', () => {
  it('lists emails newest first', async () => {
    const { first, second } = await enqueueTwo();
    const emails = await listOutbox(10);
    expect(emails.map((email) => email.id)).toEqual([second.id, first.id]);
    expect(emails[0]).toMatchObject({ toAddress: 'pat@example.ca', subject: 'Your username – CSPA', status: 'pending' });
  });

  it('finds an email by id, and nothing for an unknown or malformed id', async () => {
    const { first } = await enqueueTwo();
    expect(await getOutboxEmail(first.id)).toMatchObject({ toAddress: 'sally@example.ca', locale: 'fr', template: 'password-reset' });
    expect(await getOutboxEmail(randomUUID())).toBeNull();
    expect(await getOutboxEmail('not-a-uuid')).toBeNull();
    expect(await getOutboxEmail("1' OR '1'='1")).toBeNull();
  });
});

describe('dev mailbox pages', () => {
  it('list each email with a link to it', async () => {
    const { first } = await enqueueTwo();
    const html = renderToStaticMarkup(await MailboxPage());
    expect(html).toContain('Boîte de réception (développement) · <span lang="en">Development mailbox</span>');
    expect(html).toContain(`href="/dev/mailbox/${first.id}"`);
    expect(html).toContain('Votre lien pour choisir un mot de passe – ACPS');
  });

  it('show the email in a sandboxed frame, its links as plain links, and its text', async () => {
    const { first } = await enqueueTwo();
    const html = renderToStaticMarkup(await MailboxEmailPage(pageProps(first.id)));
    expect(html).toMatch(/<iframe sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcDoc="[^"]*" title="[^"]+"/);
    expect(html).not.toMatch(/sandbox="[^"]*allow-scripts/);
    expect(html).toContain('Liens dans ce courriel · <span lang="en">Links in this email</span>');
    expect(html).toContain(`<a href="${resetUrl.replace('&', '&amp;')}"`);
    expect(html).toContain('<a href="mailto:imis@cspa.ca"');
    expect(html).toMatch(/<pre[^>]*>[\s\S]*Bonjour Sally,/);
  });

  it('answer not found for a malformed or unknown id instead of failing', async () => {
    await expect(MailboxEmailPage(pageProps('not-a-uuid'))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(MailboxEmailPage(pageProps(randomUUID()))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it('do not exist once a real provider is configured', async () => {
    const { first } = await enqueueTwo();
    vi.stubEnv('RESEND_API_KEY', 're_live_key');
    vi.resetModules();
    try {
      const list = await import('@/app/dev/mailbox/page');
      const detail = await import('@/app/dev/mailbox/[id]/page');
      const layout = await import('@/app/dev/mailbox/layout');
      await expect(list.default()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
      await expect(detail.default(pageProps(first.id))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
      expect(() => layout.default({ children: null })).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
