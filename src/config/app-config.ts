import { httpRegistryOptionsFromEnv, type RegistryServiceSettings } from '../population/http/http-registry-options';
import { DEFAULT_MAX_RESIDENT_ROWS } from '../shared/projection-memory';
import { ConfigError } from './config-error';

export { ConfigError };

export const APP_CONFIG = Symbol('AppConfig');

export interface AppConfig {
  port: number;
  host: string;
  /** Set by the operator, or by start-up once the embedded PostgreSQL runs. */
  databaseUrl?: string;
  dataDir: string;
  /** EMBEDDED_PG_PORT; unset, the embedded PostgreSQL takes a free port and records it in DATA_DIR. */
  embeddedPostgresPort?: number;
  eventStore: 'postgres' | 'esdb';
  eventStoreConnectionString?: string;
  /** Unset: a secret generated once into DATA_DIR (see jwt-secret.ts). */
  jwtSecret?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  maxEventBytes: number;
  /**
   * `live`: the service tails the log into the read models and detectors from start-up;
   * `off`: nothing runs by itself (tests, or a node that only serves reads while another projects).
   */
  projections: 'live' | 'off';
  /**
   * PROJECTION_MAX_ROWS: read-model rows (files, people, units, claims, police checks) the ledger
   * projection keeps in memory; past it, it drops them and reads back what each batch needs.
   */
  projectionMaxRows: number;
  /** Tamper evidence (API.md): a signed checkpoint every `every` events or `seconds` when there are new events. */
  checkpoints: CheckpointSettings;
  /** POPULATION_REGISTRY_URL (and _TIMEOUT_MS): the registry service; unset, checks use imported extracts. */
  populationRegistry?: RegistryServiceSettings;
}

export interface CheckpointSettings {
  every: number;
  seconds: number;
  /** CHECKPOINT_ORIGIN: the first line of every note, naming this log (C2SP tlog-checkpoint). */
  origin: string;
  /** CHECKPOINT_SIGNING_KEY (PKCS#8 PEM); unset: a key generated once into DATA_DIR (signing-keys.ts). */
  signingKeyPem?: string;
  /** WITNESS_PUBLIC_KEYS: the PEM public keys whose cosignatures are accepted. */
  witnessPublicKeyPems: string[];
}

type Env = Record<string, string | undefined>;

/** Reads and checks every setting at start, so a bad value stops the service before it serves. */
export function loadConfig(env: Env = process.env): AppConfig {
  const eventStore = oneOf(env, 'EVENT_STORE', ['postgres', 'esdb'] as const, 'postgres');
  const eventStoreConnectionString = url(env, 'EVENTSTORE_CONNECTION_STRING', ['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:']);
  if (eventStore === 'esdb' && !eventStoreConnectionString) {
    throw new ConfigError(
      'EVENT_STORE=esdb cần EVENTSTORE_CONNECTION_STRING (ví dụ esdb://localhost:2113?tls=false)',
      'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb (e.g. esdb://localhost:2113?tls=false)',
    );
  }
  const jwtSecret = env.JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET phải dài ít nhất 32 ký tự', 'JWT_SECRET must be at least 32 characters long');
  }
  return {
    port: integer(env, 'PORT', 3000, 1, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: env.DATA_DIR && env.DATA_DIR.trim() !== '' ? env.DATA_DIR : './data',
    embeddedPostgresPort: optionalInteger(env, 'EMBEDDED_PG_PORT', 1, 65535),
    eventStore,
    eventStoreConnectionString,
    jwtSecret,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    maxEventBytes: integer(env, 'MAX_EVENT_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
    projections: oneOf(env, 'PROJECTIONS', ['live', 'off'] as const, 'live'),
    projectionMaxRows: integer(env, 'PROJECTION_MAX_ROWS', DEFAULT_MAX_RESIDENT_ROWS, 1000, 100_000_000),
    checkpoints: {
      every: integer(env, 'CHECKPOINT_EVERY', 1000, 1, 100_000_000),
      seconds: integer(env, 'CHECKPOINT_SECONDS', 60, 1, 86_400),
      origin: env.CHECKPOINT_ORIGIN && env.CHECKPOINT_ORIGIN.trim() !== '' ? env.CHECKPOINT_ORIGIN.trim() : 'noxh-ledger',
      signingKeyPem: pem(env, 'CHECKPOINT_SIGNING_KEY', 'PRIVATE KEY')[0],
      witnessPublicKeyPems: pem(env, 'WITNESS_PUBLIC_KEYS', 'PUBLIC KEY'),
    },
    populationRegistry: httpRegistryOptionsFromEnv(env),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} phải là số nguyên từ ${min} đến ${max} (nhận được "${raw}")`, `${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function optionalInteger(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : integer(env, name, min, min, max);
}

/** PEM blocks of one kind; an environment may carry the newlines as literal "\\n". */
function pem(env: Env, name: string, label: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  const text = raw.replace(/\\n/g, '\n');
  const blocks = text.match(new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`, 'g')) ?? [];
  if (blocks.length === 0) throw new ConfigError(`${name} phải chứa khóa PEM (-----BEGIN ${label}-----)`, `${name} must hold PEM (-----BEGIN ${label}-----)`);
  return blocks.map((b) => `${b}\n`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} phải là một trong ${allowed.join(', ')} (nhận được "${raw}")`, `${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError(`${name} không phải URL hợp lệ (nhận được "${redact(raw)}")`, `${name} is not a valid URL (got "${redact(raw)}")`);
  }
  if (!protocols.includes(protocol)) {
    const starts = protocols.map((p) => `${p}//`);
    throw new ConfigError(`${name} phải bắt đầu bằng ${starts.join(' hoặc ')} (nhận được "${redact(raw)}")`, `${name} must start with ${starts.join(' or ')} (got "${redact(raw)}")`);
  }
  return raw;
}

/** Never print a password from a connection string. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
