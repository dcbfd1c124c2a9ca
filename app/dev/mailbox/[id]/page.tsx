import Link from 'next/link';
import { notFound } from 'next/navigation';
import { extractLinks } from '@/lib/email/links';
import { getOutboxEmail } from '@/lib/email/mailbox';
import { env } from '@/lib/env';
import { Bilingual, StatusLabel, Timestamp } from '../mailbox-ui';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export default async function MailboxEmailPage({ params }: Props) {
  if (env().resendApiKey) notFound();
  const { id } = await params;
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  const links = extractLinks(email.html);

  return (
    <>
      <p>
        <Link href="/dev/mailbox" className="text-brand-700 underline">
          <Bilingual fr="← Tous les courriels" en="All emails" />
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{email.subject}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold"><Bilingual fr="Destinataire" en="To" /></dt>
        <dd className="break-all">{email.toAddress}</dd>
        <dt className="font-semibold"><Bilingual fr="Objet" en="Subject" /></dt>
        <dd>{email.subject}</dd>
        <dt className="font-semibold"><Bilingual fr="Date" en="Time" /></dt>
        <dd><Timestamp value={email.createdAt} /></dd>
        <dt className="font-semibold"><Bilingual fr="État" en="Status" /></dt>
        <dd>
          <StatusLabel status={email.status} />
          {email.lastError ? ` — ${email.lastError}` : null}
        </dd>
        <dt className="font-semibold"><Bilingual fr="Langue et modèle" en="Language and template" /></dt>
        <dd>{email.locale} · {email.template}</dd>
      </dl>

      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-xl font-semibold"><Bilingual fr="Version HTML" en="HTML version" /></h2>
        {/* No allow-scripts and no allow-same-origin: the email's HTML cannot run code or reach this page. */}
        <iframe
          sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
          srcDoc={email.html}
          title="Version HTML du courriel · HTML version of the email"
          className="h-[40rem] w-full rounded border border-slate-300 bg-white"
        />
      </section>

      {email.attachments.length > 0 ? (
        <section aria-labelledby="attachments-heading" className="space-y-2">
          <h2 id="attachments-heading" className="text-xl font-semibold">
            <Bilingual fr="Pièces jointes" en="Attachments" />
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {email.attachments.map((file, index) => (
              <li key={`${index}-${file.filename}`}>
                {/* A plain link: a file, not a page for the client router. */}
                <a href={`/dev/mailbox/${email.id}/attachments/${index}`} className="text-brand-700 underline">
                  {file.filename}
                </a>{' '}
                ({file.contentType}, {Math.ceil(file.bytes / 1024)} KiB)
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="links-heading" className="space-y-2">
        <h2 id="links-heading" className="text-xl font-semibold">
          <Bilingual fr="Liens dans ce courriel" en="Links in this email" />
        </h2>
        {links.length === 0 ? (
          <p><Bilingual fr="Aucun lien." en="No link." /></p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {links.map((href) => (
              <li key={href} className="break-all">
                <a href={href} className="text-brand-700 underline">{href}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-xl font-semibold"><Bilingual fr="Version texte" en="Plain-text version" /></h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded border border-slate-300 bg-white p-4 text-sm">{email.text}</pre>
      </section>
    </>
  );
}
