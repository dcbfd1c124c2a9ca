import type { ReactElement } from 'react';
import { render } from '@react-email/render';
import { emailCopy } from './copy';
import type { EmailContext, EmailLocale } from './templates/context';
import { EmailChangeConfirmEmail, type EmailChangeConfirmProps } from './templates/email-change-confirm';
import { EmailChangeNoticeEmail, type EmailChangeNoticeProps } from './templates/email-change-notice';
import { PasswordChangedEmail, type PasswordChangedProps } from './templates/password-changed';
import { PasswordResetEmail, type PasswordResetProps } from './templates/password-reset';
import { RenewalInvoiceEmail, renewalInvoiceTitles, type RenewalInvoiceProps } from './templates/renewal-invoice';
import { RenewalReceiptEmail, type RenewalReceiptProps } from './templates/renewal-receipt';
import { UsernameReminderEmail, type UsernameReminderProps } from './templates/username-reminder';

export type EmailTemplate =
  | { name: 'password-reset'; props: PasswordResetProps }
  | { name: 'username-reminder'; props: UsernameReminderProps }
  | { name: 'password-changed'; props: PasswordChangedProps }
  | { name: 'email-change-confirm'; props: EmailChangeConfirmProps }
  | { name: 'email-change-notice'; props: EmailChangeNoticeProps }
  | { name: 'renewal-invoice'; props: RenewalInvoiceProps }
  | { name: 'renewal-receipt'; props: RenewalReceiptProps };

export type EmailTemplateName = EmailTemplate['name'];

export type RenderedEmail = { subject: string; html: string; text: string };

function buildEmail(template: EmailTemplate, locale: EmailLocale, context: EmailContext): { subject: string; element: ReactElement } {
  const copy = emailCopy[locale];
  const common = { locale, context };
  switch (template.name) {
    case 'password-reset':
      return { subject: copy.passwordReset.subject, element: <PasswordResetEmail {...common} {...template.props} /> };
    case 'username-reminder':
      return { subject: copy.usernameReminder.subject, element: <UsernameReminderEmail {...common} {...template.props} /> };
    case 'password-changed':
      return { subject: copy.passwordChanged.subject, element: <PasswordChangedEmail {...common} {...template.props} /> };
    case 'email-change-confirm':
      return { subject: copy.emailChangeConfirm.subject, element: <EmailChangeConfirmEmail {...common} {...template.props} /> };
    case 'email-change-notice':
      return { subject: copy.emailChangeNotice.subject, element: <EmailChangeNoticeEmail {...common} {...template.props} /> };
    case 'renewal-invoice':
      // The subject names the invoice number or the days left, so it is built from the props.
      return { subject: renewalInvoiceTitles(locale, template.props).subject, element: <RenewalInvoiceEmail {...common} {...template.props} /> };
    case 'renewal-receipt':
      return { subject: copy.renewalReceipt.subject, element: <RenewalReceiptEmail {...common} {...template.props} /> };
  }
}

/** Pure: the same template, language and context always give the same subject, HTML and text. */
export async function renderEmail(template: EmailTemplate, locale: EmailLocale, context: EmailContext): Promise<RenderedEmail> {
  const { subject, element } = buildEmail(template, locale, context);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
