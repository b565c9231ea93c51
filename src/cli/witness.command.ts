import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { keyIdOf, parseNote, signNote } from '../audit/checkpoints/checkpoint-note';
import type { SignedCheckpoint } from '../audit/checkpoints/checkpoint';
import { verifyConsistency } from '../audit/merkle/proof-verification';
import { checkpointFromFile } from './checkpoint-file';
import { CliFailure } from './cli-failure';
import { fail } from './ledger-context';
import { CommandGroup } from './command-group';

interface CosignOptions {
  key?: string;
  state?: string;
  url: string;
  token?: string;
}

/** The witness's state file: the last checkpoint it cosigned (`noxh verify --against` reads it too). */
interface WitnessState {
  checkpoint: SignedCheckpoint;
}

/**
 * No file yet: this witness has cosigned nothing. A file that holds no checkpoint is refused: taken
 * for an empty state, the next checkpoint would be cosigned unchecked and the file overwritten.
 */
async function readState(file: string): Promise<WitnessState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { checkpoint: checkpointFromFile(text, file) };
}

/** The witness's Ed25519 private key; a file that is not one is named as such, not as OpenSSL's decoder error. */
async function readWitnessKey(file: string): Promise<KeyObject> {
  const pem = await readFile(file, 'utf8');
  let key: KeyObject | undefined;
  try {
    key = createPrivateKey(pem);
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== 'ed25519') throw new CliFailure(`${file} không phải khóa bí mật Ed25519 (PEM), ví dụ khóa tạo bằng openssl genpkey -algorithm ed25519`);
  return key;
}

/**
 * `noxh witness cosign --key FILE [--state FILE] [--url URL] [--token JWT]` (the inspectorate's
 * witness): fetches the latest checkpoint, checks it is consistent with the last one this witness
 * cosigned (a consistency proof from the service, verified here), and only then signs its note
 * with the witness's Ed25519 key and posts the cosignature. A fork (another root for the same
 * size, a smaller tree, or a failing consistency proof) is refused loudly, exit 1, nothing signed.
 */
@SubCommand({ name: 'cosign', description: 'Đồng ký điểm kiểm tra (checkpoint) mới nhất của sổ cái sau khi kiểm tra nó không rẽ nhánh so với điểm kiểm tra đã đồng ký lần trước (cosign)' })
export class WitnessCosignCommand extends CommandRunner {
  async run(_: string[], options: CosignOptions): Promise<void> {
    if (!options.key) {
      fail('cần --key FILE (khóa bí mật Ed25519 của bên chứng kiến, PEM)');
      return;
    }
    const token = options.token ?? process.env.NOXH_TOKEN;
    if (!token) {
      fail('cần token của thanh tra để gửi chữ ký đồng xác nhận: --token hoặc NOXH_TOKEN');
      return;
    }
    const privateKey = await readWitnessKey(options.key);
    const keyId = keyIdOf(createPublicKey(privateKey));
    const stateFile = options.state ?? 'witness-state.json';
    // Read before the service is asked anything: a state file that is not one stops the run here.
    const previous = (await readState(stateFile))?.checkpoint;
    const base = options.url.replace(/\/+$/, '');
    const get = async (path: string, auth = false): Promise<unknown> => {
      const res = await fetch(`${base}/api/v1${path}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new CliFailure(`dịch vụ trả lời ${res.status} cho GET ${path}: ${await res.text()}`);
      return res.json();
    };
    const latest = (await get('/audit/checkpoints/latest')) as SignedCheckpoint;
    const note = parseNote(latest.note);
    if (!note || note.treeSize !== latest.treeSize || note.rootHash.toString('hex') !== latest.rootHash) {
      fail(`RẼ NHÁNH (FORK)? điểm kiểm tra kích thước ${latest.treeSize} không khớp với ghi chú (note) của chính nó; không đồng ký`);
      return;
    }
    if (previous) {
      const problem = await forkProblem(previous, latest, (from, to) => get(`/audit/proofs/consistency?from=${from}&to=${to}`, true) as Promise<{ proof: string[] }>);
      if (problem) {
        process.stderr.write(
          `\n!!! PHÁT HIỆN RẼ NHÁNH (FORK DETECTED): ${problem}\n` +
            `!!! đã đồng ký lần trước: kích thước ${previous.treeSize} gốc ${previous.rootHash}\n` +
            `!!! được đưa ra:          kích thước ${latest.treeSize} gốc ${latest.rootHash}\n` +
            '!!! Chưa ký gì. Hãy báo ngay cho cơ quan thanh tra.\n\n',
        );
        fail('từ chối đồng ký một điểm kiểm tra rẽ nhánh so với điểm kiểm tra đã đồng ký lần trước');
        return;
      }
    }
    const signature = signNote(latest.note, privateKey);
    const res = await fetch(`${base}/api/v1/audit/checkpoints/${latest.treeSize}/cosignatures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ keyId, signature }),
    });
    if (!res.ok) {
      fail(`dịch vụ từ chối chữ ký đồng xác nhận: ${res.status} ${await res.text()}`);
      return;
    }
    const state: WitnessState = { checkpoint: { ...latest, cosignatures: [] } };
    await writeFile(`${stateFile}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    await rename(`${stateFile}.tmp`, stateFile);
    process.stdout.write(`ok: đã đồng ký điểm kiểm tra kích thước ${String(latest.treeSize)} gốc ${latest.rootHash} với tư cách bên chứng kiến ${keyId}\n`);
  }

  @Option({ flags: '--key <file>', description: 'khóa bí mật Ed25519 của bên chứng kiến (PEM); khóa công khai tương ứng phải có trong WITNESS_PUBLIC_KEYS của dịch vụ' })
  parseKey(value: string): string {
    return value;
  }

  @Option({ flags: '--state <file>', description: 'điểm kiểm tra bên chứng kiến này đã đồng ký lần cuối (mặc định: witness-state.json)' })
  parseState(value: string): string {
    return value;
  }

  @Option({ flags: '--url <url>', description: 'địa chỉ dịch vụ', defaultValue: 'http://localhost:3000' })
  parseUrl(value: string): string {
    return value;
  }

  @Option({ flags: '--token <jwt>', description: 'token của thanh tra (mặc định: NOXH_TOKEN)' })
  parseToken(value: string): string {
    return value;
  }
}

/** Why `latest` cannot extend `previous`, or undefined when it does. */
async function forkProblem(previous: SignedCheckpoint, latest: SignedCheckpoint, consistency: (from: number, to: number) => Promise<{ proof: string[] }>): Promise<string | undefined> {
  if (latest.treeSize < previous.treeSize) return `cây thu nhỏ từ ${previous.treeSize} xuống ${latest.treeSize} lá (sổ cái bị quay lui)`;
  if (latest.treeSize === previous.treeSize) {
    return latest.rootHash === previous.rootHash ? undefined : `hai gốc khác nhau cho cùng kích thước cây ${latest.treeSize}`;
  }
  const { proof } = await consistency(previous.treeSize, latest.treeSize);
  const ok = verifyConsistency(previous.treeSize, latest.treeSize, Buffer.from(previous.rootHash, 'hex'), Buffer.from(latest.rootHash, 'hex'), proof.map((h) => Buffer.from(h, 'hex')));
  return ok ? undefined : `bằng chứng nhất quán (consistency proof) từ kích thước ${previous.treeSize} tới ${latest.treeSize} không hợp lệ`;
}

@Command({ name: 'witness', description: 'Bên chứng kiến của thanh tra: đồng ký điểm kiểm tra, từ chối khi rẽ nhánh (witness)', subCommands: [WitnessCosignCommand] })
export class WitnessCommand extends CommandGroup {}
