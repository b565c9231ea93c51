import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { Checkpointer } from '../audit/checkpoints/checkpointer';
import { checkpointCovering } from '../audit/checkpoints/checkpoint-rows';
import { loadKeyRing, witnessKeys } from '../audit/checkpoints/signing-keys';
import { exportEvidenceBundle } from '../audit/evidence/export-evidence-bundle';
import { verifyEvidenceBundle } from '../audit/evidence/verify-evidence-bundle';
import { loadConfig } from '../config/app-config';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { fail, withLedger } from './ledger-context';

/** `noxh evidence export FINDING_ID --out FILE.json`: the bundle GET /findings/:id/evidence-bundle gives. */
@SubCommand({ name: 'export', arguments: '<findingId>', description: 'Write a finding’s self-contained evidence bundle (events, proofs, signed checkpoint, keys)' })
export class ExportEvidenceCommand extends CommandRunner {
  async run([findingId]: string[], options: { out?: string }): Promise<void> {
    const config = loadConfig();
    const keys = await loadKeyRing(config.checkpoints.signingKeyPem, config.dataDir);
    await withLedger(async ({ dataSource, store, clock }) => {
      const runner = new ProjectionRunner(store, dataSource);
      const checkpointer = new Checkpointer(store, dataSource, runner, config.checkpoints, () => Promise.resolve(keys), clock);
      const { text } = await exportEvidenceBundle(
        {
          db: dataSource,
          store,
          keys,
          witnesses: witnessKeys(config.checkpoints.witnessPublicKeyPems),
          catchUpTree: () => checkpointer.catchUpTree(),
          covering: async (leaf) => (await checkpointCovering(dataSource, leaf)) ?? ((await checkpointer.checkpointNow()), checkpointCovering(dataSource, leaf)),
          now: clock.now(),
        },
        findingId,
      );
      const out = resolve(options.out ?? `noxh-evidence-${findingId}.json`);
      await writeFile(out, text);
      process.stdout.write(`wrote the evidence bundle of ${findingId} to ${out}\n`);
    });
  }

  @Option({ flags: '--out <file>', description: 'where to write (default: noxh-evidence-FINDING_ID.json here)' })
  parseOut(value: string): string {
    return value;
  }
}

/** `noxh evidence verify FILE.json [--public-key KEY.pem]`: offline, no database, no service. */
@SubCommand({ name: 'verify', arguments: '<file>', description: 'Check an evidence bundle offline: event hashes, inclusion proofs, signatures' })
export class VerifyEvidenceCommand extends CommandRunner {
  async run([file]: string[], options: { publicKey?: string }): Promise<void> {
    const text = await readFile(file, 'utf8');
    const pinned = options.publicKey ? await readFile(options.publicKey, 'utf8') : undefined;
    const verdict = verifyEvidenceBundle(text, pinned);
    process.stdout.write(`${verdict.lines.join('\n')}\n`);
    if (!verdict.ok) {
      fail(`${file} does not verify`);
      return;
    }
    process.stdout.write(verdict.pinned ? 'ok: the bundle verifies against the pinned key\n' : `ok: the bundle is consistent, but the key is unpinned (keyId ${verdict.checkpointKeyId}); pass --public-key to prove its origin\n`);
  }

  @Option({ flags: '--public-key <file>', description: 'the ledger’s public key (PEM), obtained independently: GET /audit/public-key' })
  parsePublicKey(value: string): string {
    return value;
  }
}

@Command({ name: 'evidence', description: 'Evidence bundles for inspectors', subCommands: [ExportEvidenceCommand, VerifyEvidenceCommand] })
export class EvidenceCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
