import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { startRenewalCheckout } from '@/lib/renewal/checkout';
import { runRenewalJob } from '@/lib/renewal/job';
import { createMember } from '../support/members';
import { clearRenewals, emailsTo, invoicesOf, noon, remindersOf } from '../support/renewal';

// env() reads process.env once: this file runs with a 45-day window instead of the default 60.
process.env.RENEWAL_WINDOW_DAYS = '45';
delete process.env.STRIPE_SECRET_KEY;
delete process.env.RESEND_API_KEY;

const TODAY = '2027-03-10';

beforeEach(clearRenewals);

describe('RENEWAL_WINDOW_DAYS', () => {
  it('sets when the job invoices: 45 days before expiry, not 46 (nor 60)', async () => {
    const in46 = await createMember({ membershipExpiresOn: addDays(TODAY, 46) });
    const in60 = await createMember({ membershipExpiresOn: addDays(TODAY, 60) });
    const in45 = await createMember({ membershipExpiresOn: addDays(TODAY, 45) });

    expect(await runRenewalJob({ now: noon(TODAY) })).toEqual({ invoicesCreated: 1, emailsQueued: 1, invoicesVoided: 0 });

    expect(await invoicesOf(in46.id)).toEqual([]);
    expect(await invoicesOf(in60.id)).toEqual([]);
    const [invoice] = await invoicesOf(in45.id);
    expect((await remindersOf(invoice!.id)).map((row) => row.step)).toEqual(['issued']);
    expect(await emailsTo(in45.id)).toHaveLength(1);
  });

  it('sets when the renew page opens', async () => {
    const in46 = await createMember({ membershipExpiresOn: addDays(TODAY, 46) });
    const in45 = await createMember({ membershipExpiresOn: addDays(TODAY, 45) });
    const choice = { groupCode: 'DZ-QC-STJEAN', declarationAccepted: true as const };
    expect(await startRenewalCheckout(in46.id, choice, 'fr', noon(TODAY))).toEqual({ ok: false, code: 'notRenewable' });
    expect(await startRenewalCheckout(in45.id, choice, 'fr', noon(TODAY))).toMatchObject({ ok: true });
  });
});
