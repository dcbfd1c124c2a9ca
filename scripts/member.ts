import { closeDb, getDb } from '@/db/client';
import { deliverDueEmails } from '@/lib/email/deliver';
import { env } from '@/lib/env';
import { sendResetLinkByOffice, setMemberEmailByOffice } from '@/lib/members/email-change';
import { findAccount } from '@/lib/auth/members-lookup';
import { rotateCardToken } from '@/lib/card/card-token';

// Office tasks on one member's account (README): `npm run member -- reset-link 12345`, `npm run member -- set-email 12345 new@address`.
const USAGE = [
  'Usage:',
  '  npm run member -- reset-link CSPA_NUMBER            email a password reset link to the address on file',
  '  npm run member -- set-email CSPA_NUMBER NEW_EMAIL   replace the member’s email (their username), audited',
  '  npm run member -- rotate-card CSPA_NUMBER           new card code: every card printed before stops verifying',
].join('\n');

class CommandError extends Error {}

async function resetLink(cspaNumber: string): Promise<void> {
  const result = await sendResetLinkByOffice(await getDb(), { cspaNumber, actorLabel: 'cli:reset-link' });
  if (!result.ok) throw new CommandError(`No member with CSPA number ${cspaNumber}.`);
  console.log(`Reset link for CSPA ${cspaNumber} sent to ${result.email} (${result.locale}), valid ${result.expiresInMinutes} minutes.`);
  if (!env().resendApiKey) {
    console.log('RESEND_API_KEY is not set: the email waits in the outbox; read it at /dev/mailbox.');
    return;
  }
  const counts = await deliverDueEmails({ limit: 10 });
  console.log(`Outbox: ${counts.sent} sent, ${counts.retried} to retry later, ${counts.failed} failed for good.`);
}

async function setEmail(cspaNumber: string, newEmail: string): Promise<void> {
  const result = await setMemberEmailByOffice(await getDb(), { cspaNumber, newEmail, actorLabel: 'cli:set-email' });
  if (!result.ok) {
    switch (result.error) {
      case 'invalidEmail':
        throw new CommandError(`Not a valid email address: "${newEmail}".`);
      case 'unknownMember':
        throw new CommandError(`No member with CSPA number ${cspaNumber}.`);
      case 'emailTaken':
        throw new CommandError(`${newEmail} is already used by ${result.takenBy ? `CSPA ${result.takenBy}` : 'another member'}.`);
    }
  }
  if (!result.changed) console.log(`CSPA ${cspaNumber} already has ${result.newEmail}: nothing changed.`);
  else console.log(`CSPA ${cspaNumber}: email changed from ${result.oldEmail} to ${result.newEmail} (audited as cli:set-email).`);
}

/** A lost or copied card: a new verification code, so old printouts no longer verify. */
async function rotateCard(cspaNumber: string): Promise<void> {
  const db = await getDb();
  const account = await findAccount(db, { kind: 'cspaNumber', cspaNumber });
  if (!account) throw new CommandError(`No member with CSPA number ${cspaNumber}.`);
  await rotateCardToken(db, account.id, { memberId: null, label: 'cli:rotate-card' });
  console.log(`CSPA ${cspaNumber}: new card code; cards printed before no longer verify (audited as cli:rotate-card).`);
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'reset-link' && rest.length === 1) return resetLink(rest[0]!);
  if (command === 'set-email' && rest.length === 2) return setEmail(rest[0]!, rest[1]!);
  if (command === 'rotate-card' && rest.length === 1) return rotateCard(rest[0]!);
  if (command === 'reset-link' || command === 'set-email' || command === 'rotate-card') throw new CommandError(`Wrong arguments for ${command}.\n${USAGE}`);
  throw new CommandError(`${command ? `Unknown command: ${command}` : 'No command given.'}\n${USAGE}`);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else {
  try {
    await main(args);
  } catch (error) {
    // Expected refusals are one line; anything else is still one line, with no stack trace for the office.
    console.error(error instanceof CommandError ? error.message : `Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
}
