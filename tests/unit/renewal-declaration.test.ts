import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { DECLARATION_TEXT_SHA256, DECLARATION_VERSION } from '@/lib/renewal/declaration';

describe('the yearly declaration', () => {
  it('has a new version whenever its words change, so each acceptance names the text accepted', () => {
    const fingerprint = createHash('sha256').update(`${fr.Renewal.declarationText}\n${en.Renewal.declarationText}`).digest('hex');
    expect({ version: DECLARATION_VERSION, fingerprint }).toEqual({ version: DECLARATION_VERSION, fingerprint: DECLARATION_TEXT_SHA256 });
  });

  it('asks for the exact acceptance words in both languages', () => {
    expect(fr.Renewal.declarationAccept).toBe('J’accepte la déclaration');
    expect(en.Renewal.declarationAccept).toBe('I accept the declaration');
  });
});
