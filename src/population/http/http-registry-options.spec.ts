import { ConfigError } from '../../config/app-config';
import { httpRegistryOptionsFromEnv } from './http-registry-options';

describe('httpRegistryOptionsFromEnv', () => {
  it('is off when no registry URL is set', () => {
    expect(httpRegistryOptionsFromEnv({})).toBeUndefined();
    expect(httpRegistryOptionsFromEnv({ POPULATION_REGISTRY_URL: '' })).toBeUndefined();
  });

  it('reads the URL and a 3 s default timeout', () => {
    expect(httpRegistryOptionsFromEnv({ POPULATION_REGISTRY_URL: 'https://registry.example.vn/api' })).toEqual({
      baseUrl: 'https://registry.example.vn/api',
      timeoutMs: 3000,
    });
  });

  it('reads the timeout', () => {
    expect(httpRegistryOptionsFromEnv({ POPULATION_REGISTRY_URL: 'http://127.0.0.1:8080', POPULATION_REGISTRY_TIMEOUT_MS: '1500' }))
      .toEqual({ baseUrl: 'http://127.0.0.1:8080/', timeoutMs: 1500 });
  });

  it.each([
    [{ POPULATION_REGISTRY_URL: 'not a url' }, /^POPULATION_REGISTRY_URL is not a valid URL \(got "not a url"\)$/],
    [{ POPULATION_REGISTRY_URL: 'ftp://registry' }, /^POPULATION_REGISTRY_URL must start with http:\/\/ or https:\/\//],
    [{ POPULATION_REGISTRY_URL: 'https://registry/?key=1' }, /^POPULATION_REGISTRY_URL must not have a query or fragment/],
    [{ POPULATION_REGISTRY_URL: 'http://r', POPULATION_REGISTRY_TIMEOUT_MS: 'soon' }, /^POPULATION_REGISTRY_TIMEOUT_MS must be a whole number from 100 to 60000 \(got "soon"\)$/],
    [{ POPULATION_REGISTRY_URL: 'http://r', POPULATION_REGISTRY_TIMEOUT_MS: '50' }, /^POPULATION_REGISTRY_TIMEOUT_MS must be/],
    [{ POPULATION_REGISTRY_TIMEOUT_MS: '1000' }, /^POPULATION_REGISTRY_TIMEOUT_MS is set but POPULATION_REGISTRY_URL is not$/],
  ])('refuses %j with one line naming the setting', (env, message) => {
    expect(() => httpRegistryOptionsFromEnv(env)).toThrow(ConfigError);
    expect(() => httpRegistryOptionsFromEnv(env)).toThrow(message);
  });

  it('does not echo credentials of a bad URL', () => {
    expect(() => httpRegistryOptionsFromEnv({ POPULATION_REGISTRY_URL: 'ftp://user:secret@registry' })).toThrow(/ftp:\/\/\*\*\*@registry/);
  });
});
