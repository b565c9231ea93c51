import { ConfigError } from '../../config/config-error';

type Env = Record<string, string | undefined>;

/** Where the registry service is and how long one request may take. */
export type RegistryServiceSettings = { baseUrl: string; timeoutMs: number };

/**
 * The registry client's settings from the environment, checked at start-up like `loadConfig`.
 * Undefined when POPULATION_REGISTRY_URL is unset: checks then use imported extracts only.
 */
export function httpRegistryOptionsFromEnv(env: Env = process.env): RegistryServiceSettings | undefined {
  const raw = env.POPULATION_REGISTRY_URL;
  if (raw === undefined || raw.trim() === '') {
    if (env.POPULATION_REGISTRY_TIMEOUT_MS) throw new ConfigError('Có POPULATION_REGISTRY_TIMEOUT_MS nhưng không có POPULATION_REGISTRY_URL', 'POPULATION_REGISTRY_TIMEOUT_MS is set but POPULATION_REGISTRY_URL is not');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`POPULATION_REGISTRY_URL không phải URL hợp lệ (nhận được "${redact(raw)}")`, `POPULATION_REGISTRY_URL is not a valid URL (got "${redact(raw)}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`POPULATION_REGISTRY_URL phải bắt đầu bằng http:// hoặc https:// (nhận được "${redact(raw)}")`, `POPULATION_REGISTRY_URL must start with http:// or https:// (got "${redact(raw)}")`);
  }
  // The client appends /v1/people:lookup; a query or fragment would be silently lost or mangled.
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`POPULATION_REGISTRY_URL không được có phần truy vấn (?) hay phân đoạn (#) (nhận được "${redact(raw)}")`, `POPULATION_REGISTRY_URL must not have a query or fragment (got "${redact(raw)}")`);
  }
  return { baseUrl: url.toString(), timeoutMs: timeout(env.POPULATION_REGISTRY_TIMEOUT_MS) };
}

function timeout(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 100 || value > 60_000) {
    throw new ConfigError(`POPULATION_REGISTRY_TIMEOUT_MS phải là số nguyên từ 100 đến 60000 (nhận được "${raw}")`, `POPULATION_REGISTRY_TIMEOUT_MS must be a whole number from 100 to 60000 (got "${raw}")`);
  }
  return value;
}

/** Credentials in the URL must not reach the logs through an error message. */
function redact(raw: string): string {
  return raw.replace(/\/\/[^/@]*@/, '//***@');
}
