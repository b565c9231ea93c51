/**
 * A business error the HTTP layer maps to a status and a stable `code` (API.md "Errors").
 * Subclasses name the rule that was broken; the filter never needs to know them.
 */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 404 | 409 | 413;
  abstract readonly code: string;

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}
