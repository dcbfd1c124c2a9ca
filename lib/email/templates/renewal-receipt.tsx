import { Link, Text } from '@react-email/components';
import { formatLongDate } from '@/lib/renewal/long-date';
import { formatMoney } from '@/lib/renewal/money';
import { emailCopy } from '../copy';
import { fillText, formatText } from '../format';
import type { TemplateProps } from './context';
import { ActionButton, EmailLayout, MailLink, Paragraph } from './layout';
import { styles } from './styles';

export type RenewalReceiptProps = {
  firstName: string;
  cspaNumber: string;
  invoiceNumber: string;
  amountCents: number;
  currency: string;
  /** ISO date. */
  paidOn: string;
  /** ISO date. */
  newExpiresOn: string;
  cardUrl: string;
  invoicesUrl: string;
};

/** Sent once a payment is applied, with the receipt and the new card attached by the sender. */
export function RenewalReceiptEmail({ locale, context, ...props }: TemplateProps<RenewalReceiptProps>) {
  const copy = emailCopy[locale];
  const t = copy.renewalReceipt;
  const newExpiresOn = formatLongDate(props.newExpiresOn, locale);
  const thanks = {
    amount: formatMoney(props.amountCents, props.currency, locale),
    paidOn: formatLongDate(props.paidOn, locale),
    number: props.invoiceNumber,
  };
  return (
    <EmailLayout locale={locale} context={context} preview={formatText(t.preview, { newExpiresOn })} heading={t.heading} reason={t.reason}>
      <Paragraph>{formatText(copy.greeting, { firstName: props.firstName })}</Paragraph>
      <Paragraph>{formatText(t.thanks, thanks)}</Paragraph>
      <Text style={styles.strong}>{formatText(t.newExpiry, { newExpiresOn })}</Text>
      <Paragraph>{t.attachments}</Paragraph>
      <ActionButton locale={locale} href={props.cardUrl} label={t.button} />
      <Paragraph>
        {fillText(t.invoices, {
          link: (
            <Link href={props.invoicesUrl} style={styles.link}>
              {t.invoicesLink}
            </Link>
          ),
        })}
      </Paragraph>
      <Paragraph>{fillText(t.help, { officeEmail: <MailLink address={context.officeEmail} />, cspaNumber: props.cspaNumber })}</Paragraph>
    </EmailLayout>
  );
}
