import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkNewPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normalizePassword,
  type PasswordContext,
} from '@/lib/auth/password-rules';

const sally: PasswordContext = { firstName: 'Sally', lastName: 'Sauteur', email: 'sallysauteur1@cspa.ca', cspaNumber: '12345' };
const genevieve: PasswordContext = { firstName: 'Geneviève', lastName: 'Tremblay', email: 'bureau@example.org', cspaNumber: '90001' };
const helene: PasswordContext = {
  firstName: 'Hélène',
  lastName: 'Côté-Bélanger',
  email: 'helene.cote-belanger@example.com',
  cspaNumber: '21000',
};

function problemOf(password: string, context: PasswordContext = genevieve) {
  const result = checkNewPassword(password, context);
  return result.ok ? null : result.problem;
}

describe('password length', () => {
  it('refuses 14 characters and accepts 15', () => {
    expect(problemOf('vk7 brume tigre')).toBeNull();
    expect(problemOf('vk7 brume tigr')).toEqual({ code: 'tooShort', min: MIN_PASSWORD_LENGTH, length: 14 });
  });

  it('accepts long passphrases of 64 and 200 code points', () => {
    const base = 'le vent tourne sur la piste quand les voiles rouges se posent ';
    const sixtyFour = base.padEnd(64, 'x');
    expect([...sixtyFour]).toHaveLength(64);
    expect(checkNewPassword(sixtyFour, genevieve)).toEqual({ ok: true, password: sixtyFour });
    const twoHundred = base.repeat(4).slice(0, 200);
    expect(problemOf(twoHundred)).toBeNull();
  });

  it('refuses more than the maximum', () => {
    const tooLong = 'nuages gris et vent fort '.repeat(11);
    expect([...tooLong].length).toBeGreaterThan(MAX_PASSWORD_LENGTH);
    expect(problemOf(tooLong)).toEqual({ code: 'tooLong', max: MAX_PASSWORD_LENGTH });
  });

  it('counts an emoji or an accented letter as one character', () => {
    // 13 letters + 1 emoji (two UTF-16 units) = 14 code points: too short, though .length is 15.
    const withEmoji = 'pluie tombée 🪂';
    expect(withEmoji.length).toBe(15);
    expect(problemOf(withEmoji)).toEqual({ code: 'tooShort', min: 15, length: 14 });
    // "é" typed as e + combining accent is one code point after NFKC.
    const decomposed = 'e\u0301te\u0301 sous la neige';
    expect(problemOf(decomposed)).toBeNull();
    expect([...normalizePassword(decomposed)]).toHaveLength(17);
  });
});

describe('normalization', () => {
  it('applies NFKC without trimming', () => {
    expect(normalizePassword('ｐａｓｓ')).toBe('pass');
    expect(normalizePassword('  ﬁn  ')).toBe('  fin  ');
  });

  it('returns the normalized password to hash', () => {
    expect(checkNewPassword('ｔｒｏｉｓ voiles orange sous la pluie', genevieve)).toEqual({
      ok: true,
      password: 'trois voiles orange sous la pluie',
    });
  });
});

describe('common and weak passwords', () => {
  it.each(['password1234567', 'motdepasse123456', '123456789012345'])('refuses %s', (password) => {
    expect(['common', 'weak']).toContain(problemOf(password)?.code);
  });

  it('names leaked passwords glued together as common', () => {
    expect(problemOf('password1234567')).toEqual({ code: 'common' });
    expect(problemOf('iloveyou iloveyou')).toEqual({ code: 'common' });
    expect(problemOf('motdepasse!!123456')).toEqual({ code: 'common' });
  });

  it('gives a suggestion code, never a sentence', () => {
    expect(problemOf('abcdefghijklmnopq')).toEqual({ code: 'weak', suggestion: 'avoidSequences' });
    expect(problemOf('aaaaaaaaaaaaaaaaaa')).toEqual({ code: 'weak', suggestion: 'avoidRepeats' });
    expect(problemOf('azertyuiopqsdfgh')).toEqual({ code: 'weak', suggestion: 'avoidKeyboardPatterns' });
  });
});

describe('personal and association words', () => {
  it('refuses the member’s name, accent- and case-insensitively', () => {
    expect(problemOf('le grand saut de sally dimanche', sally)).toEqual({ code: 'containsPersonalInfo' });
    expect(problemOf('mon ami Sauteur aime la neige', sally)).toEqual({ code: 'containsPersonalInfo' });
    expect(problemOf('le soleil de genevieve en mai')).toEqual({ code: 'containsPersonalInfo' });
    expect(problemOf('BELANGER plonge dans le lac', helene)).toEqual({ code: 'containsPersonalInfo' });
  });

  it('refuses the email’s local part and the CSPA number', () => {
    expect(problemOf('sally sauteur 1 saute encore', { ...sally, firstName: 'X', lastName: 'Y' })).toEqual({
      code: 'containsPersonalInfo',
    });
    expect(problemOf('neige et vent 12345 fois', sally)).toEqual({ code: 'containsPersonalInfo' });
  });

  it('refuses the association’s names and its sport', () => {
    expect(problemOf('jaimelacpsbeaucoup2026!')).toEqual({ code: 'containsAssociationName' });
    expect(problemOf('ma CSPA pour toujours et plus')).toEqual({ code: 'containsAssociationName' });
    expect(problemOf('Parachutisme Sportif du dimanche')).toEqual({ code: 'containsAssociationName' });
    expect(problemOf('I love skydiving every weekend')).toEqual({ code: 'containsAssociationName' });
    expect(problemOf('p4r4chute dans le ciel bleu')).toEqual({ code: 'containsAssociationName' });
  });

  it('checks the association before the member', () => {
    expect(problemOf('sally fait du parachute', sally)).toEqual({ code: 'containsAssociationName' });
  });
});

describe('accepted passphrases', () => {
  it('accepts the demo passwords for their members', () => {
    expect(problemOf('trois voiles orange sous la pluie', genevieve)).toBeNull();
    expect(problemOf('un saut de plus avant le coucher', helene)).toBeNull();
  });

  it('has no composition rules', () => {
    expect(problemOf('les hiboux dorment tard en hiver')).toBeNull();
    expect(problemOf('correct horse battery staple')).toBeNull();
  });
});

describe('robustness', () => {
  // zxcvbn costs 30–200 ms on a long random string, so long strings are a small share of the runs:
  // fast-check's default size keeps the first arbitrary under 15 code points (the early refusal),
  // the second straddles the minimum, the third reaches 300 (the 100-code-point scoring cap and tooLong).
  const anyPassword = fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 50 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 12, maxLength: 300, size: 'small' }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 15, maxLength: 300, size: 'large' }), weight: 1 },
  );

  it('never throws, whatever the input', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(anyPassword, (raw) => {
        const result = checkNewPassword(raw, sally);
        if (result.ok) expect([...result.password].length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
        else expect(typeof result.problem.code).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
