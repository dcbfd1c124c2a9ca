import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ImportFileError } from './errors';

/** What is imported: a file path, or the file's bytes (tests, an upload). */
export type CsvSource = string | Uint8Array;

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** Size in bytes; throws an ImportFileError when the file is missing, not a file, empty or too large. */
export async function sourceSize(source: CsvSource, maxBytes = MAX_FILE_BYTES): Promise<number> {
  let size: number;
  if (typeof source === 'string') {
    const info = await stat(source).catch((error: NodeJS.ErrnoException) => {
      throw new ImportFileError(`Cannot read ${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
    });
    if (!info.isFile()) throw new ImportFileError(`${source} is not a file.`);
    size = info.size;
  } else {
    size = source.byteLength;
  }
  if (size === 0) throw new ImportFileError('The file is empty.');
  if (size > maxBytes) {
    throw new ImportFileError(
      `The file is ${megabytes(size)} MB; the limit is ${megabytes(maxBytes)} MB. Split the export into smaller files.`,
    );
  }
  return size;
}

/** The source's bytes, a chunk at a time (a file is streamed, never read whole). */
export async function* byteChunks(source: CsvSource): AsyncGenerator<Uint8Array> {
  if (typeof source !== 'string') {
    for (let start = 0; start < source.byteLength; start += CHUNK_BYTES) {
      yield source.subarray(start, start + CHUNK_BYTES);
    }
    return;
  }
  const stream = createReadStream(source, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
