import { emailCopy } from '../copy';
import { fillText, formatText } from '../format';
import type { TemplateProps } from './context';
import { EmailLayout, MailLink, Paragraph } from './layout';

export type EmailChangeNoticeProps = { firstName: string; newEmail: string; contactEmail: string };

/** Sent to the old address, so someone who took over the account cannot move it away unnoticed. */
export function EmailChangeNoticeEmail({ locale, context, firstName, newEmail, contactEmail }: TemplateProps<EmailChangeNoticeProps>) {
  const copy = emailCopy[locale];
  const t = copy.emailChangeNotice;
  return (
    <EmailLayout locale={locale} context={context} preview={t.preview} heading={t.heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName })}</Paragraph>
      <Paragraph>{fillText(t.intro, { newEmail: <strong>{newEmail}</strong> })}</Paragraph>
      <Paragraph>{t.ifYou}</Paragraph>
      <Paragraph>{fillText(t.ifNotYou, { contactEmail: <MailLink address={contactEmail} /> })}</Paragraph>
    </EmailLayout>
  );
}
