/** The PolicyCatalogue singleton, injected as `@Inject(POLICY_CATALOGUE) catalogue: PolicyCatalogue`. */
export const POLICY_CATALOGUE = Symbol('PolicyCatalogue');

/** The policy data modules the catalogue is built from; a token so a test can hand it a bad file. */
export const POLICY_FILES_TOKEN = Symbol('PolicyFiles');
