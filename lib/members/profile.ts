import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import {
  certificateLevels,
  groupAffiliations,
  memberCertificates,
  memberGroups,
  memberRatings,
  members,
  membershipCategories,
  ratingTypes,
} from '@/db/schema';

export type Profile = {
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string | null;
  phone: string | null;
  phoneAlt: string | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    province: string | null;
    postalCode: string | null;
    country: string;
  };
  preferredLanguage: 'fr' | 'en';
  newsEmails: boolean;
  eventEmails: boolean;
  membershipExpiresOn: string | null;
  category: { code: string; nameFr: string; nameEn: string };
  /** The version the edit forms send back, so a save never overwrites a change made meanwhile. */
  rowVersion: number;
  certificates: { code: string; nameFr: string; nameEn: string; rank: number; earnedOn: string }[];
  ratings: { code: string; nameFr: string; nameEn: string; issuedOn: string; expiresOn: string | null }[];
  lastAffiliation: { year: number; groupName: string } | null;
};

/** What the account page shows: named columns only, so no hash or token can ever reach a component. */
export async function getProfile(memberId: string): Promise<Profile | null> {
  const db = await getDb();
  const [memberRows, certificates, ratings, affiliations] = await Promise.all([
    db
      .select({
        cspaNumber: members.cspaNumber,
        firstName: members.firstName,
        lastName: members.lastName,
        email: members.email,
        dateOfBirth: members.dateOfBirth,
        phone: members.phone,
        phoneAlt: members.phoneAlt,
        addressLine1: members.addressLine1,
        addressLine2: members.addressLine2,
        city: members.city,
        province: members.province,
        postalCode: members.postalCode,
        country: members.country,
        preferredLanguage: members.preferredLanguage,
        newsEmails: members.newsEmails,
        eventEmails: members.eventEmails,
        membershipExpiresOn: members.membershipExpiresOn,
        categoryCode: membershipCategories.code,
        categoryNameFr: membershipCategories.nameFr,
        categoryNameEn: membershipCategories.nameEn,
        rowVersion: members.rowVersion,
      })
      .from(members)
      .innerJoin(membershipCategories, eq(membershipCategories.code, members.categoryCode))
      .where(eq(members.id, memberId)),
    db
      .select({
        code: certificateLevels.code,
        nameFr: certificateLevels.nameFr,
        nameEn: certificateLevels.nameEn,
        rank: certificateLevels.rank,
        earnedOn: memberCertificates.earnedOn,
      })
      .from(memberCertificates)
      .innerJoin(certificateLevels, eq(certificateLevels.code, memberCertificates.certificateCode))
      .where(eq(memberCertificates.memberId, memberId))
      .orderBy(asc(certificateLevels.rank), asc(certificateLevels.code)),
    db
      .select({
        code: ratingTypes.code,
        nameFr: ratingTypes.nameFr,
        nameEn: ratingTypes.nameEn,
        issuedOn: memberRatings.issuedOn,
        expiresOn: memberRatings.expiresOn,
      })
      .from(memberRatings)
      .innerJoin(ratingTypes, eq(ratingTypes.code, memberRatings.ratingCode))
      .where(eq(memberRatings.memberId, memberId))
      .orderBy(asc(ratingTypes.sortOrder), asc(ratingTypes.code)),
    db
      .select({ year: groupAffiliations.membershipYear, groupName: memberGroups.name })
      .from(groupAffiliations)
      .innerJoin(memberGroups, eq(memberGroups.code, groupAffiliations.groupCode))
      .where(eq(groupAffiliations.memberId, memberId))
      .orderBy(desc(groupAffiliations.membershipYear))
      .limit(1),
  ]);
  const row = memberRows[0];
  if (!row) return null;
  return {
    cspaNumber: row.cspaNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    dateOfBirth: row.dateOfBirth,
    phone: row.phone,
    phoneAlt: row.phoneAlt,
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.city,
      province: row.province,
      postalCode: row.postalCode,
      country: row.country,
    },
    preferredLanguage: row.preferredLanguage,
    newsEmails: row.newsEmails,
    eventEmails: row.eventEmails,
    membershipExpiresOn: row.membershipExpiresOn,
    category: { code: row.categoryCode, nameFr: row.categoryNameFr, nameEn: row.categoryNameEn },
    rowVersion: row.rowVersion,
    certificates,
    ratings,
    lastAffiliation: affiliations[0] ?? null,
  };
}

/** The country phone numbers without a country code are read in (the member's address country). */
export async function getAddressCountry(db: Executor, memberId: string): Promise<string | null> {
  const [row] = await db.select({ country: members.country }).from(members).where(eq(members.id, memberId));
  return row?.country ?? null;
}
