import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigint,
} from 'drizzle-orm/pg-core';

export const localeEnum = pgEnum('locale', ['fr', 'en']);
export const roleEnum = pgEnum('member_role', ['member', 'staff']);
export const groupKindEnum = pgEnum('group_kind', ['drop_zone', 'club', 'provincial']);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const membershipCategories = pgTable(
  'membership_categories',
  {
    code: text('code').primaryKey(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    annualDuesCents: integer('annual_dues_cents').notNull(),
    currency: text('currency').notNull().default('CAD'),
    termMonths: smallint('term_months').notNull().default(12),
    renewableOnline: boolean('renewable_online').notNull().default(true),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (table) => [check('dues_not_negative', sql`${table.annualDuesCents} >= 0`)],
);

export const memberGroups = pgTable('member_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: groupKindEnum('kind').notNull(),
  province: text('province'),
  active: boolean('active').notNull().default(true),
});

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cspaNumber: text('cspa_number').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    preferredLanguage: localeEnum('preferred_language').notNull().default('fr'),
    dateOfBirth: date('date_of_birth'),
    phone: text('phone'),
    phoneAlt: text('phone_alt'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    province: text('province'),
    postalCode: text('postal_code'),
    country: text('country').notNull().default('CA'),
    categoryCode: text('category_code')
      .notNull()
      .references(() => membershipCategories.code),
    membershipExpiresOn: date('membership_expires_on'),
    role: roleEnum('role').notNull().default('member'),
    // Consent to optional emails (CASL): off until the member turns it on. Service emails (links, receipts) always go.
    newsEmails: boolean('news_emails').notNull().default(false),
    eventEmails: boolean('event_emails').notNull().default(false),
    // Printed on the card as a QR code: public by design, it only opens the verification page.
    // Random (128 bits), created on first use; replacing it invalidates every card printed before.
    cardToken: text('card_token'),
    // Bumped on password change and sign-out everywhere: sessions carrying an older value are refused.
    sessionVersion: integer('session_version').notNull().default(0),
    // Optimistic concurrency: every update must name the version it read.
    rowVersion: integer('row_version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('members_cspa_number_unique').on(table.cspaNumber),
    uniqueIndex('members_email_lower_unique').on(sql`lower(${table.email})`),
    uniqueIndex('members_card_token_unique').on(table.cardToken),
    index('members_expiry_idx').on(table.membershipExpiresOn),
  ],
);

export const certificateLevels = pgTable('certificate_levels', {
  code: text('code').primaryKey(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en').notNull(),
  rank: smallint('rank').notNull(),
});

export const memberCertificates = pgTable(
  'member_certificates',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    certificateCode: text('certificate_code')
      .notNull()
      .references(() => certificateLevels.code),
    earnedOn: date('earned_on').notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.certificateCode] })],
);

export const ratingTypes = pgTable('rating_types', {
  code: text('code').primaryKey(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
});

export const memberRatings = pgTable(
  'member_ratings',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    ratingCode: text('rating_code')
      .notNull()
      .references(() => ratingTypes.code),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on'),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.ratingCode] })],
);

export const groupAffiliations = pgTable(
  'group_affiliations',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    membershipYear: smallint('membership_year').notNull(),
    groupCode: text('group_code')
      .notNull()
      .references(() => memberGroups.code),
  },
  (table) => [
    primaryKey({ columns: [table.memberId, table.membershipYear] }),
    index('group_affiliations_group_year_idx').on(table.groupCode, table.membershipYear),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorMemberId: uuid('actor_member_id').references(() => members.id, { onDelete: 'set null' }),
    // Who acted when no member did: 'import', 'seed', 'cli:…', 'system'.
    actorLabel: text('actor_label').notNull(),
    subjectMemberId: uuid('subject_member_id').references(() => members.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, { old: unknown; new: unknown }>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_log_subject_idx').on(table.subjectMemberId, table.createdAt)],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type MembershipCategory = typeof membershipCategories.$inferSelect;
export type AuditEntry = typeof auditLog.$inferInsert;

// ── Sign-in, tokens, throttling, email ─────────────────────────────────────────

export const tokenPurposeEnum = pgEnum('token_purpose', ['password_reset', 'email_change']);

/** One-time links. Only the SHA-256 of the token is stored; the token itself exists only in the email. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    purpose: tokenPurposeEnum('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    // Set when a newer token for the same purpose replaced this one.
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('auth_tokens_hash_unique').on(table.tokenHash),
    index('auth_tokens_member_purpose_idx').on(table.memberId, table.purpose),
  ],
);

/** Signed-in sessions: the session cookie names one row, so a single sign-out or a password change can end it. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [index('auth_sessions_member_idx').on(table.memberId)],
);

/**
 * Throttling counters, shared by every serverless instance. The key names what is counted,
 * e.g. "signin:id:<sha256 of the identifier as typed>" or "signin:ip:<address>".
 */
export const throttleCounters = pgTable('throttle_counters', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const emailStatusEnum = pgEnum('email_status', ['pending', 'sent', 'failed']);

/**
 * Every email is written here in the same transaction as the change that causes it, then delivered.
 * 'failed' means the provider refused it for good; transient errors stay 'pending' with a later next_attempt_at.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    locale: localeEnum('locale').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    attachments: jsonb('attachments').$type<{ filename: string; contentBase64: string; contentType: string }[]>(),
    status: emailStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // A delivery in progress holds the row until this time, so two workers never send it at once.
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('email_outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('email_outbox_created_idx').on(table.createdAt),
  ],
);

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;

// ── Renewal: invoices, reminders, payments ─────────────────────────────────────

export const invoiceStatusEnum = pgEnum('invoice_status', ['open', 'paid', 'void']);
export const reminderStepEnum = pgEnum('reminder_step', ['issued', 'd30', 'd7', 'd0']);
export const paymentProviderEnum = pgEnum('payment_provider', ['stripe', 'demo']);
// 'applied' extended a membership; the others are money the office must look at (refund or correct).
export const paymentOutcomeEnum = pgEnum('payment_outcome', ['applied', 'mismatch', 'invoice_not_open']);

/** Invoice numbers are consecutive per year only in appearance: a sequence never reuses a number. */
export const invoiceNumberSequence = pgSequence('invoice_number_seq', { startWith: 1 });

/**
 * One invoice per membership term renewed: `renews_expiry_on` is the expiry date the payment extends,
 * and at most one invoice that is not void may exist for it (the renewal job and the renew page
 * can both try to create it, at the same time, without ever making two).
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    categoryCode: text('category_code')
      .notNull()
      .references(() => membershipCategories.code),
    status: invoiceStatusEnum('status').notNull().default('open'),
    currency: text('currency').notNull(),
    totalCents: integer('total_cents').notNull(),
    renewsExpiryOn: date('renews_expiry_on').notNull(),
    issuedOn: date('issued_on').notNull(),
    dueOn: date('due_on').notNull(),
    // The emailed pay link works until then; an open invoice past it is voided by the renewal job.
    payableUntil: timestamp('payable_until', { withTimezone: true }).notNull(),
    // Chosen on the renew page before paying; applied to group_affiliations when paid.
    membershipYear: smallint('membership_year').notNull(),
    groupCode: text('group_code').references(() => memberGroups.code),
    declarationVersion: text('declaration_version'),
    declarationAcceptedAt: timestamp('declaration_accepted_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    newExpiresOn: date('new_expires_on'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('invoices_number_unique').on(table.number),
    uniqueIndex('invoices_one_live_per_term').on(table.memberId, table.renewsExpiryOn).where(sql`${table.status} <> 'void'`),
    index('invoices_member_idx').on(table.memberId, table.issuedOn),
    index('invoices_open_idx').on(table.status, table.dueOn),
    check('invoice_total_not_negative', sql`${table.totalCents} >= 0`),
  ],
);

/** Dues for the category, and room for optional items later (a magazine, a donation). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    kind: text('kind').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    quantity: smallint('quantity').notNull().default(1),
    unitCents: integer('unit_cents').notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (table) => [primaryKey({ columns: [table.invoiceId, table.position] })],
);

/** One row per email step of an invoice: the primary key is what makes a reminder go only once. */
export const invoiceReminders = pgTable(
  'invoice_reminders',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    step: reminderStepEnum('step').notNull(),
    emailId: uuid('email_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.invoiceId, table.step] })],
);

/**
 * Every payment the provider reports, once: the unique (provider, provider_payment_id) is what makes
 * a webhook delivered twice, late, or concurrently extend the membership exactly once.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: paymentProviderEnum('provider').notNull(),
    providerPaymentId: text('provider_payment_id').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    outcome: paymentOutcomeEnum('outcome').notNull(),
    detail: text('detail'),
    expiresBefore: date('expires_before'),
    expiresAfter: date('expires_after'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payments_provider_id_unique').on(table.provider, table.providerPaymentId),
    index('payments_invoice_idx').on(table.invoiceId),
  ],
);

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type Payment = typeof payments.$inferSelect;
