import { emailCopy } from '../copy';
import { fillText, formatText, pluralText } from '../format';
import type { TemplateProps } from './context';
import { ActionButton, EmailLayout, Paragraph } from './layout';

export type EmailChangeConfirmProps = { firstName: string; newEmail: string; confirmUrl: string; expiresInHours: number };

/** Sent to the new address: proves the member can read it before it replaces the old one. */
export function EmailChangeConfirmEmail({ locale, context, firstName, newEmail, confirmUrl, expiresInHours }: TemplateProps<EmailChangeConfirmProps>) {
  const copy = emailCopy[locale];
  const t = copy.emailChangeConfirm;
  return (
    <EmailLayout locale={locale} context={context} preview={t.preview} heading={t.heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName })}</Paragraph>
      <Paragraph>{fillText(t.intro, { newEmail: <strong>{newEmail}</strong> })}</Paragraph>
      <ActionButton locale={locale} href={confirmUrl} label={t.button} />
      <Paragraph>{pluralText(locale, expiresInHours, t.validity)}</Paragraph>
      <Paragraph>{t.untilConfirmed}</Paragraph>
      <Paragraph>{t.ignore}</Paragraph>
    </EmailLayout>
  );
}
