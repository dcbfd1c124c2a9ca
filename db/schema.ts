import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
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
    // Bumped on password change and sign-out everywhere: sessions carrying an older value are refused.
    sessionVersion: integer('session_version').notNull().default(0),
    // Optimistic concurrency: every update must name the version it read.
    rowVersion: integer('row_version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('members_cspa_number_unique').on(table.cspaNumber),
    uniqueIndex('members_email_lower_unique').on(sql`lower(${table.email})`),
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
