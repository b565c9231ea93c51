import { DomainError } from '../../shared/domain-error';

export class ProjectAlreadyRegistered extends DomainError {
  readonly status = 409;
  readonly code = 'PROJECT_ALREADY_REGISTERED';

  constructor(projectId: string) {
    super(`Project ${projectId} is already registered`, { projectId });
  }
}

export class ProjectNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'PROJECT_NOT_FOUND';

  constructor(projectId: string) {
    super(`Project ${projectId} is not registered`, { projectId });
  }
}

/** Planned units and targets are counted against each other, so they must be whole and positive. */
export class InvalidProjectFigure extends DomainError {
  readonly status = 400;
  readonly code = 'INVALID_FIGURE';

  constructor(field: string, value: number) {
    super(`${field} must be a positive whole number, not ${value}`, { field, value });
  }
}

export class EmptyRelease extends DomainError {
  readonly status = 400;
  readonly code = 'NO_UNITS';

  constructor(projectId: string) {
    super(`A release of project ${projectId} must name at least one unit`, { projectId });
  }
}

export class DuplicateUnitNo extends DomainError {
  readonly status = 400;
  readonly code = 'DUPLICATE_UNIT_NO';

  constructor(projectId: string, unitNos: string[]) {
    super(`Units named more than once in one release of project ${projectId}: ${unitNos.join(', ')}`, { projectId, unitNos });
  }
}

export class UnitAlreadyReleased extends DomainError {
  readonly status = 409;
  readonly code = 'UNIT_ALREADY_RELEASED';

  constructor(projectId: string, unitNos: string[]) {
    super(`Units of project ${projectId} already released: ${unitNos.join(', ')}`, { projectId, unitNos });
  }
}

export class PlannedUnitsExceeded extends DomainError {
  readonly status = 409;
  readonly code = 'PLANNED_UNITS_EXCEEDED';

  constructor(projectId: string, plannedUnits: number, wouldBe: number) {
    super(`Project ${projectId} plans ${plannedUnits} units; this would make ${wouldBe}`, { projectId, plannedUnits, wouldBe });
  }
}

/** A unit's stream starts with its release: before that the unit is unknown (404). */
export class UnitNotReleased extends DomainError {
  readonly status = 404;
  readonly code = 'UNIT_NOT_FOUND';

  constructor(projectId: string, unitNo: string) {
    super(`Unit ${unitNo} of project ${projectId} was never released`, { projectId, unitNo });
  }
}

export class UnitAlreadyAllocated extends DomainError {
  readonly status = 409;
  readonly code = 'UNIT_ALREADY_ALLOCATED';

  constructor(projectId: string, unitNo: string, allocationId: string | null) {
    super(`Unit ${unitNo} of project ${projectId} is already allocated or held`, { projectId, unitNo, allocationId });
  }
}

/** Eligibility is judged per tenure (renters need not meet Art. 78's housing and income conditions). */
export class TenureMismatch extends DomainError {
  readonly status = 409;
  readonly code = 'TENURE_MISMATCH';

  constructor(applicationId: string, appliedFor: string, unitTenure: string) {
    super(`Application ${applicationId} is for ${appliedFor}; the unit is for ${unitTenure}`, { applicationId, appliedFor, unitTenure });
  }
}

export class AllocationNotInForce extends DomainError {
  readonly status = 409;
  readonly code = 'ALLOCATION_NOT_IN_FORCE';

  constructor(projectId: string, unitNo: string, allocationId: string | null) {
    super(`Unit ${unitNo} of project ${projectId} has no allocation${allocationId ? ` ${allocationId}` : ''} in force`, {
      projectId,
      unitNo,
      allocationId,
    });
  }
}

export class UnitAlreadyHandedOver extends DomainError {
  readonly status = 409;
  readonly code = 'UNIT_ALREADY_HANDED_OVER';

  constructor(projectId: string, unitNo: string) {
    super(`Unit ${unitNo} of project ${projectId} is already handed over`, { projectId, unitNo });
  }
}

export class UnitNeverHandedOver extends DomainError {
  readonly status = 409;
  readonly code = 'UNIT_NOT_HANDED_OVER';

  constructor(projectId: string, unitNo: string) {
    super(`Unit ${unitNo} of project ${projectId} was never handed over, so it cannot have been transferred`, { projectId, unitNo });
  }
}

/** One benefit per person (Housing Law Art. 88(6)–(7)), wherever it was granted. */
export class AlreadyBeneficiary extends DomainError {
  readonly status = 409;
  readonly code = 'ALREADY_BENEFICIARY';

  constructor(citizenId: string, why: 'holds-a-benefit' | 'bought-before', claimId: string) {
    const what = why === 'holds-a-benefit' ? 'already holds social-housing benefit' : 'already bought social housing through claim';
    super(`Citizen ${citizenId} ${what} ${claimId}`, { citizenId, why, claimId });
  }
}

export class BenefitNotHeld extends DomainError {
  readonly status = 409;
  readonly code = 'BENEFIT_NOT_HELD';

  constructor(citizenId: string, claimId: string) {
    super(`Citizen ${citizenId} holds no live benefit claim ${claimId}`, { citizenId, claimId });
  }
}

export class AllocationNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'ALLOCATION_NOT_FOUND';

  constructor(allocationId: string) {
    super(`No allocation ${allocationId}`, { allocationId });
  }
}
