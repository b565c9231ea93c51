import { DomainError } from '../../shared/domain-error';

export class ApplicationNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'APPLICATION_NOT_FOUND';

  constructor(applicationId: string) {
    super(`Application ${applicationId} was never submitted`, { applicationId });
  }
}

/** The same application id twice; a second application by the same person is a new id, never refused. */
export class ApplicationAlreadySubmitted extends DomainError {
  readonly status = 409;
  readonly code = 'APPLICATION_ALREADY_SUBMITTED';

  constructor(applicationId: string) {
    super(`Application ${applicationId} is already submitted`, { applicationId });
  }
}

export class ApplicationWithdrawn extends DomainError {
  readonly status = 409;
  readonly code = 'APPLICATION_WITHDRAWN';

  constructor(applicationId: string) {
    super(`Application ${applicationId} was withdrawn`, { applicationId });
  }
}

export class ApplicationAlreadyAllocated extends DomainError {
  readonly status = 409;
  readonly code = 'APPLICATION_ALREADY_ALLOCATED';

  constructor(applicationId: string, allocationId: string) {
    super(`Application ${applicationId} already has allocation ${allocationId}`, { applicationId, allocationId });
  }
}

/** A revocation of an allocation the file does not hold now (never held, or already revoked). */
export class ApplicationAllocationNotInForce extends DomainError {
  readonly status = 409;
  readonly code = 'ALLOCATION_NOT_IN_FORCE';

  constructor(applicationId: string, allocationId: string) {
    super(`Application ${applicationId} does not hold allocation ${allocationId}`, { applicationId, allocationId });
  }
}

/** No "eligible" decision is in force for the application. */
export class NotEligible extends DomainError {
  readonly status = 409;
  readonly code = 'NOT_ELIGIBLE';

  constructor(applicationId: string) {
    super(`Application ${applicationId} has no eligible decision in force`, { applicationId });
  }
}

/** A household applies to one project at a time (Decree 100/2024 Art. 38): it is served there only. */
export class ApplicationForAnotherProject extends DomainError {
  readonly status = 409;
  readonly code = 'APPLICATION_PROJECT_MISMATCH';

  constructor(applicationId: string, appliedTo: string, requested: string) {
    super(`Application ${applicationId} is for project ${appliedTo}, not ${requested}`, { applicationId, appliedTo, requested });
  }
}

/** An "eligible" decision the policy in force says is ineligible must say why (detector 6 shows it). */
export class JustificationRequired extends DomainError {
  readonly status = 409;
  readonly code = 'JUSTIFICATION_REQUIRED';

  constructor(applicationId: string, policyVersion: string) {
    super(`Application ${applicationId} is ineligible under policy ${policyVersion}: an eligible decision needs a justification`, {
      applicationId,
      policyVersion,
    });
  }
}

/** A decision cannot predate the file it decides on: that is backdating (detector 11). */
export class DecisionBeforeSubmission extends DomainError {
  readonly status = 400;
  readonly code = 'DECISION_BEFORE_SUBMISSION';

  constructor(applicationId: string, decidedAt: string, submittedAt: string) {
    super(`Decision dated ${decidedAt} precedes the submission of application ${applicationId} on ${submittedAt}`, {
      applicationId,
      decidedAt,
      submittedAt,
    });
  }
}

/** A decision is recorded once it exists: one dated after the moment of recording is not a fact yet. */
export class DecisionInFuture extends DomainError {
  readonly status = 400;
  readonly code = 'DECISION_IN_FUTURE';

  constructor(applicationId: string, decidedAt: string, now: string) {
    super(`Decision on application ${applicationId} is dated ${decidedAt}, after now (${now})`, { applicationId, decidedAt, now });
  }
}
