import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listOutbox } from '@/lib/email/mailbox';
import { env } from '@/lib/env';
import { Bilingual, StatusLabel, Timestamp } from './mailbox-ui';

export const dynamic = 'force-dynamic';

export default async function MailboxPage() {
  if (env().resendApiKey) notFound();
  const emails = await listOutbox(200);
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">
          <Bilingual fr="Boîte de réception (développement)" en="Development mailbox" />
        </h1>
        <p className="text-slate-700">
          <Bilingual
            fr="RESEND_API_KEY n’est pas défini : aucun courriel n’est envoyé, ils sont tous ici."
            en="RESEND_API_KEY is not set: no email is sent, they are all here."
          />
        </p>
      </header>
      {emails.length === 0 ? (
        <p>
          <Bilingual fr="Aucun courriel pour l’instant." en="No email yet." />
        </p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">
            <Bilingual fr="Courriels, du plus récent au plus ancien" en="Emails, newest first" />
          </caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4"><Bilingual fr="Destinataire" en="To" /></th>
              <th scope="col" className="py-2 pr-4"><Bilingual fr="Objet" en="Subject" /></th>
              <th scope="col" className="py-2 pr-4"><Bilingual fr="Date" en="Time" /></th>
              <th scope="col" className="py-2"><Bilingual fr="État" en="Status" /></th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr key={email.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4 break-all">{email.toAddress}</td>
                <td className="py-2 pr-4">
                  <Link href={`/dev/mailbox/${email.id}`} className="text-brand-700 underline">
                    {email.subject}
                  </Link>
                </td>
                <td className="py-2 pr-4 whitespace-nowrap"><Timestamp value={email.createdAt} /></td>
                <td className="py-2"><StatusLabel status={email.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
