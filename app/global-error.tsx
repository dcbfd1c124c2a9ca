'use client';

import './globals.css';

// The Error namespace of messages/fr.json and en.json, copied here: this page replaces the root layout when the
// layout itself failed, outside next-intl, and importing the message files would ship both whole to every visitor.
// tests/security/server-errors.spec.ts checks the copy against the message files.
const COPY = {
  fr: {
    title: 'Une erreur est survenue',
    text: 'Nous n’avons pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste, écrivez-nous.',
    retry: 'Réessayer',
  },
  en: {
    title: 'Something went wrong',
    text: 'We could not show this page. Try again in a moment; if the problem persists, write to us.',
    retry: 'Try again',
  },
};

/**
 * Shown when even the layout failed (the database is down while the header reads the session): the locale
 * may be unknown, so French first and English alongside. Never the error itself: production errors carry only
 * a digest, which the server log ties to the real cause.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="font-sans">
        <main className="mx-auto max-w-xl space-y-6 px-4 py-12">
          <section className="space-y-2">
            <h1 className="text-2xl font-bold text-brand-800">{COPY.fr.title}</h1>
            <p>{COPY.fr.text}</p>
          </section>
          <section lang="en" className="space-y-2">
            <h2 className="text-2xl font-bold text-brand-800">{COPY.en.title}</h2>
            <p>{COPY.en.text}</p>
          </section>
          <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
            {COPY.fr.retry} · <span lang="en">{COPY.en.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
