import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { certificateLevels, memberCertificates, memberRatings, members, membershipCategories, ratingTypes } from '@/db/schema';
import { todayIso } from '@/lib/dates';
import { absoluteUrlForAnyLocale } from '@/lib/i18n/urls';
import { ratingStateCode, type RatingStateCode } from '@/lib/ratings/states';
import type { CardData } from './card-data';
import { ensureCardToken, findMemberIdByCardToken } from './card-token';

type CardRecord = {
  firstName: string;
  lastName: string;
  cspaNumber: string;
  membershipExpiresOn: string | null;
  cardToken: string | null;
  category: { fr: string; en: string };
  highestCertificate: { fr: string; en: string } | null;
  ratings: { fr: string; en: string; expiresOn: string | null }[];
};

/**
 * Only what a card or a verification shows: no email, address, phone or date of birth.
 * One statement (the highest certificate and the ratings as JSON subqueries) rather than three in
 * parallel: each query is a round trip and a pooled connection, and the card route runs this on every
 * request. With three, the route spent more time writing to and reading from PostgreSQL than drawing.
 */
async function loadCardRecord(memberId: string, executor?: Executor): Promise<CardRecord | null> {
  const db = executor ?? (await getDb());
  const highestCertificate = sql<{ fr: string; en: string } | null>`(
    SELECT json_build_object('fr', ${certificateLevels.nameFr}, 'en', ${certificateLevels.nameEn})
    FROM ${memberCertificates}
    JOIN ${certificateLevels} ON ${certificateLevels.code} = ${memberCertificates.certificateCode}
    WHERE ${memberCertificates.memberId} = ${members.id}
    ORDER BY ${certificateLevels.rank} DESC
    LIMIT 1)`;
  const ratings = sql<{ fr: string; en: string; expiresOn: string | null }[]>`COALESCE((
    SELECT json_agg(json_build_object('fr', ${ratingTypes.nameFr}, 'en', ${ratingTypes.nameEn}, 'expiresOn', ${memberRatings.expiresOn})
      ORDER BY ${ratingTypes.sortOrder}, ${ratingTypes.code})
    FROM ${memberRatings}
    JOIN ${ratingTypes} ON ${ratingTypes.code} = ${memberRatings.ratingCode}
    WHERE ${memberRatings.memberId} = ${members.id}), '[]'::json)`;
  const [member] = await db
    .select({
      firstName: members.firstName,
      lastName: members.lastName,
      cspaNumber: members.cspaNumber,
      membershipExpiresOn: members.membershipExpiresOn,
      cardToken: members.cardToken,
      categoryFr: membershipCategories.nameFr,
      categoryEn: membershipCategories.nameEn,
      highestCertificate,
      ratings,
    })
    .from(members)
    .innerJoin(membershipCategories, eq(membershipCategories.code, members.categoryCode))
    .where(eq(members.id, memberId));
  if (!member) return null;
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    cspaNumber: member.cspaNumber,
    membershipExpiresOn: member.membershipExpiresOn,
    cardToken: member.cardToken,
    category: { fr: member.categoryFr, en: member.categoryEn },
    highestCertificate: member.highestCertificate ?? null,
    // JSON keeps a date column as its ISO text (YYYY-MM-DD), the same form drizzle gives for `date`.
    ratings: member.ratings.map((rating) => ({ fr: rating.fr, en: rating.en, expiresOn: rating.expiresOn ?? null })),
  };
}

export function verificationUrl(token: string): string {
  return absoluteUrlForAnyLocale(`/verify/${token}`);
}

/**
 * The signed-in member's own card: the caller passes the id from the session, never from the request.
 * Pass the transaction's executor to see a change it has not committed yet (the card sent with a receipt).
 */
export async function loadCardData(memberId: string, today = todayIso(), executor?: Executor): Promise<CardData | null> {
  const record = await loadCardRecord(memberId, executor);
  if (!record) return null;
  const token = record.cardToken ?? (await ensureCardToken(executor ?? (await getDb()), memberId));
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    cspaNumber: record.cspaNumber,
    category: record.category,
    validUntil: record.membershipExpiresOn,
    expired: !record.membershipExpiresOn || record.membershipExpiresOn < today,
    highestCertificate: record.highestCertificate,
    ratings: record.ratings.map((rating) => ({ ...rating, state: ratingStateCode(rating.expiresOn, today) })),
    verificationUrl: verificationUrl(token),
    issuedOn: today,
  };
}

export type Verification = {
  firstName: string;
  lastName: string;
  cspaNumber: string;
  membershipExpiresOn: string | null;
  membershipValid: boolean;
  ratings: { fr: string; en: string; expiresOn: string | null; state: RatingStateCode }[];
};

/** What a drop zone sees when it scans a card: the state as of now, not as of printing. */
export async function verifyCard(token: string, today = todayIso()): Promise<Verification | null> {
  const memberId = await findMemberIdByCardToken(await getDb(), token);
  if (!memberId) return null;
  const record = await loadCardRecord(memberId);
  if (!record) return null;
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    cspaNumber: record.cspaNumber,
    membershipExpiresOn: record.membershipExpiresOn,
    membershipValid: Boolean(record.membershipExpiresOn && record.membershipExpiresOn >= today),
    ratings: record.ratings.map((rating) => ({ ...rating, state: ratingStateCode(rating.expiresOn, today) })),
  };
}
