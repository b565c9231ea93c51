/**
 * Province codes are the 2-digit codes of the citizen-id table (POLICY.md "Provinces"). Codes of
 * provinces merged on 2025-07-01 stay valid: documents issued before the merger keep them.
 */
export function isProvinceCode(code: string): boolean {
  return /^\d{2}$/.test(code) && Number(code) >= 1 && Number(code) <= 96;
}
