import { getTranslations } from 'next-intl/server';
import { FormAlert } from '@/app/ui/forms/form-alert';

export default async function UnknownCard() {
  const t = await getTranslations('Verify');
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold text-red-800">{t('invalidTitle')}</h1>
      <FormAlert tone="error">{t('invalidText')}</FormAlert>
    </div>
  );
}
