import { DomainError } from '../../shared/domain-error';

/** Checking against an empty registry would call every person "unknown": refused instead. */
export class NoPopulationSnapshot extends DomainError {
  readonly status = 409;
  readonly code = 'NO_POPULATION_SNAPSHOT';

  constructor() {
    super('No population-registry extract has been imported: run `noxh registry import FILE.csv` first');
  }
}
