import { describe, expect, it } from 'vitest';
import { extractLinks } from '@/lib/email/links';

describe('links of an email', () => {
  it('lists each web and mailto link once, in order, with entities decoded', () => {
    const html = `
      <a href="https://example.ca/reset?token=abc&amp;lang=fr">Choisir</a>
      <a href='mailto:imis@cspa.ca'>imis@cspa.ca</a>
      <a href="https://example.ca/reset?token=abc&amp;lang=fr">again</a>
      <a HREF="http://localhost:3000/fr/login">login</a>`;
    expect(extractLinks(html)).toEqual([
      'https://example.ca/reset?token=abc&lang=fr',
      'mailto:imis@cspa.ca',
      'http://localhost:3000/fr/login',
    ]);
  });

  it('never returns a script or data link', () => {
    const html = '<a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a><a href="data:text/html,hi">z</a><a href="&#106;avascript:alert(1)">w</a>';
    expect(extractLinks(html)).toEqual([]);
  });
});
