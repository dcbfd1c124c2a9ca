import 'server-only';
import { env } from '@/lib/env';

/** Where members are told to write: account problems to one address, forms and everything else to the office. */
export function contactAddresses() {
  const { contactAccountEmail, contactOfficeEmail } = env();
  return { accountEmail: contactAccountEmail, officeEmail: contactOfficeEmail };
}

export function mailtoWithCspaNumber(address: string, subject: string, cspaNumber?: string): string {
  const fullSubject = cspaNumber ? `${subject} (${cspaNumber})` : subject;
  return `mailto:${address}?subject=${encodeURIComponent(fullSubject)}`;
}
