/** A problem with the file as a whole (not one row): nothing is imported and the report says why. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
