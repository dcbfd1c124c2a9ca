import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Boîte de réception (développement) · Development mailbox',
  robots: { index: false, follow: false },
};

// A developer page outside the locale prefix: French first, English alongside, no sign-in, the system font.
export default function MailboxLayout({ children }: { children: ReactNode }) {
  // With a real provider the emails go out and this page would only expose members' mail.
  if (env().resendApiKey) notFound();
  return (
    <html lang="fr">
      <body className="font-sans">
        <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
