import { DomainError } from '../../shared/domain-error';

/** Progress is measured against the target, so it must be a whole, positive number of units. */
export class InvalidProgrammeTarget extends DomainError {
  readonly status = 400;
  readonly code = 'INVALID_FIGURE';

  constructor(units: number) {
    super(`A programme target must be a positive whole number of units, not ${units}`, { field: 'units', value: units });
  }
}
