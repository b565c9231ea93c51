import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      dataDir: './data',
      eventStore: 'postgres',
      databaseUrl: undefined,
      logLevel: 'info',
      maxEventBytes: 1024 * 1024,
      projections: 'live',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 1 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be/],
    [{ EVENT_STORE: 'mongo' }, /^EVENT_STORE must be one of postgres, esdb \(got "mongo"\)$/],
    [{ EVENT_STORE: 'esdb' }, /^EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL is not a valid URL/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET must be at least 32 characters long$/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ PROJECTIONS: 'sometimes' }, /^PROJECTIONS must be one of live, off \(got "sometimes"\)$/],
    [{ PROJECTION_MAX_ROWS: '10' }, /^PROJECTION_MAX_ROWS must be a whole number from 1000 to 100000000 \(got "10"\)$/],
  ])('refuses %j with one line naming the setting, in Vietnamese and in English', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    const name = Object.keys(env)[0];
    expect(viOf(() => loadConfig(env))).toMatch(new RegExp(`^${name}[ =].*(phải|không|cần)`));
  });

  it('never echoes a password from a bad connection string', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/noxh' })).toThrow(/admin:\*\*\*@db/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/noxh' })).not.toThrow(/hunter2/);
    expect(viOf(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/noxh' }))).toMatch(/admin:\*\*\*@db/);
  });

  it('accepts an EventStoreDB backend with its connection string', () => {
    const config = loadConfig({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' });
    expect(config).toMatchObject({ eventStore: 'esdb', eventStoreConnectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('lets projections be switched off (tests catch up explicitly; a read-only node leaves them to another)', () => {
    expect(loadConfig({ PROJECTIONS: 'off' }).projections).toBe('off');
  });
});

/** The Vietnamese line of the ConfigError `load` throws. */
function viOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.vi;
  }
  throw new Error('expected a ConfigError');
}
