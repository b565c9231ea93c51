import { roleVi } from './words';

/** How two people of a household are linked, as the summary tells it. */
export const householdLinkVi = {
  roleOf: (member: string, role: string, applicant: string, applicationId: string) => `${member} được khai là ${roleVi(role)} của ${applicant} trong hồ sơ ${applicationId}`,
  sameHousehold: (applicant: string, applicationId: string) => `cả hai được khai trong hộ của ${applicant} trong hồ sơ ${applicationId}`,
};

/** What the other member holds or asks for. */
export const otherBenefitVi = {
  benefit: (unitNo: string, projectId: string) => `cũng đang hưởng một suất (căn ${unitNo} của dự án ${projectId})`,
  applications: (files: readonly { applicationId: string; projectId: string }[]) =>
    `có hồ sơ đang xét ${files.map((f) => `${f.applicationId} (dự án ${f.projectId})`).join(', ')}`,
};

export interface HouseholdDoubleBenefitFacts {
  beneficiary: string;
  unitNo: string;
  projectId: string;
  other: string;
  /** A phrase of otherBenefitVi. */
  also: string;
  /** A phrase of householdLinkVi. */
  link: string;
}

/** The household-double-benefit detector's summary, for the ledger and its oracle alike. */
export const householdDoubleBenefitSummary = (f: HouseholdDoubleBenefitFacts): string =>
  `Công dân ${f.beneficiary} đang hưởng một suất (căn ${f.unitNo} của dự án ${f.projectId}) và công dân ${f.other}, cùng hộ, ${f.also}; ${f.link}. ` +
  'Mỗi hộ chỉ được hưởng một suất (Luật Nhà ở Điều 79(1)(e)).';
