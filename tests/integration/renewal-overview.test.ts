import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { addDays, addMonths, todayIso } from '@/lib/dates';
import { startRenewalCheckout } from '@/lib/renewal/checkout';
import { fulfilPayment } from '@/lib/renewal/fulfil';
import { findLiveInvoice } from '@/lib/renewal/invoices';
import { getRenewalOverview } from '@/lib/renewal/overview';
import { createMember } from '../support/members';

const today = todayIso();

describe('what the profile says about renewal', () => {
  it('shows what the invoice will be, then the waiting invoice, then the payment and the new expiry', async () => {
    const expiresOn = addDays(today, 20);
    const member = await createMember({ membershipExpiresOn: expiresOn });

    const before = (await getRenewalOverview(member.id))!;
    expect(before.stage).toEqual({ stage: 'open', expiresOn, daysLeft: 20 });
    expect(before.quote).toMatchObject({ totalCents: 11500, currency: 'CAD', newExpiresOn: addMonths(expiresOn, 12) });
    expect(before.openInvoice).toBeNull();
    expect(before.recentPayment).toBeNull();

    expect((await startRenewalCheckout(member.id, { groupCode: 'DZ-QC-STJEAN', declarationAccepted: true }, 'fr')).ok).toBe(true);
    const invoice = (await findLiveInvoice(await getDb(), member.id, expiresOn))!;
    expect((await getRenewalOverview(member.id))!.openInvoice).toMatchObject({ number: invoice.number, totalCents: 11500, dueOn: expiresOn });

    await fulfilPayment({ provider: 'demo', providerPaymentId: `demo_${invoice.id}`, invoiceId: invoice.id, amountCents: 11500, currency: 'CAD', paidAt: new Date() });
    const after = (await getRenewalOverview(member.id))!;
    expect(after.stage.stage).toBe('notYetOpen');
    expect(after.openInvoice).toBeNull();
    expect(after.quote).toBeNull();
    expect(after.recentPayment).toEqual({ number: invoice.number, paidOn: today, newExpiresOn: addMonths(expiresOn, 12) });
  });

  it('lets an expired member renew from today, and sends office-renewed categories to the office', async () => {
    const expired = await createMember({ membershipExpiresOn: addDays(today, -400) });
    const overview = (await getRenewalOverview(expired.id))!;
    expect(overview.stage.stage).toBe('expired');
    expect(overview.quote!.newExpiresOn).toBe(addMonths(today, 12));

    const honorary = await createMember({ categoryCode: 'HONORARY', membershipExpiresOn: addDays(today, 10) });
    expect((await getRenewalOverview(honorary.id))!).toMatchObject({ stage: { stage: 'office', reason: 'category' }, quote: null });
    const none = await createMember({ membershipExpiresOn: null });
    expect((await getRenewalOverview(none.id))!.stage).toEqual({ stage: 'office', reason: 'noMembership' });
  });
});
