import { expect } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerHarness } from '../support/ledger-harness';
import { assertCliBuilt, type CliResult, runCli } from '../support/built-cli';

/** One line, `noxh: …`, exit 1: what an operator reads when a command fails, never a stack trace. */
function expectOneLine(result: CliResult, line: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^noxh: [^\n]*\n$/);
  expect(result.stderr).toMatch(line);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** A local port that was free a moment ago: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The built CLI as an operator runs it (build dist/ first when running this file alone: npx tsc -p tsconfig.json). */
describe('noxh failures: one Vietnamese line, exit 1', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const noxh = (...args: string[]) => runCli(env, ...args);
  const file = (name: string) => join(dataDir, name);
  const publicKeyFile = () => file('pk.json');

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-cli-failures-'));
    // No database: every case here fails before the command would open one.
    env = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://nowhere.invalid:1/none', LOG_LEVEL: 'silent' };
    const { publicKey } = generateKeyPairSync('ed25519');
    await writeFile(publicKeyFile(), JSON.stringify({ keyId: '0123456789abcdef', publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() }, null, 2));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  describe('a file that cannot be read is named, with the reason in Vietnamese', () => {
    it('verify --against a missing file', async () => {
      expectOneLine(await noxh('verify', '--against', file('missing.json')), new RegExp(`^noxh: tệp ${file('missing.json')}: không có tệp hoặc thư mục này \\(ENOENT\\)\\n$`));
    });

    it('witness cosign --key a missing file', async () => {
      const result = await runCli({ ...env, NOXH_TOKEN: 'token' }, 'witness', 'cosign', '--key', file('missing.pem'), '--url', 'http://127.0.0.1:9');
      expectOneLine(result, new RegExp(`^noxh: tệp ${file('missing.pem')}: không có tệp hoặc thư mục này \\(ENOENT\\)\\n$`));
    });

    it('witness cosign --key a file that is not an Ed25519 private key', async () => {
      const result = await runCli({ ...env, NOXH_TOKEN: 'token' }, 'witness', 'cosign', '--key', publicKeyFile(), '--url', 'http://127.0.0.1:9');
      expectOneLine(result, /^noxh: \S+pk\.json không phải khóa bí mật Ed25519 \(PEM\)/);
    });

    it('witness cosign against a service that is not there names the host', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      await writeFile(file('witness.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      // A port nothing listens on (fetch refuses port 9 itself, as a "bad port", before connecting).
      const port = await closedPort();
      const result = await runCli({ ...env, NOXH_TOKEN: 'token' }, 'witness', 'cosign', '--key', file('witness.pem'), '--state', file('state.json'), '--url', `http://127.0.0.1:${port}`);
      expectOneLine(result, new RegExp(`^noxh: không kết nối được tới 127\\.0\\.0\\.1:${port}: bị từ chối kết nối \\(ECONNREFUSED\\)\\n$`));
    });

    it('a database that cannot be reached', async () => {
      expectOneLine(await noxh('registry', 'list'), /^noxh: không kết nối được tới nowhere\.invalid: (không tìm thấy tên máy \(ENOTFOUND\)|tạm thời không tra được tên máy \(EAI_AGAIN\))\n$/);
    });
  });

  describe('a file of another kind is told apart from an altered one', () => {
    it('verify --against a public key file: not a checkpoint (not "altered")', async () => {
      const result = await noxh('verify', '--against', publicKeyFile());
      expect(result.stdout).toBe('');
      expectOneLine(result, /^noxh: \S+pk\.json không phải điểm kiểm tra \(checkpoint\) đã lưu từ GET \/audit\/checkpoints\/… hay tệp trạng thái của bên chứng kiến: thiếu trường origin, treeSize, rootHash, note, signature\n$/);
    });

    it('verify --against a file that is not JSON', async () => {
      await writeFile(file('notes.txt'), 'not json');
      expectOneLine(await noxh('verify', '--against', file('notes.txt')), /^noxh: \S+notes\.txt không phải điểm kiểm tra \(checkpoint\) .*: tệp không phải JSON\n$/);
    });

    it('witness cosign --state a file that holds no checkpoint: refused, and the file left as it was', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      await writeFile(file('witness.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      const before = await readFile(publicKeyFile(), 'utf8');
      const result = await runCli({ ...env, NOXH_TOKEN: 'token' }, 'witness', 'cosign', '--key', file('witness.pem'), '--state', publicKeyFile(), '--url', 'http://127.0.0.1:9');
      // Refused before the service is asked (there is none at that address).
      expectOneLine(result, /^noxh: \S+pk\.json không phải điểm kiểm tra \(checkpoint\) .*: thiếu trường origin/);
      expect(await readFile(publicKeyFile(), 'utf8')).toBe(before);
    });

    it('evidence verify a published lottery: not a bundle (not "tệp đã bị sửa")', async () => {
      const lottery = file('lottery.json');
      await writeFile(lottery, JSON.stringify({ lotteryId: 'lot-1', projectId: 'hp-1', commitment: 'ab'.repeat(32), entrantsHash: 'cd'.repeat(32), entrants: [] }, null, 2));
      const result = await noxh('evidence', 'verify', lottery);
      expect(result.stdout).toBe('');
      expectOneLine(result, /^noxh: \S+lottery\.json không phải gói bằng chứng \(evidence bundle\) do noxh evidence export hay GET \/findings\/:id\/evidence-bundle ghi ra: không có trường format "noxh-evidence-bundle\/1"/);
    });

    it('evidence verify an empty object: not a bundle', async () => {
      await writeFile(file('empty.json'), '{}\n');
      expectOneLine(await noxh('evidence', 'verify', file('empty.json')), /không phải gói bằng chứng \(evidence bundle\)/);
    });
  });

  describe('a command group run without its subcommand is a usage error', () => {
    it.each([[[]], [['registry']], [['keys']], [['evidence']]])('noxh %j: the help on stderr, nothing on stdout, exit 1', async (args: string[]) => {
      const result = await noxh(...args);
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(/^Cách dùng: /);
      expect(result.stderr).toContain('\nLệnh:\n');
    });

    it('a mistyped subcommand is named, exit 1', async () => {
      expect(await noxh('registry', 'lsit')).toMatchObject({ code: 1, stdout: '', stderr: "lỗi: không có lệnh 'registry lsit'\n" });
      // At the top level too, and said once.
      expect(await noxh('bogus-command')).toMatchObject({ code: 1, stdout: '', stderr: "lỗi: không có lệnh 'bogus-command'\n" });
    });

    it.each([[['--help']], [['help']], [['registry', '--help']], [['help', 'keys']]])('noxh %j: the help asked for, on stdout, exit 0', async (args: string[]) => {
      const result = await noxh(...args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Cách dùng: /);
    });
  });
});

/** The ledger's coded refusals, met by a command with database access, in the board's Vietnamese. */
describe('noxh failures of commands that read the ledger', () => {
  let h: LedgerHarness;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const noxh = (...args: string[]) => runCli(env, ...args);

  beforeAll(async () => {
    assertCliBuilt();
    h = await LedgerHarness.start();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-cli-failures-'));
    env = { ...process.env, DATABASE_URL: h.db.url, DATA_DIR: dataDir, EVENT_STORE: 'postgres', LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await h.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('public-list verify an unknown project: PROJECT_NOT_FOUND in Vietnamese', async () => {
    expectOneLine(await noxh('public-list', 'verify', 'nope'), /^noxh: PROJECT_NOT_FOUND: Không tìm thấy dự án \(Project nope is not registered\)\n$/);
  });

  it('evidence export an unknown finding: FINDING_NOT_FOUND in Vietnamese', async () => {
    expectOneLine(await noxh('evidence', 'export', 'no-such', '--out', join(dataDir, 'x.json')), /^noxh: FINDING_NOT_FOUND: Không tìm thấy phát hiện \(No finding no-such\)\n$/);
  });

  it('public-list verify --file a file that is not a published list', async () => {
    await writeFile(join(dataDir, 'list.json'), '{"hello": 1}');
    expectOneLine(await noxh('public-list', 'verify', 'nope', '--file', join(dataDir, 'list.json')), /^noxh: \S+list\.json không phải danh sách người được hưởng đã công bố/);
  });
});
