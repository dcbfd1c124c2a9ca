import { Text } from '@react-email/components';
import { formatLongDate } from '@/lib/renewal/long-date';
import { formatMoney } from '@/lib/renewal/money';
import { emailCopy } from '../copy';
import { fillText, formatText, pluralText } from '../format';
import type { EmailLocale, TemplateProps } from './context';
import { ActionButton, EmailLayout, MailLink, Paragraph } from './layout';
import { styles } from './styles';

export type RenewalInvoiceStep = 'issued' | 'd30' | 'd7' | 'd0';

export type RenewalInvoiceProps = {
  firstName: string;
  cspaNumber: string;
  invoiceNumber: string;
  amountCents: number;
  currency: string;
  /** The current expiry (ISO date). */
  expiresOn: string;
  /** The expiry the payment gives (ISO date). */
  newExpiresOn: string;
  payUrl: string;
  step: RenewalInvoiceStep;
};

const REMINDER_DAYS = { d30: 30, d7: 7 } as const;

function stepWording(step: RenewalInvoiceStep): 'issued' | 'reminder' | 'today' {
  return step === 'issued' ? 'issued' : step === 'd0' ? 'today' : 'reminder';
}

/** The invoice first, then reminders counting down to the expiry day: subject and heading say which. */
export function renewalInvoiceTitles(locale: EmailLocale, { step, invoiceNumber }: Pick<RenewalInvoiceProps, 'step' | 'invoiceNumber'>): { subject: string; heading: string } {
  const t = emailCopy[locale].renewalInvoice;
  if (step === 'issued') return { subject: formatText(t.subject.issued, { number: invoiceNumber }), heading: formatText(t.heading.issued, { number: invoiceNumber }) };
  if (step === 'd0') return { subject: t.subject.today, heading: t.heading.today };
  const days = REMINDER_DAYS[step];
  return { subject: pluralText(locale, days, t.subject.reminder), heading: pluralText(locale, days, t.heading.reminder) };
}

export function RenewalInvoiceEmail({ locale, context, ...props }: TemplateProps<RenewalInvoiceProps>) {
  const copy = emailCopy[locale];
  const t = copy.renewalInvoice;
  const wording = stepWording(props.step);
  return (
    <EmailLayout locale={locale} context={context} preview={t.preview} heading={renewalInvoiceTitles(locale, props).heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName: props.firstName })}</Paragraph>
      <Paragraph>{formatText(t.intro[wording], { expiresOn: formatLongDate(props.expiresOn, locale), number: props.invoiceNumber })}</Paragraph>
      <Text style={styles.strong}>{formatText(t.amount, { amount: formatMoney(props.amountCents, props.currency, locale) })}</Text>
      <Paragraph>{formatText(t.newExpiry, { newExpiresOn: formatLongDate(props.newExpiresOn, locale) })}</Paragraph>
      <ActionButton locale={locale} href={props.payUrl} label={t.button} />
      <Paragraph>{t.linkNote}</Paragraph>
      <Paragraph>{t.attachment}</Paragraph>
      {wording !== 'issued' && <Paragraph>{t.alreadyPaid}</Paragraph>}
      <Paragraph>{fillText(t.help, { officeEmail: <MailLink address={context.officeEmail} />, cspaNumber: props.cspaNumber })}</Paragraph>
    </EmailLayout>
  );
}
