import { DomainError } from '../../shared/domain-error';

export class LandFundObligationAlreadyRegistered extends DomainError {
  readonly status = 409;
  readonly code = 'LAND_FUND_OBLIGATION_EXISTS';

  constructor(commercialProjectId: string) {
    super(`A land-fund obligation is already registered for project ${commercialProjectId}`, { commercialProjectId });
  }
}

export class LandFundObligationNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'LAND_FUND_OBLIGATION_NOT_FOUND';

  constructor(commercialProjectId: string) {
    super(`No land-fund obligation is registered for project ${commercialProjectId}`, { commercialProjectId });
  }
}

/** Once discharged (in land or by payment in lieu) there is nothing left to hand over. */
export class LandFundObligationDischarged extends DomainError {
  readonly status = 409;
  readonly code = 'LAND_FUND_OBLIGATION_DISCHARGED';

  constructor(commercialProjectId: string) {
    super(`The land-fund obligation of project ${commercialProjectId} is already discharged`, { commercialProjectId });
  }
}

/** Areas and amounts feed the outstanding balance, so they must be sound numbers. */
export class InvalidLandFundFigure extends DomainError {
  readonly status = 400;
  readonly code = 'INVALID_FIGURE';

  constructor(field: string, value: number, rule: string) {
    super(`${field} must be ${rule}, not ${value}`, { field, value });
  }
}
