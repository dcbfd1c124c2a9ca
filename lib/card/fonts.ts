import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * Static TrueType DejaVu, not a variable WOFF2: subsetting a variable font crashed the process
 * (see NOTES.md). The condensed cut fits long bilingual labels on a 54 mm card.
 */
const FONT_FILES = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
} as const;

/** Fixed subset names: pdf-lib would add a random suffix, making every PDF differ byte for byte. */
const SUBSET_NAMES = {
  regular: 'ACPSAA+DejaVuSansCondensed',
  bold: 'ACPSAB+DejaVuSansCondensed-Bold',
} as const;

type FontRole = keyof typeof FONT_FILES;
type ParsedFont = ReturnType<typeof fontkit.create>;
export type CardFonts = Record<FontRole, PDFFont>;

let loaded: Record<FontRole, Uint8Array> | undefined;
const parsedByBytes = new WeakMap<Uint8Array, ParsedFont>();

/**
 * fontkit caches glyphs by id. Subsetting a composite glyph (Ż is Z plus a dot) fetches its
 * components without code points, and in a shared font that cached Z would reach the next card's
 * ToUnicode map with no text: « Zoë » copied as « oë ». Give such a glyph its code points back.
 */
function keepCodePoints(font: ParsedFont): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
}

const LAYOUT_CACHE_SIZE = 4096;

/**
 * Shaping a string (GSUB, then GPOS) is most of a card's cost, and pdf-lib shapes each string twice
 * or more (measure, then encode). The labels are the same on every card, so remember recent runs;
 * the oldest entry goes when the cache is full, which bounds the memory a server keeps.
 */
function memoizeLayout(font: ParsedFont): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, ReturnType<ParsedFont['layout']>>();
  font.layout = (text, features) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
    const cached = runs.get(key);
    if (cached) return cached;
    const run = layout(text, features);
    if (runs.size >= LAYOUT_CACHE_SIZE) runs.delete(runs.keys().next().value!);
    runs.set(key, run);
    return run;
  };
}

type EncodeStream = { push(chunk: Uint8Array | null): boolean; end(): void };
type Subset = { encode(stream: EncodeStream): void; encodeStream(): unknown };
type Listener = (value?: unknown) => void;

let EncodeStreamClass: (new () => EncodeStream) | undefined;

/**
 * fontkit's `subset.encodeStream()` runs the encoder behind a browser shim of `process.nextTick`
 * built on setTimeout, so each font of each card sat idle for a millisecond or more. Encode in a
 * microtask instead, into fontkit's own stream class (taken from one throwaway subset), and give
 * pdf-lib the data/end/error events it listens for.
 */
function encodeSubsetsWithoutTimers(font: ParsedFont): void {
  const createSubset = font.createSubset.bind(font);
  EncodeStreamClass ??= ((createSubset() as unknown as Subset).encodeStream() as { constructor: new () => EncodeStream }).constructor;
  const StreamClass = EncodeStreamClass;
  font.createSubset = () => {
    const subset = createSubset();
    (subset as unknown as Subset).encodeStream = () => {
      const listeners: Record<string, Listener[]> = {};
      const emitter = {
        on(event: string, listener: Listener) {
          (listeners[event] ??= []).push(listener);
          return emitter;
        },
      };
      queueMicrotask(() => {
        const chunks: Uint8Array[] = [];
        try {
          const stream = new StreamClass();
          stream.push = (chunk) => (chunk && chunks.push(chunk), true);
          (subset as unknown as Subset).encode(stream);
          stream.end();
        } catch (error) {
          listeners.error?.forEach((listener) => listener(error));
          return;
        }
        for (const chunk of chunks) listeners.data?.forEach((listener) => listener(chunk));
        listeners.end?.forEach((listener) => listener());
      });
      return emitter;
    };
    return subset;
  };
}

/**
 * pdf-lib calls `fontkit.create(bytes)` on every embed; parsing and the first layout (which loads
 * cmap, GSUB and GPOS) cost tens of ms. Handing back the font parsed once per process makes an
 * embed nearly free. Sharing it is safe: each embed makes its own subset, fontkit's reads from the
 * shared font are synchronous, and keepCodePoints covers the one cache that leaked between cards.
 */
const cachingFontkit = {
  create(bytes: Uint8Array): ParsedFont {
    const cached = parsedByBytes.get(bytes);
    if (cached) return cached;
    const parsed = fontkit.create(bytes);
    keepCodePoints(parsed);
    memoizeLayout(parsed);
    encodeSubsetsWithoutTimers(parsed);
    parsedByBytes.set(bytes, parsed);
    return parsed;
  },
};

function fontBytes(): Record<FontRole, Uint8Array> {
  if (!loaded) {
    // process.cwd(), the way Next traces files read at run time; the card has no other input.
    const dir = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
    loaded = {
      regular: new Uint8Array(readFileSync(path.join(dir, FONT_FILES.regular))),
      bold: new Uint8Array(readFileSync(path.join(dir, FONT_FILES.bold))),
    };
  }
  return loaded;
}

/**
 * Ligatures off: a drawn « fi » glyph would come back as U+FB01 when the text is copied or searched.
 * Positioning features off: pdf-lib draws glyph advances only and ignores GPOS offsets, so
 * computing kerning and mark positions would cost time and change nothing on the page.
 */
const FEATURES = { liga: false, clig: false, dlig: false, kern: false, mark: false, mkmk: false, dist: false, curs: false };

export async function embedCardFonts(doc: PDFDocument, { cache = true } = {}): Promise<CardFonts> {
  doc.registerFontkit(cache ? cachingFontkit : fontkit);
  const bytes = fontBytes();
  const [regular, bold] = await Promise.all(
    (['regular', 'bold'] as const).map((role) =>
      doc.embedFont(bytes[role], { subset: true, customName: SUBSET_NAMES[role], features: FEATURES }),
    ),
  );
  return { regular: regular!, bold: bold! };
}
