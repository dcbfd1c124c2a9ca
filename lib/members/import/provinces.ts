/** Canadian provinces and territories by their Canada Post code, with their English and French names. */
const PROVINCES: Record<string, readonly string[]> = {
  AB: ['Alberta'],
  BC: ['British Columbia', 'Colombie-Britannique'],
  MB: ['Manitoba'],
  NB: ['New Brunswick', 'Nouveau-Brunswick'],
  NL: ['Newfoundland and Labrador', 'Terre-Neuve-et-Labrador', 'Newfoundland', 'Terre-Neuve'],
  NS: ['Nova Scotia', 'Nouvelle-Écosse'],
  NT: ['Northwest Territories', 'Territoires du Nord-Ouest'],
  NU: ['Nunavut'],
  ON: ['Ontario'],
  PE: ['Prince Edward Island', 'Île-du-Prince-Édouard'],
  QC: ['Quebec', 'Québec'],
  SK: ['Saskatchewan'],
  YT: ['Yukon', 'Yukon Territory', 'Territoire du Yukon'],
};

/** Lower case, no accents, hyphens and apostrophes as spaces: "Île-du-Prince-Édouard" → "ile du prince edouard". */
function simplify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const byKey = new Map<string, string>();
for (const [code, names] of Object.entries(PROVINCES)) {
  byKey.set(code.toLowerCase(), code);
  for (const name of names) byKey.set(simplify(name), code);
}

/** "QC", "qc", "Québec", "Quebec" → "QC"; undefined when the value names no Canadian province or territory. */
export function canadianProvinceCode(value: string): string | undefined {
  return byKey.get(simplify(value));
}
