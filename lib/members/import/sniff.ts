import iconv from 'iconv-lite';
import { ImportFileError } from './errors';
import { byteChunks, type CsvSource } from './source';

/** How the file is written, decided before parsing. */
export type SourceFormat = { encoding: 'utf-8' | 'windows-1252'; delimiter: ',' | ';' };

/** The header line must end within this many bytes: beyond it the file is not a member export. */
export const MAX_HEADER_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Detects the encoding (a UTF-8 byte order mark means UTF-8; otherwise strict UTF-8 when every byte
 * decodes, else Windows-1252) and the separator (whichever of ; and , the header line has more of).
 * Refuses binary data (NUL bytes) and UTF-16 as soon as it sees them.
 */
export async function sniffFormat(source: CsvSource): Promise<SourceFormat> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let hasBom = false;
  let validUtf8 = true;
  const headerParts: Uint8Array[] = [];
  let headerBytes = 0;
  let headerComplete = false;

  for await (const chunk of byteChunks(source)) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new ImportFileError('The file is UTF-16 text. Save it again as "CSV UTF-8" or plain CSV.');
      }
      hasBom = UTF8_BOM.every((byte, index) => chunk[index] === byte);
    }
    if (chunk.includes(0)) {
      throw new ImportFileError('This is not a CSV text file: it contains binary data.');
    }
    if (!headerComplete) {
      const end = chunk.findIndex((byte) => byte === LINE_FEED || byte === CARRIAGE_RETURN);
      headerParts.push(end === -1 ? chunk : chunk.subarray(0, end));
      headerBytes += end === -1 ? chunk.byteLength : end;
      headerComplete = end !== -1;
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new ImportFileError(
          `The first line is longer than ${MAX_HEADER_BYTES / 1024} KiB: this is not a member export (the first line must name the columns).`,
        );
      }
    }
    try {
      utf8.decode(chunk, { stream: true });
    } catch {
      validUtf8 = false;
    }
    // Once UTF-8 is ruled out and the header is read, the rest of the file need not be scanned here.
    if (!validUtf8 && headerComplete) break;
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  if (hasBom && !validUtf8) {
    throw new ImportFileError('The file starts with a UTF-8 byte order mark but is not valid UTF-8 text.');
  }

  const encoding = hasBom || validUtf8 ? 'utf-8' : 'windows-1252';
  const header = iconv.decode(Buffer.concat(headerParts), encoding);
  if (header.trim() === '') {
    throw new ImportFileError('The first line is empty: it must name the columns (cspa_number, first_name, …).');
  }
  const count = (separator: string) => header.split(separator).length - 1;
  return { encoding, delimiter: count(';') > count(',') ? ';' : ',' };
}
