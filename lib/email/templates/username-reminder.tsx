import { Text } from '@react-email/components';
import { emailCopy } from '../copy';
import { fillText, formatText } from '../format';
import type { TemplateProps } from './context';
import { ActionButton, EmailLayout, MailLink, Paragraph } from './layout';
import { styles } from './styles';

export type UsernameReminderProps = { firstName: string; username: string; signInUrl: string };

export function UsernameReminderEmail({ locale, context, firstName, username, signInUrl }: TemplateProps<UsernameReminderProps>) {
  const copy = emailCopy[locale];
  const t = copy.usernameReminder;
  return (
    <EmailLayout locale={locale} context={context} preview={t.preview} heading={t.heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName })}</Paragraph>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>{t.usernameLabel}</Paragraph>
      <Text style={styles.strong}>{username}</Text>
      <ActionButton locale={locale} href={signInUrl} label={t.button} />
      <Paragraph>{t.ignore}</Paragraph>
      <Paragraph>{fillText(t.problems, { accountEmail: <MailLink address={context.accountEmail} /> })}</Paragraph>
    </EmailLayout>
  );
}
