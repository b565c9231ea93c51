import { STATUS_CODES } from 'node:http';
import request from 'supertest';
import type { Role } from '../../src/shared/actor';
import { applicationBody, child, decisionBody } from '../support/application-requests';
import { eventCount } from '../support/board-api';
import { seedApplication, seedProject } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorOf } from '../support/response-body';

/**
 * Every POST endpoint the service documents, sent every malformed request we can think of, each as
 * one change to a body that passes validation (so the change is what is refused). Every answer
 * must be 400, 413 or 415 in the API.md error shape, given before any handler ran, and not one
 * event written.
 */

interface Route {
  path: string;
  role: Role;
  /** A body that passes validation (checked last, in its own test). */
  body: Record<string, unknown>;
}

const decision = { decisionNo: '1532/QĐ-SXD', decidedBy: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng', decidedAt: '2026-06-01' };

/** Keyed as `POST <OpenAPI path>`; every documented POST must be here, so a new endpoint gets these checks too. */
const ROUTES: Record<string, Route> = {
  'POST /api/v1/projects': {
    path: '/api/v1/projects',
    role: 'board',
    body: { id: 'hp-new', name: 'Nhà ở xã hội Tràng Cát', provinceCode: '31', investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 20_000, plannedUnits: 500 },
  },
  'POST /api/v1/projects/{id}/units': {
    path: '/api/v1/projects/hp-m/units',
    role: 'board',
    body: { units: [{ unitNo: 'B-1', floorAreaM2: 56, tenure: 'sale', priceVnd: 1_150_000_000 }] },
  },
  'POST /api/v1/applications': { path: '/api/v1/applications', role: 'board', body: applicationBody('hp-m', { id: 'app-new', household: [child] }) },
  'POST /api/v1/applications/{id}/withdrawal': { path: '/api/v1/applications/app-m/withdrawal', role: 'board', body: { reason: 'Người đứng đơn xin rút hồ sơ' } },
  'POST /api/v1/applications/{id}/eligibility-decisions': {
    path: '/api/v1/applications/app-m/eligibility-decisions',
    role: 'board',
    body: decisionBody({ reasons: ['Thu nhập dưới mức trần'], justification: 'Xác nhận Mẫu 05' }),
  },
  'POST /api/v1/projects/{id}/priority-rankings': { path: '/api/v1/projects/hp-m/priority-rankings', role: 'board', body: { method: 'ballot', ranking: ['app-m'] } },
  'POST /api/v1/allocations': { path: '/api/v1/allocations', role: 'board', body: { applicationId: 'app-m', projectId: 'hp-m', unitNo: 'A-1', ...decision } },
  'POST /api/v1/allocations/{id}/revocation': {
    path: '/api/v1/allocations/hp-m.A-1.r1/revocation',
    role: 'board',
    body: { reason: 'Kê khai không trung thực', decisionNo: '1790/QĐ-SXD' },
  },
  'POST /api/v1/units/{projectId}/{unitNo}/handover': {
    path: '/api/v1/units/hp-m/A-1/handover',
    role: 'board',
    body: { handedOverAt: '2026-07-01', contractNo: 'HĐ-2026/0457', fullyPaidAt: '2026-07-01' },
  },
  'POST /api/v1/units/{projectId}/{unitNo}/transfers': {
    path: '/api/v1/units/hp-m/A-1/transfers',
    role: 'board',
    body: { transferredAt: '2026-09-01', toCitizenId: '031195000999', kind: 'resale', priceVnd: 1_900_000_000 },
  },
  'POST /api/v1/land-fund/obligations': {
    path: '/api/v1/land-fund/obligations',
    role: 'board',
    body: { commercialProjectId: 'hp-marina', name: 'Vinhomes Marina', provinceCode: '31', residentialLandAreaM2: 120_000, requiredShare: 0.2, dueDate: '2027-12-31' },
  },
  'POST /api/v1/land-fund/obligations/{id}/handovers': {
    path: '/api/v1/land-fund/obligations/hp-marina/handovers',
    role: 'board',
    body: { form: 'land', areaM2: 24_000, parcel: 'Thửa 125, tờ bản đồ số 12', handedOverAt: '2026-05-01' },
  },
  'POST /api/v1/programmes/{provinceCode}/targets': { path: '/api/v1/programmes/31/targets', role: 'board', body: { period: '2026-2030', units: 15_400 } },
  'POST /api/v1/population/checks': { path: '/api/v1/population/checks', role: 'police', body: { applicationIds: ['app-m'] } },
  'POST /api/v1/projects/{id}/lotteries': {
    path: '/api/v1/projects/hp-m/lotteries',
    role: 'board',
    body: { units: 2, commitment: 'a'.repeat(64), beaconSource: 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20' },
  },
  'POST /api/v1/lotteries/{id}/draw': { path: '/api/v1/lotteries/hp-m.1/draw', role: 'board', body: { seed: 'b'.repeat(64), beacon: '58213' } },
  'POST /api/v1/audit/checkpoints/{treeSize}/cosignatures': {
    path: '/api/v1/audit/checkpoints/1/cosignatures',
    role: 'inspector',
    body: { keyId: '0123456789abcdef', signature: `${'A'.repeat(86)}==` },
  },
  'POST /api/v1/findings/{id}/review': {
    path: '/api/v1/findings/duplicate-applicant-3f2a9c0d1e4b5a6c7d8e/review',
    role: 'inspector',
    body: { verdict: 'dismissed', note: 'Đã đối chiếu hồ sơ gốc' },
  },
};

/** The part of an OpenAPI schema the variants need. */
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

/**
 * Documented POSTs that take a file upload (multipart/form-data), not JSON: the JSON fuzzing above
 * does not apply to them. They are listed, not skipped silently: each must answer 415 to any JSON
 * body, before any handler ran (json-bodies-only.ts), and write nothing.
 */
const MULTIPART_ROUTES: Record<string, Pick<Route, 'path' | 'role'>> = {
  'POST /api/v1/projects/{id}/applications/import': { path: '/api/v1/projects/any-project/applications/import', role: 'board' },
};

interface OpenApi {
  paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: Schema }> } } }>;
  components: { schemas: Record<string, Schema> };
}

/** How a request is sent: a JSON value, or raw bytes with a content type. */
type Sent = { json: unknown } | { raw: string; type?: string };

const LONG = 'x'.repeat(100_000);

/** Wrong shapes and bad text for one value of `schema`, each with the path it changes; recurses into objects and list items. */
function variants(docs: OpenApi, schema: Schema, value: unknown, path: string): [string, unknown][] {
  const s = resolve(docs, schema);
  const at = (label: string) => `${path || 'body'} ${label}`;
  const kind = s.type ?? (s.properties ? 'object' : 'unknown');
  switch (kind) {
    case 'object': {
      const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const inner = Object.entries(s.properties ?? {}).flatMap(([key, property]) =>
        variants(docs, property, object[key], path ? `${path}.${key}` : key).map(([label, v]): [string, unknown] => [label, { ...object, [key]: v }]),
      );
      return [
        [at('as an array'), []],
        [at('inside an array'), [object]],
        [at('as a string'), 'x'],
        [at('with an unknown field'), { ...object, unexpected: 1 }],
        ...inner,
      ];
    }
    case 'array': {
      const first: unknown = Array.isArray(value) ? value[0] : undefined;
      const items = s.items ? variants(docs, s.items, first, `${path}[0]`).map(([label, v]): [string, unknown] => [label, [v]]) : [];
      return [[at('as an object'), {}], [at('as a string'), 'x'], [at('nested in an array'), [value ?? []]], ...items];
    }
    case 'string':
      return [
        [at('with a NUL'), 'a\u0000b'],
        [at('with a lone surrogate'), 'a\ud800b'],
        [at('of 100 kB'), LONG],
        [at('as an array'), [value ?? 'x']],
      ];
    case 'integer':
    case 'number':
      return [[at('as a string'), '1'], [at('as an object'), {}]];
    case 'boolean':
      return [[at('as a string'), 'true'], [at('as an object'), {}]];
    default:
      throw new Error(`${path}: no variants for schema ${JSON.stringify(s)}`);
  }
}

function resolve(docs: OpenApi, schema: Schema): Schema {
  if (schema.$ref) return resolve(docs, docs.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return resolve(docs, schema.allOf[0]);
  return schema;
}

/** Requests every endpoint must refuse whatever its DTO says. */
function wholeBodyCases(route: Route): [string, Sent][] {
  return [
    ['no body at all', { raw: '' }],
    ['an empty JSON body', { raw: '', type: 'application/json' }],
    ['null', { raw: 'null', type: 'application/json' }],
    ['malformed JSON', { raw: '{"a":', type: 'application/json' }],
    ['a JSON string', { raw: '"x"', type: 'application/json' }],
    ['a JSON number', { raw: '42', type: 'application/json' }],
    ['true', { raw: 'true', type: 'application/json' }],
    ['a property name with a NUL', { json: { ...route.body, ['a\u0000b']: 1 } }],
    ['a 3 MB body', { json: { ...route.body, blob: 'x'.repeat(3 * 1024 * 1024) } }],
    ['the valid body as text/plain', { raw: JSON.stringify(route.body), type: 'text/plain' }],
    ['the valid body form-encoded', { raw: 'reason=x', type: 'application/x-www-form-urlencoded' }],
  ];
}

describe('malformed requests: every POST endpoint answers 400, 413 or 415 in the API.md shape and writes nothing', () => {
  let t: TestApp;
  let docs: OpenApi;
  const answers: { route: string; label: string; status: number; body: unknown }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedProject(t, 'hp-m', '31', [{ unitNo: 'A-1' }]);
    await seedApplication(t, { applicationId: 'app-m', projectId: 'hp-m', citizenId: '031190400001', province: '31' });
    docs = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => t.close());

  const tokens = new Map<Role, { Authorization: string }>();
  const send = (route: Route, sent: Sent) => {
    const auth = tokens.get(route.role) ?? t.auth({ role: route.role, province: '31' });
    tokens.set(route.role, auth);
    const req = request(t.app.getHttpServer()).post(route.path).set(auth);
    if ('json' in sent) return req.set('Content-Type', 'application/json').send(JSON.stringify(sent.json));
    return sent.type ? req.set('Content-Type', sent.type).send(sent.raw) : req;
  };

  it('has a valid body for every documented POST endpoint, and no other', () => {
    const documented = Object.entries(docs.paths)
      .filter(([, operations]) => operations.post)
      .map(([path]) => `POST ${path}`);
    expect(documented.sort()).toEqual([...Object.keys(ROUTES), ...Object.keys(MULTIPART_ROUTES)].sort());
  });

  it('answers 415 to JSON sent to an upload endpoint, writing nothing', async () => {
    const before = await eventCount(t);
    for (const [name, route] of Object.entries(MULTIPART_ROUTES)) {
      for (const json of [{}, { file: 'HS-01;031190001234' }, null, [], 'text']) {
        const res = await send({ ...route, body: {} }, { json });
        expect({ name, json, status: res.status, code: errorOf(res).code }).toEqual({ name, json, status: 415, code: undefined });
      }
    }
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses every malformed request, writing nothing', async () => {
    const before = await eventCount(t);
    for (const [name, route] of Object.entries(ROUTES)) {
      const schema = docs.paths[name.replace('POST ', '')].post?.requestBody?.content['application/json'].schema;
      if (!schema) throw new Error(`${name} documents no JSON body`);
      const cases: [string, Sent][] = [
        ...wholeBodyCases(route),
        ...variants(docs, schema, route.body, '').map(([label, json]): [string, Sent] => [label, { json }]),
      ];
      for (const [label, sent] of cases) {
        const res = await send(route, sent);
        answers.push({ route: name, label, status: res.status, body: res.body });
      }
      expect({ name, events: await eventCount(t) }).toEqual({ name, events: before });
    }
    const wrong = answers.filter(
      ({ status, body }) =>
        ![400, 413, 415].includes(status) ||
        !(typeof body === 'object' && body !== null && 'message' in body) ||
        !Array.isArray(body.message) ||
        body.message.length === 0 ||
        !body.message.every((line: unknown) => typeof line === 'string') ||
        // The English beside the Vietnamese, when there is one, is line for line.
        ('messageEn' in body && (!Array.isArray(body.messageEn) || body.messageEn.length !== body.message.length)) ||
        !('statusCode' in body && body.statusCode === status) ||
        !('error' in body && body.error === STATUS_CODES[status]) ||
        // A `code` means a handler ran and the ledger itself refused (e.g. the event store's
        // INVALID_EVENT): the request got past validation, which is the bug this test looks for.
        'code' in body,
    );
    expect(wrong).toEqual([]);
    expect(answers.length).toBeGreaterThan(400);
  });

  it('answers the HTTP layer’s refusals with their own status', () => {
    const statusOf = (label: string) => new Set(answers.filter((a) => a.label === label).map((a) => a.status));
    expect(statusOf('malformed JSON')).toEqual(new Set([400]));
    expect(statusOf('null')).toEqual(new Set([400]));
    expect(statusOf('a 3 MB body')).toEqual(new Set([413]));
    expect(statusOf('the valid body as text/plain')).toEqual(new Set([415]));
    expect(statusOf('the valid body form-encoded')).toEqual(new Set([415]));
  });

  // Last: these may write. They show each variant above changed a valid body, so its 400 is the change's.
  it('takes each valid body past validation', async () => {
    for (const [name, route] of Object.entries(ROUTES)) {
      const res = await send(route, { json: route.body });
      const validationRefusal = res.status === 400 && !('code' in res.body);
      expect({ name, status: res.status, refused: validationRefusal ? errorOf(res).message : undefined }).toEqual({ name, status: res.status, refused: undefined });
    }
  });
});
