import { CodedError } from './coded-error';

/**
 * A business rule refused the command. Subclasses name the rule that was broken; the HTTP filter
 * never needs to know them. Only these are business facts (e.g. a refused allocation is recorded);
 * failures of the log itself are `EventStoreError`s.
 */
export abstract class DomainError extends CodedError {}
