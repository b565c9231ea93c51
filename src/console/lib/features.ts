/**
 * Which endpoints the server offers, from its OpenAPI document (GET /docs-json, public). Pages of
 * features still being built (evidence bundles, public lists and lotteries, spreadsheet intake)
 * look here rather than probing the endpoint, so checking costs no recorded read and no write.
 */
let paths: Promise<Set<string>> | null = null;

export function apiPaths(fetcher: typeof fetch = fetch): Promise<Set<string>> {
  paths ??= fetcher('/docs-json')
    .then((r) => (r.ok ? r.json() : { paths: {} }))
    .then((doc: { paths?: Record<string, unknown> }) => new Set(Object.keys(doc.paths ?? {})))
    .catch(() => new Set<string>());
  return paths;
}

/** For tests. */
export function forgetApiPaths(): void {
  paths = null;
}

export const FEATURES = {
  evidenceBundle: '/api/v1/findings/{id}/evidence-bundle',
  publicBeneficiaries: '/api/v1/public/projects/{id}/beneficiaries',
  publicLottery: '/api/v1/public/lotteries/{id}',
  intake: '/api/v1/projects/{id}/applications/import',
} as const;
