/**
 * The province and territory codes, in a module of their own with no imports: the address form (a client
 * component) needs them, and importing them from schemas.ts would ship zod and libphonenumber-js to the browser.
 */
export const PROVINCE_CODES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export const OUTSIDE_CANADA = 'OUTSIDE';
