/** Stream names of DESIGN.md "Streams and events": the contract, never renamed. */
export const streams = {
  project: (projectId: string) => `project-${projectId}`,
  unit: (projectId: string, unitNo: string) => `unit-${projectId}.${unitNo}`,
  application: (applicationId: string) => `application-${applicationId}`,
  person: (citizenId: string) => `person-${citizenId}`,
  landFund: (commercialProjectId: string) => `landfund-${commercialProjectId}`,
  programme: (provinceCode: string) => `programme-${provinceCode}`,
  /** Refused allocation attempts of a project: inspectors look for repeated ones. */
  allocationAttempts: (projectId: string) => `allocation-attempts-${projectId}`,
};
