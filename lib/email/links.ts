const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const SAFE_SCHEME = /^(https?:|mailto:)/i;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/**
 * Every distinct link of an email's HTML, in order. Only web and mailto links: the dev mailbox shows these
 * as real links, and a javascript: URL from a stored email must never become one.
 */
export function extractLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(HREF)) {
    const href = decodeEntities((match[1] ?? match[2] ?? '').trim());
    if (SAFE_SCHEME.test(href)) links.add(href);
  }
  return [...links];
}
