import { addDays, addMonths } from '@/lib/dates';
import { memberGroupRows } from './reference-data';

/**
 * Made-up members in the thousands, for benchmarks: French and English names, Canadian addresses
 * across the provinces (weighted roughly as the association's membership is), certificates, ratings
 * and last year's group. Deterministic (a seeded generator), so two runs give the same rows.
 * Every bench member shares one password, so the benchmark can sign any of them in.
 */

export const BENCH_PASSWORD = 'six sauts de nuit au-dessus du lac';
/** Bench members live in their own number range and email domain, apart from the demo members. */
export const BENCH_CSPA_START = 400_000;
export const BENCH_EMAIL_DOMAIN = 'bench.example.net';

export type BenchMember = {
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'fr' | 'en';
  dateOfBirth: string;
  phone: string | null;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  province: string;
  postalCode: string;
  categoryCode: string;
  membershipExpiresOn: string | null;
  hasPassword: boolean;
  cardToken: string | null;
  certificates: { code: string; earnedOn: string }[];
  ratings: { code: string; issuedOn: string; expiresOn: string | null }[];
  lastYearGroup: string | null;
};

const frenchFirst = ['Alexandre', 'Amélie', 'Antoine', 'Audrey', 'Benoît', 'Camille', 'Catherine', 'Charles', 'Chloé', 'Denis', 'Élise', 'Étienne', 'Florence', 'Gabriel', 'Geneviève', 'Guillaume', 'Hélène', 'Isabelle', 'Jacques', 'Jean-Philippe', 'Julie', 'Karine', 'Louis', 'Lucie', 'Marc-André', 'Marie-Claude', 'Martin', 'Mélanie', 'Nathalie', 'Noémie', 'Pascal', 'Philippe', 'Raphaël', 'Sophie', 'Sylvain', 'Valérie', 'Véronique', 'Xavier', 'Zoé', 'Léa'];
const frenchLast = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher', 'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc', 'Lefebvre', 'Poulin', 'Thibault', 'St-Pierre', 'Nadeau', 'Martel', 'Vaillancourt', 'D’Amours', 'Lemieux-Brisson', 'Champagne', 'Desjardins', 'Hébert'];
const englishFirst = ['Aiden', 'Amelia', 'Andrew', 'Ashley', 'Benjamin', 'Brittany', 'Cameron', 'Charlotte', 'Daniel', 'Emily', 'Ethan', 'Grace', 'Hannah', 'Jacob', 'Jasmine', 'Jordan', 'Kayla', 'Liam', 'Logan', 'Madison', 'Matthew', 'Megan', 'Nathan', 'Noah', 'Olivia', 'Owen', 'Rachel', 'Samuel', 'Sophia', 'Tyler', 'Victoria', 'William', 'Zachary', 'Harpreet', 'Mei', 'Arjun', 'Aisha', 'Connor', 'Siobhan', 'Dmitri'];
const englishLast = ['Smith', 'Brown', 'Wilson', 'MacDonald', 'Campbell', 'Anderson', 'Taylor', 'Thompson', 'Martin', 'Johnson', 'Stewart', 'Robertson', 'Murray', 'Fraser', 'Reid', 'Clark', 'Young', 'Walker', 'Scott', 'Ross', 'Mitchell', 'Graham', 'O’Brien', 'McKenzie', 'Chen', 'Nguyen', 'Singh', 'Patel', 'Kowalski', 'Van der Berg', 'Li', 'Wong', 'Kaur', 'Novak', 'Friesen', 'Dyck', 'Sinclair', 'Paul', 'Ahmed', 'Ferreira'];

type Province = { code: string; weight: number; frenchShare: number; cities: [city: string, postalPrefix: string][] };

// Weights roughly follow where Canadian drop zones and skydivers are; the exact shares are a guess.
const provinces: Province[] = [
  { code: 'QC', weight: 30, frenchShare: 0.85, cities: [['Montréal', 'H2X'], ['Québec', 'G1R'], ['Sherbrooke', 'J1H'], ['Gatineau', 'J8X'], ['Saint-Jean-sur-Richelieu', 'J3B'], ['Trois-Rivières', 'G9A']] },
  { code: 'ON', weight: 30, frenchShare: 0.08, cities: [['Toronto', 'M5V'], ['Ottawa', 'K1P'], ['Hamilton', 'L8P'], ['London', 'N6A'], ['Sudbury', 'P3E'], ['Kingston', 'K7L']] },
  { code: 'BC', weight: 12, frenchShare: 0.02, cities: [['Vancouver', 'V6B'], ['Victoria', 'V8W'], ['Kelowna', 'V1Y'], ['Abbotsford', 'V2S']] },
  { code: 'AB', weight: 12, frenchShare: 0.02, cities: [['Calgary', 'T2P'], ['Edmonton', 'T5J'], ['Red Deer', 'T4N'], ['Lethbridge', 'T1J']] },
  { code: 'MB', weight: 4, frenchShare: 0.05, cities: [['Winnipeg', 'R3C'], ['Gimli', 'R0C'], ['Brandon', 'R7A']] },
  { code: 'SK', weight: 3, frenchShare: 0.02, cities: [['Regina', 'S4P'], ['Saskatoon', 'S7K']] },
  { code: 'NS', weight: 3, frenchShare: 0.05, cities: [['Halifax', 'B3J'], ['Waterville', 'B0P']] },
  { code: 'NB', weight: 3, frenchShare: 0.4, cities: [['Moncton', 'E1C'], ['Fredericton', 'E3B'], ['Edmundston', 'E3V']] },
  { code: 'NL', weight: 1, frenchShare: 0, cities: [['St. John’s', 'A1C']] },
  { code: 'PE', weight: 1, frenchShare: 0.05, cities: [['Charlottetown', 'C1A']] },
  { code: 'YT', weight: 0.5, frenchShare: 0.05, cities: [['Whitehorse', 'Y1A']] },
  { code: 'NT', weight: 0.5, frenchShare: 0.05, cities: [['Yellowknife', 'X1A']] },
];
const totalWeight = provinces.reduce((sum, p) => sum + p.weight, 0);

const certificateOrder = ['SOLO', 'A', 'B', 'C', 'D'];
// The usual progression: instructor ratings come on top of coaching ones.
const ratingSets = [['C1'], ['C1', 'C2'], ['C1', 'JMR'], ['C1', 'C2', 'JM'], ['SSI', 'C1'], ['PFFI', 'C2', 'C1', 'JMR'], ['RA'], ['RA', 'RB'], ['TI'], ['SSE', 'SSI', 'EJR'], ['C3-CP', 'C2', 'C1'], ['C3-FF', 'C2'], ['PILOT']];
const streets = { fr: ['rue Principale', 'boulevard René-Lévesque', 'avenue du Parc', 'rue Saint-Denis', 'chemin du Lac', 'rue des Érables'], en: ['Main Street', 'King Street', 'Queen Street', 'Maple Avenue', 'Lakeshore Road', 'Church Street'] };
const areaCodes: Record<string, string[]> = { QC: ['514', '418', '819', '450'], ON: ['416', '613', '905', '519'], BC: ['604', '250'], AB: ['403', '780'], MB: ['204'], SK: ['306'], NS: ['902'], NB: ['506'], NL: ['709'], PE: ['902'], YT: ['867'], NT: ['867'] };

/** mulberry32: small, fast, and the same sequence on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, between };
}

function pickProvince(roll: number): Province {
  let remaining = roll * totalWeight;
  for (const province of provinces) {
    remaining -= province.weight;
    if (remaining < 0) return province;
  }
  return provinces[0]!;
}

const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function asciiLocalPart(first: string, last: string): string {
  return `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.-]/g, '').toLowerCase();
}

/** `count` bench members as of `today`; member i is always the same person. */
export function benchMembers(count: number, today: string): BenchMember[] {
  const random = generator(20_261_123);
  const members: BenchMember[] = [];
  for (let i = 0; i < count; i++) {
    const province = pickProvince(random.next());
    const french = random.next() < province.frenchShare;
    const firstName = random.pick(french ? frenchFirst : englishFirst);
    const lastName = random.pick(french ? frenchLast : englishLast);
    const [city, postalPrefix] = random.pick(province.cities);
    const highest = random.between(-1, certificateOrder.length - 1);
    const ratings = highest >= 2 && random.next() < 0.45 ? random.pick(ratingSets) : [];
    // Mostly current memberships, some lapsed, some never renewed since the migration.
    const expiryRoll = random.next();
    const expiresInDays = expiryRoll < 0.75 ? random.between(1, 365) : expiryRoll < 0.95 ? -random.between(1, 1500) : null;
    const groups = memberGroupRows.filter((g) => g.province === province.code);
    members.push({
      cspaNumber: String(BENCH_CSPA_START + i),
      firstName,
      lastName,
      email: `${asciiLocalPart(firstName, lastName)}.${i}@${BENCH_EMAIL_DOMAIN}`,
      preferredLanguage: french ? 'fr' : 'en',
      dateOfBirth: `${random.between(1955, 2006)}-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`,
      phone: random.next() < 0.85 ? `+1${random.pick(areaCodes[province.code]!)}555${String(random.between(0, 9999)).padStart(4, '0')}` : null,
      addressLine1: `${random.between(1, 9999)} ${random.pick(french ? streets.fr : streets.en)}`,
      addressLine2: random.next() < 0.2 ? (french ? `App. ${random.between(1, 900)}` : `Unit ${random.between(1, 900)}`) : null,
      city,
      province: province.code,
      postalCode: `${postalPrefix} ${random.between(1, 9)}${random.pick([...'ABCEGHJKLMNPRSTVWXYZ'])}${random.between(0, 9)}`,
      categoryCode: random.next() < 0.97 ? 'FULL' : random.pick(['FIRST_JUMP', 'HONORARY']),
      membershipExpiresOn: expiresInDays === null ? null : addDays(today, expiresInDays),
      // One in ten never signed in since the migration (no password yet).
      hasPassword: i % 10 !== 9,
      cardToken: i % 10 !== 9 ? Array.from({ length: 22 }, () => random.pick([...base64url])).join('') : null,
      certificates: certificateOrder.slice(0, highest + 1).map((code, position) => ({
        code,
        earnedOn: addMonths(today, -12 * (1 + (highest - position) * 2) - random.between(0, 11)),
      })),
      ratings: ratings.map((code) => {
        const roll = random.next();
        return {
          code,
          issuedOn: addMonths(today, -12 * random.between(1, 10)),
          expiresOn: roll < 0.1 ? null : addDays(today, roll < 0.8 ? random.between(1, 365) : -random.between(1, 2000)),
        };
      }),
      lastYearGroup: groups.length > 0 && random.next() < 0.9 ? random.pick(groups).code : null,
    });
  }
  return members;
}
