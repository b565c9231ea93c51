import { DomainError } from '../shared/domain-error';

export class FindingNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'FINDING_NOT_FOUND';

  constructor(findingId: string) {
    super(`No finding ${findingId}`, { findingId });
  }
}

/** Time travel to before the file existed: there was nothing to see then. */
export class ApplicationNotFoundAsOf extends DomainError {
  readonly status = 404;
  readonly code = 'APPLICATION_NOT_FOUND';

  constructor(applicationId: string, asOf: string) {
    super(`Application ${applicationId} had not been submitted as of ${asOf}`, { applicationId, asOf });
  }
}
