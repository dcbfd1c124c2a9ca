import { describe, expect, it } from 'vitest';
import { fulfilPayment } from '@/lib/renewal/fulfil';
import { startRenewalCheckout } from '@/lib/renewal/checkout';
import { findLiveInvoice } from '@/lib/renewal/invoices';
import { participantsByGroup } from '@/lib/renewal/participants';
import { addDays, todayIso } from '@/lib/dates';
import { getDb } from '@/db/client';
import { createMember } from '../support/members';

async function renew(groupCode: string) {
  const expiresOn = addDays(todayIso(), 10);
  const member = await createMember({ membershipExpiresOn: expiresOn });
  const started = await startRenewalCheckout(member.id, { groupCode, declarationAccepted: true }, 'fr');
  expect(started.ok).toBe(true);
  const invoice = (await findLiveInvoice(await getDb(), member.id, expiresOn))!;
  const paid = await fulfilPayment({ provider: 'demo', providerPaymentId: `demo_${invoice.id}`, invoiceId: invoice.id, amountCents: invoice.totalCents, currency: 'CAD', paidAt: new Date() });
  expect(paid.outcome).toBe('applied');
  return { year: invoice.membershipYear, paid };
}

describe('registered participants per group', () => {
  it('counts each renewed member once, for the group chosen on the renew page, in the new membership year', async () => {
    const first = await renew('DZ-QC-STJEAN');
    await renew('DZ-QC-STJEAN');
    await renew('CLUB-ON-UOFT');
    const counts = await participantsByGroup(first.year);
    const byCode = Object.fromEntries(counts.map((group) => [group.code, group.participants]));
    expect(byCode['DZ-QC-STJEAN']).toBe(2);
    expect(byCode['CLUB-ON-UOFT']).toBe(1);
    expect(byCode['DZ-BC-PITT']).toBe(0);
    expect((await participantsByGroup(first.year - 1)).every((group) => group.participants === 0)).toBe(true);
  });
});
