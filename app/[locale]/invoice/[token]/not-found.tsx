import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { contactAddresses } from '@/lib/contact';

export default async function InvoiceLinkNotFound() {
  const t = await getTranslations('Renewal');
  const { officeEmail } = contactAddresses();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t('invalidLinkTitle')}</h1>
      <p>
        {t.rich('invalidLinkText', {
          officeEmail,
          office: (chunks) => (
            <a href={`mailto:${officeEmail}`} className="text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      <Link href="/account/renew" className="text-brand-700 underline">
        {t('renewNow')}
      </Link>
    </div>
  );
}
