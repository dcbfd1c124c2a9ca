import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ImportFileError } from './errors';
import type { SourceFormat } from './sniff';
import { byteChunks, type CsvSource } from './source';

/** One data record, by header name, and the physical line where it starts (the header is line 1). */
export type CsvRow =
  | { line: number; record: Record<string, string> }
  | { line: number; malformed: string };

/** A member record is a few hundred characters; far longer means a runaway quote or not a CSV at all. */
export const MAX_RECORD_CHARS = 16 * 1024;

/**
 * Streams the file through the decoder and csv-parse. `headerNames` receives the first record and
 * returns the names to key records by (or throws). Records whose every field is empty are skipped.
 * Throws an ImportFileError when the file cannot be parsed as CSV.
 */
export async function* readCsvRows(
  source: CsvSource,
  format: SourceFormat,
  headerNames: (fields: string[]) => string[],
): AsyncGenerator<CsvRow> {
  const parser = parse({
    delimiter: format.delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
  });
  const records = pipeline(Readable.from(decodedText(source, format)), parser, () => {
    // Errors surface through the iteration below.
  });
  let names: string[] | undefined;
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // csv-parse counts the line where a record ends; a record spans one line more per line break in its fields.
      const breaks = record.reduce((sum, field) => sum + countLineBreaks(field), 0);
      const line = info.lines - breaks;
      if (!names) {
        names = headerNames(record);
        continue;
      }
      if (record.every((field) => field.trim() === '')) continue;
      if (record.length !== names.length) {
        yield { line, malformed: `has ${record.length} fields but the header names ${names.length} columns` };
        continue;
      }
      yield { line, record: Object.fromEntries(names.map((name, index) => [name, record[index]!])) };
    }
  } catch (error) {
    throw error instanceof CsvError ? new ImportFileError(describeCsvError(error)) : error;
  } finally {
    records.destroy();
  }
}

/** Decoded text with every line break (\r\n, \r, \n) made \n, so csv-parse's line count is exact. */
async function* decodedText(source: CsvSource, format: SourceFormat): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(format.encoding, { stripBOM: true });
  let pendingCarriageReturn = false;
  const normalize = (text: string): string => {
    let joined = (pendingCarriageReturn ? '\r' : '') + text;
    pendingCarriageReturn = joined.endsWith('\r');
    if (pendingCarriageReturn) joined = joined.slice(0, -1);
    return joined.replace(/\r\n?/g, '\n');
  };
  for await (const chunk of byteChunks(source)) {
    const text = normalize(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    if (text !== '') yield text;
  }
  const rest = normalize(decoder.end() ?? '') + (pendingCarriageReturn ? '\n' : '');
  if (rest !== '') yield rest;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

function describeCsvError(error: CsvError): string {
  const line = (error as unknown as { lines?: number }).lines;
  const where = line ? ` (near line ${line})` : '';
  switch (error.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return `A record is longer than ${MAX_RECORD_CHARS} characters${where}: a quote is never closed, or this is not a member export.`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `A quoted field is never closed${where}: check the quotes in the file.`;
    default:
      return `The file is not valid CSV${where}: ${error.message}`;
  }
}
