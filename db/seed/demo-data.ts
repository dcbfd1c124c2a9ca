import { addDays, addMonths } from '@/lib/dates';

/** Demo members, dated relative to the day the seed runs so that "expiring soon" stays true. */

export type DemoMember = {
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'fr' | 'en';
  dateOfBirth: string;
  phone: string | null;
  address: { line1: string; line2?: string; city: string; province: string | null; postalCode: string; country: string } | null;
  categoryCode: string;
  expiresInDays: number | null;
  role?: 'member' | 'staff';
  password?: string;
  certificates: { code: string; earnedYearsAgo: number }[];
  ratings: { code: string; issuedYearsAgo: number; expiresInDays: number | null }[];
  lastYearGroup: string | null;
};

/** The staff account's demo password (it passes the password rules); the README gives it. */
export const DEMO_STAFF_PASSWORD = 'trois voiles orange sous la pluie';
/** A few demo members have this password so the portal can be tried without the mailbox. */
export const DEMO_MEMBER_PASSWORD = 'un saut de plus avant le coucher';

export const sally: DemoMember = {
  cspaNumber: '12345',
  firstName: 'Sally',
  lastName: 'Sauteur',
  email: 'sallysauteur1@cspa.ca',
  preferredLanguage: 'fr',
  dateOfBirth: '1991-06-14',
  phone: '+15145550123',
  address: { line1: '3575, avenue du Parc', line2: 'App. 804', city: 'Montréal', province: 'QC', postalCode: 'H2X 1Y4', country: 'CA' },
  categoryCode: 'FULL',
  expiresInDays: 21,
  certificates: [
    { code: 'SOLO', earnedYearsAgo: 4 },
    { code: 'A', earnedYearsAgo: 3 },
  ],
  ratings: [{ code: 'C1', issuedYearsAgo: 2, expiresInDays: 21 }],
  lastYearGroup: 'DZ-QC-STJEAN',
};

const staff: DemoMember = {
  cspaNumber: '90001',
  firstName: 'Geneviève',
  lastName: 'Tremblay',
  email: 'bureau@example.org',
  preferredLanguage: 'fr',
  dateOfBirth: '1979-02-03',
  phone: '+16135550100',
  address: { line1: '204-1468 Laurier Street', city: 'Rockland', province: 'ON', postalCode: 'K4K 1C7', country: 'CA' },
  categoryCode: 'HONORARY',
  expiresInDays: 300,
  role: 'staff',
  password: DEMO_STAFF_PASSWORD,
  certificates: [],
  ratings: [],
  lastYearGroup: null,
};

type Sketch = [
  first: string, last: string, lang: 'fr' | 'en', city: string, province: string, postal: string,
  expiresInDays: number | null, certificate: string | null, ratings: [string, number | null][], group: string,
];

// first, last, language, city, province, postal code, membership expiry (days from today), highest certificate,
// ratings [code, expiry in days], group last year
const sketches: Sketch[] = [
  ['Hélène', 'Côté-Bélanger', 'fr', 'Québec', 'QC', 'G1R 4P5', 190, 'C', [['C1', 190], ['C2', 190], ['JM', 45]], 'CLUB-QC-ULAVAL'],
  ['Jean-François', 'Lévesque', 'fr', 'Saint-Jean-sur-Richelieu', 'QC', 'J3B 6Y5', 12, 'D', [['SSI', 12], ['TI', -40], ['PFFI', 70]], 'DZ-QC-STJEAN'],
  ['Marie-Ève', 'Gagnon', 'fr', 'Sherbrooke', 'QC', 'J1H 1Z1', -20, 'B', [['C1', -400]], 'DZ-QC-BEAUCE'],
  ['Olivier', 'O’Neill', 'fr', 'Gatineau', 'QC', 'J8X 2K1', 240, 'A', [], 'DZ-ON-OTTAWA'],
  ['Émilie', 'Bouchard', 'fr', 'Laval', 'QC', 'H7N 5H9', 28, 'SOLO', [], 'DZ-QC-LAURENTIDES'],
  ['François', 'Pelletier', 'fr', 'Trois-Rivières', 'QC', 'G9A 5H7', -900, 'C', [['RA', -800]], 'DZ-QC-LAURENTIDES'],
  ['Anne-Sophie', 'Roy', 'fr', 'Lévis', 'QC', 'G6V 4Z2', 330, 'B', [['C1', 330]], 'DZ-QC-BEAUCE'],
  ['Mathieu', 'Fortin', 'fr', 'Rimouski', 'QC', 'G5L 3A1', 5, 'C', [['JMR', 5], ['C1', 5]], 'DZ-QC-STJEAN'],
  ['Chantal', 'Morin', 'fr', 'Moncton', 'NB', 'E1C 4B6', 150, 'D', [['RB', 150], ['RA', 150], ['EJR', -2100]], 'DZ-NS-WATERVILLE'],
  ['Luc', 'Bergeron', 'fr', 'Saguenay', 'QC', 'G7H 5B1', -3, 'A', [], 'DZ-QC-LAURENTIDES'],
  ['Josée', 'Lapointe', 'fr', 'Drummondville', 'QC', 'J2B 6V4', 60, 'B', [['C1', 60]], 'DZ-QC-STJEAN'],
  ['Rémi', 'Ouellet', 'fr', 'Joliette', 'QC', 'J6E 3Z1', 200, 'C', [['PILOT', 200]], 'PROV-QC'],
  ['Stéphanie', 'Caron', 'fr', 'Saint-Jérôme', 'QC', 'J7Z 5T3', -400, 'SOLO', [], 'DZ-QC-LAURENTIDES'],
  ['Daniel', 'Thibault', 'fr', 'Granby', 'QC', 'J2G 8C6', 95, 'D', [['SSE', 95], ['SSI', 95], ['C2', 30]], 'DZ-QC-STJEAN'],
  ['Sarah', 'MacDonald', 'en', 'Halifax', 'NS', 'B3J 1S9', 14, 'B', [['C1', 14]], 'DZ-NS-WATERVILLE'],
  ['David', 'Chen', 'en', 'Toronto', 'ON', 'M5V 2T6', 275, 'C', [['C2', 275], ['C1', 275], ['TI', 80]], 'DZ-ON-TORONTO'],
  ['Priya', 'Sharma', 'en', 'Mississauga', 'ON', 'L5B 3C2', -45, 'A', [], 'CLUB-ON-UOFT'],
  ['Michael', 'Thompson', 'en', 'Calgary', 'AB', 'T2P 1J9', 120, 'D', [['PFFI', 120], ['SSI', -200], ['JM', 120]], 'DZ-AB-INNISFAIL'],
  ['Emily', 'Wilson', 'en', 'Winnipeg', 'MB', 'R3C 0V8', 25, 'SOLO', [], 'DZ-MB-GIMLI'],
  ['James', 'O’Connor', 'en', 'Ottawa', 'ON', 'K1P 5J2', 350, 'C', [['RA', 350], ['RB', -30]], 'DZ-ON-OTTAWA'],
  ['Jessica', 'Nguyen', 'en', 'Vancouver', 'BC', 'V6B 1A1', -700, 'B', [['C1', -1600]], 'DZ-BC-PITT'],
  ['Ryan', 'Campbell', 'en', 'Edmonton', 'AB', 'T5J 0N3', 7, 'A', [], 'DZ-AB-INNISFAIL'],
  ['Laura', 'Anderson', 'en', 'Victoria', 'BC', 'V8W 1P6', 180, 'D', [['SSE', 180], ['EJR', 180]], 'DZ-BC-PITT'],
  ['Kevin', 'Martin', 'en', 'Regina', 'SK', 'S4P 3Y2', 0, 'B', [['JMR', 0]], 'DZ-MB-GIMLI'],
  ['Amanda', 'Taylor', 'en', 'St. John’s', 'NL', 'A1C 5M2', 75, 'C', [['C1', 75], ['C2', -10]], 'DZ-NS-WATERVILLE'],
  ['Thomas', 'Brown', 'en', 'Kingston', 'ON', 'K7L 2V7', -1, 'A', [], 'DZ-ON-TORONTO'],
  ['Nicole', 'Leblanc', 'en', 'Fredericton', 'NB', 'E3B 1B5', 260, 'B', [['C1', 260]], 'DZ-NS-WATERVILLE'],
  ['Kristian', 'Ærøskøbing-Hansen', 'en', 'Whitehorse', 'YT', 'Y1A 2C6', 40, 'D', [['TI', 40], ['PFFI', 40]], 'DZ-BC-PITT'],
];

const certificateOrder = ['SOLO', 'A', 'B', 'C', 'D'];

function emailFor(first: string, last: string): string {
  const ascii = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
  return `${ascii}@example.com`;
}

export function demoMembers(): DemoMember[] {
  const generated = sketches.map(
    ([first, last, lang, city, province, postal, expiresInDays, certificate, ratings, group], index): DemoMember => {
      const highest = certificate ? certificateOrder.indexOf(certificate) : -1;
      return {
        cspaNumber: String(21000 + index * 37),
        firstName: first,
        lastName: last,
        email: emailFor(first, last),
        preferredLanguage: lang,
        dateOfBirth: `${1960 + ((index * 7) % 40)}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`,
        phone: index % 5 === 4 ? null : `+1${['514', '418', '613', '416', '604', '403'][index % 6]}555${String(1000 + index).slice(-4)}`,
        address: index % 9 === 8 ? null : { line1: `${100 + index * 13} ${lang === 'fr' ? 'rue Principale' : 'Main Street'}`, city, province, postalCode: postal, country: 'CA' },
        categoryCode: 'FULL',
        expiresInDays,
        password: index % 5 === 0 ? DEMO_MEMBER_PASSWORD : undefined,
        certificates: certificateOrder.slice(0, highest + 1).map((code, position) => ({ code, earnedYearsAgo: 2 + (highest - position) * 2 })),
        ratings: ratings.map(([code, expires]) => ({ code, issuedYearsAgo: 3, expiresInDays: expires })),
        lastYearGroup: group,
      };
    },
  );
  return [sally, staff, ...generated];
}

export function datesFor(member: DemoMember, today: string) {
  return {
    membershipExpiresOn: member.expiresInDays === null ? null : addDays(today, member.expiresInDays),
    certificates: member.certificates.map((c) => ({ code: c.code, earnedOn: addMonths(today, -12 * c.earnedYearsAgo - 1) })),
    ratings: member.ratings.map((r) => ({
      code: r.code,
      issuedOn: addMonths(today, -12 * r.issuedYearsAgo),
      expiresOn: r.expiresInDays === null ? null : addDays(today, r.expiresInDays),
    })),
  };
}
