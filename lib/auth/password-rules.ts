import 'server-only';
import { ZxcvbnFactory, type MatchEstimated } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';

/**
 * Rules for a new password, after NIST SP 800-63B rev. 4 (single-factor passwords):
 * a minimum length of 15, at least 64 accepted, every character allowed, no composition rules,
 * and a refusal of passwords that are common, expected or about the member or the association.
 *
 * This module loads several megabytes of word lists: it must stay on the server.
 * Problems are returned as codes that the forms translate; nothing here is English for the user.
 */

export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

/** zxcvbn 3 = about 10^8 guesses or more: acceptable behind a slow hash and sign-in throttling. */
const MIN_ZXCVBN_SCORE = 3;

/** zxcvbn's cost grows quickly with length; past this many code points a password is long enough to score. */
const SCORED_PREFIX_LENGTH = 100;

/**
 * The association's names and its sport, accent- and case-insensitive, matched as substrings after
 * undoing the usual digit-for-letter swaps. The stems cover the longer phrases too:
 * "parachut" matches parachute, parachuting, parachutisme, parachutiste, "sport parachuting" and
 * "parachutisme sportif"; "skydiv" matches skydive, skydiver and skydiving.
 * Separators are kept, so "magic spa" is not "cspa".
 */
export const ASSOCIATION_TERMS = ['cspa', 'acps', 'parachut', 'skydiv'] as const;

export type WeakPasswordSuggestion =
  | 'addWords'
  | 'avoidRepeats'
  | 'avoidSequences'
  | 'avoidKeyboardPatterns'
  | 'avoidDates';

export type PasswordProblem =
  | { code: 'tooShort'; min: number; length: number }
  | { code: 'tooLong'; max: number }
  | { code: 'containsAssociationName' }
  | { code: 'containsPersonalInfo' }
  | { code: 'common' }
  | { code: 'weak'; suggestion?: WeakPasswordSuggestion };

export type PasswordContext = {
  firstName: string;
  lastName: string;
  email: string;
  cspaNumber?: string;
};

export type PasswordCheck = { ok: true; password: string } | { ok: false; problem: PasswordProblem };

/** The form a password is hashed and compared in: NFKC, so the same text typed on another keyboard matches. */
export function normalizePassword(raw: string): string {
  return raw.normalize('NFKC');
}

export function checkNewPassword(raw: string, context: PasswordContext): PasswordCheck {
  const password = normalizePassword(raw);
  const length = codePointLength(password);
  if (length < MIN_PASSWORD_LENGTH) {
    return { ok: false, problem: { code: 'tooShort', min: MIN_PASSWORD_LENGTH, length } };
  }
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, problem: { code: 'tooLong', max: MAX_PASSWORD_LENGTH } };

  const folded = foldText(password);
  if (containsAssociationName(folded)) return { ok: false, problem: { code: 'containsAssociationName' } };

  const personal = personalTerms(context);
  if (containsPersonalInfo(folded, personal)) return { ok: false, problem: { code: 'containsPersonalInfo' } };

  const scored = [...password].slice(0, SCORED_PREFIX_LENGTH).join('');
  const result = zxcvbn().check(scored, [...personal.words, ...personal.compactWords, ...ASSOCIATION_TERMS]);
  if (isCommonPassword(scored, result.sequence as MatchEstimated[], result.score)) {
    return { ok: false, problem: { code: 'common' } };
  }
  if (result.score < MIN_ZXCVBN_SCORE) {
    return { ok: false, problem: { code: 'weak', suggestion: suggestionFor(result.sequence as MatchEstimated[]) } };
  }
  return { ok: true, password };
}

export function codePointLength(text: string): number {
  return [...text].length;
}

// ── Matching helpers ───────────────────────────────────────────────────────────

/** Lowercase, without accents, compatibility forms folded: "Côté" and "ＣＯＴＥ" both become "cote". */
function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFKC');
}

function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function unleet(text: string): string {
  return text.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
}

function containsAssociationName(folded: string): boolean {
  const plain = unleet(folded);
  return ASSOCIATION_TERMS.some((term) => folded.includes(term) || plain.includes(term));
}

type PersonalTerms = { words: string[]; compactWords: string[] };

/**
 * Names are matched whole and by part ("Côté-Bélanger" gives "cote", "belanger" and "cotebelanger"),
 * each of at least 3 letters; the email's local part (before any "+tag") is matched with its
 * separators removed, like the password; the CSPA number as typed.
 */
function personalTerms(context: PasswordContext): PersonalTerms {
  const words = new Set<string>();
  const compactWords = new Set<string>();
  for (const name of [context.firstName, context.lastName]) {
    const folded = foldText(name);
    for (const part of folded.split(/[^\p{L}\p{N}]+/u)) words.add(part);
    compactWords.add(compact(folded));
  }
  const localPart = foldText(context.email).split('@')[0]?.split('+')[0] ?? '';
  compactWords.add(compact(localPart));
  if (context.cspaNumber) words.add(foldText(context.cspaNumber).trim());
  const longEnough = (term: string) => codePointLength(term) >= 3;
  return { words: [...words].filter(longEnough), compactWords: [...compactWords].filter(longEnough) };
}

function containsPersonalInfo(folded: string, terms: PersonalTerms): boolean {
  const compacted = compact(folded);
  return (
    terms.words.some((term) => folded.includes(term)) ||
    terms.compactWords.some((term) => compacted.includes(term))
  );
}

// ── zxcvbn ─────────────────────────────────────────────────────────────────────

let factory: ZxcvbnFactory | undefined;

/**
 * Built on first use (ranking the word lists takes a few hundred milliseconds), then kept for the process.
 * No translations are loaded: feedback would be English, and the codes below are what the forms need.
 */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    // The default (100) lets a 20-character password with many digits and symbols take half a second;
    // six substitutions still catch "p@$$w0rd" and "m0td3p4$$3".
    l33tMaxSubstitutions: 6,
  });
  return factory;
}

function isPasswordList(match: MatchEstimated): boolean {
  return match.pattern === 'dictionary' && String(match.dictionaryName).startsWith('passwords');
}

/**
 * Common: the password is made of leaked passwords and nothing else but separators
 * ("password1234567", "motdepasse123456", "password password"), or it is one dictionary word
 * or name on its own that zxcvbn scores as guessable.
 */
function isCommonPassword(password: string, sequence: MatchEstimated[], score: number): boolean {
  const fromLists = sequence.filter(isPasswordList);
  if (fromLists.length > 0) {
    // zxcvbn's i and j are UTF-16 indices, inclusive.
    let rest = '';
    for (let index = 0; index < password.length; index += 1) {
      if (!fromLists.some((m) => m.i <= index && index <= m.j)) rest += password[index];
    }
    if (!/[\p{L}\p{N}]/u.test(rest)) return true;
  }
  const only = sequence.length === 1 ? sequence[0] : undefined;
  return score < MIN_ZXCVBN_SCORE && only?.pattern === 'dictionary';
}

const SUGGESTION_BY_PATTERN: Record<string, WeakPasswordSuggestion> = {
  repeat: 'avoidRepeats',
  sequence: 'avoidSequences',
  spatial: 'avoidKeyboardPatterns',
  date: 'avoidDates',
  regex: 'avoidDates',
};

/** The advice that fits the largest guessable pattern; otherwise "add words", the advice for a passphrase. */
function suggestionFor(sequence: MatchEstimated[]): WeakPasswordSuggestion {
  let best: { suggestion: WeakPasswordSuggestion; size: number } | undefined;
  for (const match of sequence) {
    const suggestion = SUGGESTION_BY_PATTERN[match.pattern];
    // zxcvbn's only regex today is "recentYear".
    if (!suggestion || (match.pattern === 'regex' && match.regexName !== 'recentYear')) continue;
    const size = match.j - match.i + 1;
    if (!best || size > best.size) best = { suggestion, size };
  }
  return best?.suggestion ?? 'addWords';
}
