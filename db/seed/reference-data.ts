/**
 * Reference values the portal reads as data: categories and their dues, certificate levels,
 * rating types, and the groups (drop zones, clubs) members affiliate with.
 * The category list beyond the full affiliation fee is not published by the association:
 * those rows are placeholders for the office to correct, never literals in code.
 */

export const membershipCategoryRows = [
  { code: 'FULL', nameFr: 'Participant inscrit – adhésion complète', nameEn: 'Registered participant – full membership', annualDuesCents: 11500, termMonths: 12, renewableOnline: true, sortOrder: 1 },
  { code: 'FIRST_JUMP', nameFr: 'Élève – cours de premier saut', nameEn: 'Student – first-jump course', annualDuesCents: 4500, termMonths: 12, renewableOnline: false, sortOrder: 2 },
  { code: 'HONORARY', nameFr: 'Membre honoraire', nameEn: 'Honorary member', annualDuesCents: 0, termMonths: 12, renewableOnline: false, sortOrder: 3 },
];

export const certificateLevelRows = [
  { code: 'SOLO', nameFr: 'Brevet Solo', nameEn: 'Solo certificate', rank: 1 },
  { code: 'A', nameFr: 'Brevet A', nameEn: 'A certificate', rank: 2 },
  { code: 'B', nameFr: 'Brevet B', nameEn: 'B certificate', rank: 3 },
  { code: 'C', nameFr: 'Brevet C', nameEn: 'C certificate', rank: 4 },
  { code: 'D', nameFr: 'Brevet D', nameEn: 'D certificate', rank: 5 },
];

export const ratingTypeRows = [
  { code: 'C1', nameFr: 'Entraîneur 1', nameEn: 'Coach 1', sortOrder: 1 },
  { code: 'C2', nameFr: 'Entraîneur 2', nameEn: 'Coach 2', sortOrder: 2 },
  { code: 'C3-CP', nameFr: 'Entraîneur 3 – pilotage de voile', nameEn: 'Coach 3 – Canopy Piloting', sortOrder: 3 },
  { code: 'C3-FF', nameFr: 'Entraîneur 3 – vol libre', nameEn: 'Coach 3 – Freefly', sortOrder: 4 },
  { code: 'JMR', nameFr: 'Maître de saut restreint', nameEn: 'Jump Master Restricted', sortOrder: 5 },
  { code: 'JM', nameFr: 'Maître de saut', nameEn: 'Jump Master', sortOrder: 6 },
  { code: 'SSI', nameFr: 'Instructeur d’école de parachutisme', nameEn: 'Skydiving School Instructor', sortOrder: 7 },
  { code: 'SSE', nameFr: 'Examinateur d’école de parachutisme', nameEn: 'Skydiving School Examiner', sortOrder: 8 },
  { code: 'PFFI', nameFr: 'Instructeur de chute libre progressive', nameEn: 'Progressive Freefall Instructor', sortOrder: 9 },
  { code: 'TI', nameFr: 'Instructeur tandem', nameEn: 'Tandem Instructor', sortOrder: 10 },
  { code: 'EJR', nameFr: 'Qualification de saut de démonstration', nameEn: 'Exhibition Jump Rating', sortOrder: 11 },
  { code: 'RA', nameFr: 'Gréeur A', nameEn: 'Rigger A', sortOrder: 12 },
  { code: 'RB', nameFr: 'Gréeur B', nameEn: 'Rigger B', sortOrder: 13 },
  { code: 'PILOT', nameFr: 'Pilote de largage', nameEn: 'Jump Pilot', sortOrder: 14 },
];

export const memberGroupRows = [
  { code: 'DZ-QC-STJEAN', name: 'Parachutisme Saint-Jean-sur-Richelieu', kind: 'drop_zone' as const, province: 'QC' },
  { code: 'DZ-QC-LAURENTIDES', name: 'Parachutisme des Laurentides', kind: 'drop_zone' as const, province: 'QC' },
  { code: 'DZ-QC-BEAUCE', name: 'Parachutisme Beauce', kind: 'drop_zone' as const, province: 'QC' },
  { code: 'DZ-ON-OTTAWA', name: 'Ottawa Valley Skydiving', kind: 'drop_zone' as const, province: 'ON' },
  { code: 'DZ-ON-TORONTO', name: 'Southern Ontario Skydive Centre', kind: 'drop_zone' as const, province: 'ON' },
  { code: 'DZ-MB-GIMLI', name: 'Interlake Skydivers', kind: 'drop_zone' as const, province: 'MB' },
  { code: 'DZ-AB-INNISFAIL', name: 'Central Alberta Skydive', kind: 'drop_zone' as const, province: 'AB' },
  { code: 'DZ-BC-PITT', name: 'Fraser Valley Skydiving', kind: 'drop_zone' as const, province: 'BC' },
  { code: 'DZ-NS-WATERVILLE', name: 'Annapolis Valley Skydivers', kind: 'drop_zone' as const, province: 'NS' },
  { code: 'CLUB-QC-ULAVAL', name: 'Club de parachutisme de l’Université Laval', kind: 'club' as const, province: 'QC' },
  { code: 'CLUB-ON-UOFT', name: 'University of Toronto Skydiving Club', kind: 'club' as const, province: 'ON' },
  { code: 'PROV-QC', name: 'Fédération québécoise de parachutisme', kind: 'provincial' as const, province: 'QC' },
];
