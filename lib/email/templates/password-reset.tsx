import { emailCopy } from '../copy';
import { fillText, formatText, pluralText } from '../format';
import type { TemplateProps } from './context';
import { ActionButton, EmailLayout, MailLink, Paragraph } from './layout';

export type PasswordResetProps = { firstName: string; resetUrl: string; expiresInMinutes: number };

export function PasswordResetEmail({ locale, context, firstName, resetUrl, expiresInMinutes }: TemplateProps<PasswordResetProps>) {
  const copy = emailCopy[locale];
  const t = copy.passwordReset;
  return (
    <EmailLayout locale={locale} context={context} preview={t.preview} heading={t.heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName })}</Paragraph>
      <Paragraph>{t.intro}</Paragraph>
      <ActionButton locale={locale} href={resetUrl} label={t.button} />
      <Paragraph>{pluralText(locale, expiresInMinutes, t.validity)}</Paragraph>
      <Paragraph>{t.ignore}</Paragraph>
      <Paragraph>{fillText(t.problems, { accountEmail: <MailLink address={context.accountEmail} /> })}</Paragraph>
    </EmailLayout>
  );
}
