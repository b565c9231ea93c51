import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { keyIdOf, parseNote, signNote } from '../audit/checkpoints/checkpoint-note';
import type { SignedCheckpoint } from '../audit/checkpoints/checkpoint';
import { verifyConsistency } from '../audit/merkle/proof-verification';
import { fail } from './ledger-context';

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

async function readState(file: string): Promise<WitnessState | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as WitnessState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `noxh witness cosign --key FILE [--state FILE] [--url URL] [--token JWT]` (the inspectorate's
 * witness): fetches the latest checkpoint, checks it is consistent with the last one this witness
 * cosigned (a consistency proof from the service, verified here), and only then signs its note
 * with the witness's Ed25519 key and posts the cosignature. A fork (another root for the same
 * size, a smaller tree, or a failing consistency proof) is refused loudly, exit 1, nothing signed.
 */
@SubCommand({ name: 'cosign', description: 'Cosign the ledger’s latest checkpoint after checking it does not fork from the last one cosigned' })
export class WitnessCosignCommand extends CommandRunner {
  async run(_: string[], options: CosignOptions): Promise<void> {
    if (!options.key) {
      fail('--key FILE (the witness’s Ed25519 private key, PEM) is required');
      return;
    }
    const token = options.token ?? process.env.NOXH_TOKEN;
    if (!token) {
      fail('an inspector token is needed to post the cosignature: --token or NOXH_TOKEN');
      return;
    }
    const privateKey = createPrivateKey(await readFile(options.key, 'utf8'));
    const keyId = keyIdOf(createPublicKey(privateKey));
    const stateFile = options.state ?? 'witness-state.json';
    const base = options.url.replace(/\/+$/, '');
    const get = async (path: string, auth = false): Promise<unknown> => {
      const res = await fetch(`${base}/api/v1${path}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const latest = (await get('/audit/checkpoints/latest')) as SignedCheckpoint;
    const note = parseNote(latest.note);
    if (!note || note.treeSize !== latest.treeSize || note.rootHash.toString('hex') !== latest.rootHash) {
      fail(`FORK? the checkpoint of size ${latest.treeSize} does not match its own note; not cosigned`);
      return;
    }
    const previous = (await readState(stateFile))?.checkpoint;
    if (previous) {
      const problem = await forkProblem(previous, latest, (from, to) => get(`/audit/proofs/consistency?from=${from}&to=${to}`, true) as Promise<{ proof: string[] }>);
      if (problem) {
        process.stderr.write(`\n!!! FORK DETECTED: ${problem}\n!!! last cosigned: size ${previous.treeSize} root ${previous.rootHash}\n!!! offered:       size ${latest.treeSize} root ${latest.rootHash}\n!!! Nothing was signed. Report this to the inspectorate.\n\n`);
        fail('refused to cosign a checkpoint that forks from the last one cosigned');
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
      fail(`the service refused the cosignature: ${res.status} ${await res.text()}`);
      return;
    }
    const state: WitnessState = { checkpoint: { ...latest, cosignatures: [] } };
    await writeFile(`${stateFile}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    await rename(`${stateFile}.tmp`, stateFile);
    process.stdout.write(`ok: cosigned checkpoint size ${String(latest.treeSize)} root ${latest.rootHash} as witness ${keyId}\n`);
  }

  @Option({ flags: '--key <file>', description: 'the witness’s Ed25519 private key (PEM); its public key must be in the service’s WITNESS_PUBLIC_KEYS' })
  parseKey(value: string): string {
    return value;
  }

  @Option({ flags: '--state <file>', description: 'the last checkpoint this witness cosigned (default: witness-state.json)' })
  parseState(value: string): string {
    return value;
  }

  @Option({ flags: '--url <url>', description: 'the service', defaultValue: 'http://localhost:3000' })
  parseUrl(value: string): string {
    return value;
  }

  @Option({ flags: '--token <jwt>', description: 'an inspector token (default: NOXH_TOKEN)' })
  parseToken(value: string): string {
    return value;
  }
}

/** Why `latest` cannot extend `previous`, or undefined when it does. */
async function forkProblem(previous: SignedCheckpoint, latest: SignedCheckpoint, consistency: (from: number, to: number) => Promise<{ proof: string[] }>): Promise<string | undefined> {
  if (latest.treeSize < previous.treeSize) return `the tree shrank from ${previous.treeSize} to ${latest.treeSize} leaves (a rollback)`;
  if (latest.treeSize === previous.treeSize) {
    return latest.rootHash === previous.rootHash ? undefined : `two different roots for tree size ${latest.treeSize}`;
  }
  const { proof } = await consistency(previous.treeSize, latest.treeSize);
  const ok = verifyConsistency(previous.treeSize, latest.treeSize, Buffer.from(previous.rootHash, 'hex'), Buffer.from(latest.rootHash, 'hex'), proof.map((h) => Buffer.from(h, 'hex')));
  return ok ? undefined : `the consistency proof from size ${previous.treeSize} to ${latest.treeSize} does not verify`;
}

@Command({ name: 'witness', description: 'The inspectorate’s witness: cosign checkpoints, refusing forks', subCommands: [WitnessCosignCommand] })
export class WitnessCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
