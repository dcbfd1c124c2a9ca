import type { CardData } from './card-data';

/** A realistic card (accented name, every rating state) shared by the card's tests and its benchmark. */
export const sampleCard: CardData = {
  firstName: 'Hélène',
  lastName: 'Côté-Bélanger',
  cspaNumber: '012345',
  category: { fr: 'Participant inscrit – adhésion complète', en: 'Registered participant – full membership' },
  validUntil: '2027-05-31',
  expired: false,
  highestCertificate: { fr: 'Brevet C', en: 'C certificate' },
  ratings: [
    { fr: 'Entraîneur 1', en: 'Coach 1', expiresOn: '2027-03-31', state: 'current' },
    { fr: 'Entraîneur 3 – pilotage de voile', en: 'Coach 3 – Canopy Piloting', expiresOn: '2026-07-15', state: 'due' },
    { fr: 'Maître de saut', en: 'Jump Master', expiresOn: '2025-01-31', state: 'lapsed' },
    { fr: 'Instructeur tandem', en: 'Tandem Instructor', expiresOn: '2019-12-31', state: 'lapsedLong' },
    { fr: 'Gréeur A', en: 'Rigger A', expiresOn: null, state: 'current' },
  ],
  verificationUrl: 'https://membres.cspa.ca/verify/Qm9uam91ciBsZSBtb25kZQ',
  issuedOn: '2026-05-31',
};
