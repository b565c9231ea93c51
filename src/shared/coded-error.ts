/**
 * An error the HTTP layer answers with its own status and a stable `code` (API.md "Errors").
 * Two families extend it, kept apart because only one of them is a fact worth recording:
 * `DomainError` (a business rule refused the command) and `EventStoreError` (the log could not
 * take the write: a lost race, a bad payload).
 */
export abstract class CodedError extends Error {
  abstract readonly status: 400 | 404 | 409 | 413;
  abstract readonly code: string;

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}
