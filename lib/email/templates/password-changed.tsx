import { Link } from '@react-email/components';
import { emailCopy } from '../copy';
import { fillText, formatText } from '../format';
import type { TemplateProps } from './context';
import { ActionButton, EmailLayout, MailLink, Paragraph } from './layout';
import { styles } from './styles';

export type PasswordChangedProps = { firstName: string; signInUrl: string; resetUrl: string };

export function PasswordChangedEmail({ locale, context, firstName, signInUrl, resetUrl }: TemplateProps<PasswordChangedProps>) {
  const copy = emailCopy[locale];
  const t = copy.passwordChanged;
  return (
    <EmailLayout locale={locale} context={context} preview={t.preview} heading={t.heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName })}</Paragraph>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>
        {t.ifYou}{' '}
        <Link href={signInUrl} style={styles.link}>
          {t.signIn}
        </Link>
      </Paragraph>
      <Paragraph>{fillText(t.ifNotYou, { accountEmail: <MailLink address={context.accountEmail} /> })}</Paragraph>
      <ActionButton locale={locale} href={resetUrl} label={t.button} />
    </EmailLayout>
  );
}
