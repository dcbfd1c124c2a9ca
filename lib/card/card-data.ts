import type { RatingStateCode } from '@/lib/ratings/states';

/** Everything printed on a membership card; the card itself is a pure function of this. */
export type CardData = {
  firstName: string;
  lastName: string;
  /** Exactly as stored: never reformatted (12345, not « 12 345 »). */
  cspaNumber: string;
  category: { fr: string; en: string };
  /** YYYY-MM-DD, or null when no membership is on file. */
  validUntil: string | null;
  expired: boolean;
  highestCertificate: { fr: string; en: string } | null;
  ratings: { fr: string; en: string; expiresOn: string | null; state: RatingStateCode }[];
  /** Absolute URL of the public verification page, from SITE_URL. */
  verificationUrl: string;
  /** YYYY-MM-DD: the day the card was generated. */
  issuedOn: string;
};
