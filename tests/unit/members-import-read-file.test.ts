import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '@/lib/members/import/errors';
import { readCsvRows, type CsvRow } from '@/lib/members/import/read-file';
import { MAX_HEADER_BYTES, sniffFormat } from '@/lib/members/import/sniff';

async function read(bytes: Uint8Array): Promise<CsvRow[]> {
  const format = await sniffFormat(bytes);
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(bytes, format, (names) => names)) rows.push(row);
  return rows;
}

const utf8 = (text: string) => Buffer.from(text, 'utf-8');

describe('sniffFormat', () => {
  it('detects UTF-8 with and without a byte order mark, and Windows-1252', async () => {
    expect(await sniffFormat(utf8('\uFEFFa,b\n1,2\n'))).toEqual({ encoding: 'utf-8', delimiter: ',' });
    expect(await sniffFormat(utf8('a;b\nHélène;2\n'))).toEqual({ encoding: 'utf-8', delimiter: ';' });
    expect(await sniffFormat(iconv.encode('a;b\nHélène;2\n', 'windows-1252'))).toEqual({ encoding: 'windows-1252', delimiter: ';' });
  });

  it('picks the separator from the header line only', async () => {
    expect(await sniffFormat(utf8('a,b,c\n"1;2;3;4;5",x,y\n'))).toMatchObject({ delimiter: ',' });
    expect(await sniffFormat(utf8('a;b;c\r\n"1,2,3,4",x,y\r\n'))).toMatchObject({ delimiter: ';' });
  });

  it('refuses binary data, UTF-16, a broken UTF-8 file with a BOM, and an endless first line', async () => {
    await expect(sniffFormat(Buffer.from([0x61, 0x2c, 0x00, 0x62]))).rejects.toThrow(/binary/);
    await expect(sniffFormat(iconv.encode('a,b\n', 'utf-16le', { addBOM: true }))).rejects.toThrow(/UTF-16/);
    await expect(sniffFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('é,b\n', 'windows-1252')]))).rejects.toThrow(
      /byte order mark/,
    );
    await expect(sniffFormat(utf8('x'.repeat(MAX_HEADER_BYTES + 10)))).rejects.toThrow(ImportFileError);
    await expect(sniffFormat(utf8('\n\na,b\n'))).rejects.toThrow(/first line is empty/);
  });
});

describe('readCsvRows', () => {
  it('decodes Windows-1252 accents and strips the UTF-8 byte order mark', async () => {
    const text = 'first_name;last_name\r\nHélène;Côté-Bélanger\r\nRenée;D’Amours\r\n';
    const expected = [
      { line: 2, record: { first_name: 'Hélène', last_name: 'Côté-Bélanger' } },
      { line: 3, record: { first_name: 'Renée', last_name: 'D’Amours' } },
    ];
    expect(await read(iconv.encode(text, 'windows-1252'))).toEqual(expected);
    expect(await read(utf8(`\uFEFF${text}`))).toEqual(expected);
  });

  it('keeps quoted separators and line breaks, and gives the line where each record starts', async () => {
    const text = 'a,b,c\n1,"x, y",z\n2,"line one\nline two\nline three",z\n\n3,"",z\n4,5,6';
    expect(await read(utf8(text))).toEqual([
      { line: 2, record: { a: '1', b: 'x, y', c: 'z' } },
      { line: 3, record: { a: '2', b: 'line one\nline two\nline three', c: 'z' } },
      { line: 7, record: { a: '3', b: '', c: 'z' } },
      { line: 8, record: { a: '4', b: '5', c: '6' } },
    ]);
  });

  it('reports a record with the wrong number of fields, and skips empty records', async () => {
    expect(await read(utf8('a;b\n1;2;3\n;\n4\n'))).toEqual([
      { line: 2, malformed: 'has 3 fields but the header names 2 columns' },
      { line: 4, malformed: 'has 1 fields but the header names 2 columns' },
    ]);
  });

  it('turns csv-parse errors into a file error', async () => {
    await expect(read(utf8(`a,b\n1,"${'x'.repeat(20_000)}\n`))).rejects.toThrow(/longer than/);
    await expect(read(utf8('a,b\n1,"never closed\n2,3\n'))).rejects.toThrow(ImportFileError);
  });

  it('handles a CRLF and a multi-byte character split across read chunks', async () => {
    const CHUNK = 64 * 1024;
    // Rows of 1000 bytes, then one sized so that its \r ends the first chunk and its \n starts the second.
    const header = 'a,b\r\n';
    const row = (n: number, length: number) => `${n},${'x'.repeat(length - `${n},`.length - 2)}\r\n`;
    let text = header;
    let n = 0;
    while (CHUNK - text.length > 2000) text += row((n += 1), 1000);
    text += row((n += 1), CHUNK + 1 - text.length);
    expect(text.slice(CHUNK - 1, CHUNK + 1)).toBe('\r\n');
    // Then a row whose é (two bytes in UTF-8) straddles the second boundary.
    while (2 * CHUNK - text.length > 2000) text += row((n += 1), 1000);
    const before = 2 * CHUNK - 1 - text.length - `${n + 1},`.length;
    text += `${(n += 1)},${'y'.repeat(before)}é\r\n${n + 1},"q\r\nr"\r\n${n + 2},ok`;
    const bytes = utf8(text);
    expect(bytes.subarray(2 * CHUNK - 1, 2 * CHUNK + 1)).toEqual(Buffer.from('é'));

    const rows = await read(bytes);
    expect(rows).toHaveLength(n + 2);
    expect(rows.map((r) => r.line)).toEqual([...Array.from({ length: n + 1 }, (_, i) => i + 2), n + 4]);
    expect(rows[n - 1]).toMatchObject({ record: { b: `${'y'.repeat(before)}é` } });
    expect(rows[n]).toMatchObject({ record: { b: 'q\nr' } });
  });

  it('property: records survive any quoting, line ending and encoding, with exact line numbers', async () => {
    const field = fc.stringMatching(/^[a-zA-Zéèàç’ ,;"\n]{0,12}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(',', ';'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
        fc.array(fc.nat({ max: 2 }), { minLength: 8, maxLength: 8 }),
        async (records, newline, delimiter, encoding, blankLines) => {
          const quote = (value: string) => `"${value.replace(/"/g, '""').replace(/\n/g, newline)}"`;
          const lines = [`first${delimiter}second`];
          const expected: CsvRow[] = [];
          records.forEach(([first, second], index) => {
            for (let blank = 0; blank < blankLines[index]!; blank += 1) lines.push('');
            const line = lines.join(newline).split(newline).length + 1;
            // A record of blank fields is skipped like a blank line; give it something.
            const firstValue = first.trim() === '' && second.trim() === '' ? 'x' : first;
            lines.push(`${quote(firstValue)}${delimiter}${quote(second)}`);
            expected.push({ line, record: { first: firstValue, second } });
          });
          const text = lines.join(newline);
          const bytes = encoding === 'windows-1252' ? iconv.encode(text, 'windows-1252') : utf8(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text);
          expect(await read(bytes)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
