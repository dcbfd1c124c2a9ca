import { getLocale, getTranslations } from 'next-intl/server';
import { contactAddresses } from '@/lib/contact';

export async function SiteFooter() {
  const t = await getTranslations('Footer');
  const otherLocale = (await getLocale()) === 'fr' ? 'en' : 'fr';
  const { accountEmail, officeEmail } = contactAddresses();
  const mailLink = (address: string) => {
    const MailLink = (chunks: React.ReactNode) => (
      <a href={`mailto:${address}`} className="text-brand-700 underline">
        {chunks}
      </a>
    );
    return MailLink;
  };
  return (
    <footer className="border-t border-slate-200 bg-white text-sm text-slate-700">
      <div className="mx-auto max-w-4xl space-y-2 px-4 py-6">
        <p>{t.rich('help', { accountEmail, officeEmail, account: mailLink(accountEmail), office: mailLink(officeEmail) })}</p>
        <p>{t.rich('association', { other: (chunks) => <span lang={otherLocale}>{chunks}</span> })}</p>
      </div>
    </footer>
  );
}
