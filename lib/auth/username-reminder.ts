import 'server-only';
import type { Executor } from '@/db/client';
import { enqueueEmail } from '@/lib/email/outbox';
import { absoluteUrl } from '@/lib/i18n/urls';
import { findAccount } from './members-lookup';
import { takeEmailSlot } from './throttle';

function comparable(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’'`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Sends the username (the email on file) when the CSPA number and last name match; answers nothing either way. */
export async function requestUsernameReminder(
  db: Executor,
  request: { cspaNumber: string; lastName: string; ip: string },
  now = new Date(),
): Promise<void> {
  if (!(await takeEmailSlot(db, { kind: 'username_reminder', identifier: request.cspaNumber, ip: request.ip }, now))) return;
  const account = await findAccount(db, { kind: 'cspaNumber', cspaNumber: request.cspaNumber.trim() });
  if (!account || comparable(account.lastName) !== comparable(request.lastName)) return;
  await enqueueEmail(db, {
    to: account.email,
    memberId: account.id,
    locale: account.preferredLanguage,
    template: {
      name: 'username-reminder',
      props: { firstName: account.firstName, username: account.email, signInUrl: absoluteUrl(account.preferredLanguage, '/login') },
    },
  });
}
