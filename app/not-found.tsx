import Link from 'next/link';
import { inter } from '@/app/fonts';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

// Reached only outside a locale prefix (the proxy sends everything else to /fr or /en): both languages.
export default function RootNotFound() {
  return (
    <html lang="fr" className={inter.variable}>
      <body className="font-sans">
        <main className="mx-auto max-w-xl space-y-6 px-4 py-12">
          <section className="space-y-2">
            <h1 className="text-2xl font-bold">{fr.NotFound.title}</h1>
            <p>{fr.NotFound.text}</p>
            <Link href="/fr" className="text-brand-700 underline">{fr.NotFound.home}</Link>
          </section>
          <section lang="en" className="space-y-2">
            <h2 className="text-2xl font-bold">{en.NotFound.title}</h2>
            <p>{en.NotFound.text}</p>
            <Link href="/en" className="text-brand-700 underline">{en.NotFound.home}</Link>
          </section>
        </main>
      </body>
    </html>
  );
}
