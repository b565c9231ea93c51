import { DomainError } from '../../shared/domain-error';

/** No version of the law is encoded for that province and day, so no decision can be judged. */
export class NoPolicyInForce extends DomainError {
  readonly status = 409;
  readonly code = 'NO_POLICY_IN_FORCE';

  constructor(provinceCode: string, date: string) {
    super(`No eligibility policy is in force for province ${provinceCode} on ${date}`, { provinceCode, date });
  }
}

/** The facts name a rent zone the policy version does not price (Resolution 02/2007/NQ-HĐND). */
export class UnknownRentZone extends DomainError {
  readonly status = 400;
  readonly code = 'UNKNOWN_RENT_ZONE';

  constructor(policyVersion: string, zone: string, known: string[]) {
    super(`Rent zone "${zone}" is not priced by policy ${policyVersion}; known zones: ${known.join(', ')}`, { policyVersion, zone, known });
  }
}

/*
 * The errors below stop the service at start-up, before any request: they are faults in the policy
 * data, not business rules a caller broke, so they are plain errors and never reach the HTTP filter.
 */

export class InvalidPolicyVersion extends Error {
  constructor(readonly file: string, readonly field: string, problem: string) {
    super(`Policy file ${file}: field "${field}" ${problem}`);
    this.name = new.target.name;
  }
}

export class OverlappingPolicyVersions extends Error {
  constructor(first: { file: string; id: string }, second: { file: string; id: string }, scope: string) {
    super(`Policy files ${first.file} (${first.id}) and ${second.file} (${second.id}) are both in force on the same days for ${scope}`);
    this.name = new.target.name;
  }
}
