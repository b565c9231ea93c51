import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { Checkpointer } from '../audit/checkpoints/checkpointer';
import { checkpointCovering } from '../audit/checkpoints/checkpoint-rows';
import { loadKeyRing, witnessKeys } from '../audit/checkpoints/signing-keys';
import { exportEvidenceBundle } from '../audit/evidence/export-evidence-bundle';
import { BUNDLE_FORMAT } from '../audit/evidence/evidence-bundle';
import { verifyEvidenceBundle } from '../audit/evidence/verify-evidence-bundle';
import { publicKeyFromPem } from '../audit/checkpoints/checkpoint-note';
import { loadConfig } from '../config/app-config';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { fail, withLedger } from './ledger-context';
import { CommandGroup } from './command-group';
import { jsonObjectIn } from './json-file';

/** `noxh evidence export FINDING_ID --out FILE.json`: the bundle GET /findings/:id/evidence-bundle gives. */
@SubCommand({ name: 'export', arguments: '<findingId>', description: 'Ghi gói bằng chứng tự đủ của một phát hiện: sự kiện, bằng chứng bao hàm, điểm kiểm tra (checkpoint) đã ký, khóa (write a finding’s evidence bundle)' })
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
      process.stdout.write(`đã ghi gói bằng chứng của phát hiện ${findingId} vào ${out}\n`);
    });
  }

  @Option({ flags: '--out <file>', description: 'tệp ghi ra (mặc định: noxh-evidence-FINDING_ID.json tại thư mục hiện tại)' })
  parseOut(value: string): string {
    return value;
  }
}

/** `noxh evidence verify FILE.json [--public-key KEY.pem]`: offline, no database, no service. */
@SubCommand({ name: 'verify', arguments: '<file>', description: 'Kiểm tra gói bằng chứng không cần mạng: mã băm sự kiện, bằng chứng bao hàm, chữ ký (check an evidence bundle offline)' })
export class VerifyEvidenceCommand extends CommandRunner {
  async run([file]: string[], options: { publicKey?: string }): Promise<void> {
    let text: string;
    let pinned: string | undefined;
    try {
      text = await readFile(file, 'utf8');
      pinned = options.publicKey ? await readFile(options.publicKey, 'utf8') : undefined;
    } catch (error) {
      fail(`không đọc được tệp: ${(error as NodeJS.ErrnoException).path ?? file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return;
    }
    const notBundle = notABundle(text);
    if (notBundle) {
      fail(`${file} không phải gói bằng chứng (evidence bundle) do noxh evidence export hay GET /findings/:id/evidence-bundle ghi ra: ${notBundle}`);
      return;
    }
    if (pinned !== undefined && !isEd25519PublicKey(pinned)) {
      fail(`${options.publicKey} không phải khóa công khai Ed25519 (PEM) như GET /audit/public-key đưa ra`);
      return;
    }
    const verdict = verifyEvidenceBundle(text, pinned);
    process.stdout.write(`${verdict.lines.join('\n')}\n`);
    if (!verdict.ok) {
      fail(`${file}: gói bằng chứng không qua được kiểm tra`);
      return;
    }
    process.stdout.write(
      verdict.pinned
        ? 'ok: gói bằng chứng hợp lệ theo khóa đã ghim\n'
        : `ok: gói bằng chứng nhất quán, nhưng khóa chưa được ghim (unpinned, keyId ${verdict.checkpointKeyId}); dùng --public-key để chứng minh nguồn gốc\n`,
    );
  }

  @Option({ flags: '--public-key <file>', description: 'khóa công khai của sổ cái (PEM), lấy qua một kênh độc lập: GET /audit/public-key' })
  parsePublicKey(value: string): string {
    return value;
  }
}

/**
 * Why `text` is not an evidence bundle at all (another file given by mistake: a lottery, a key), or
 * undefined when it is one, altered or not: that is the verifier's to say, line by line. Told apart
 * so that a wrong file is never reported as a tampered bundle. A bundle names its format, and only
 * a bundle carries a bundle signature.
 */
function notABundle(text: string): string | undefined {
  const read = jsonObjectIn(text);
  if ('notObject' in read) return read.notObject;
  const { format, bundleSignature } = read.object;
  if ((typeof format === 'string' && format.startsWith(BUNDLE_FORMAT.slice(0, BUNDLE_FORMAT.indexOf('/') + 1))) || bundleSignature !== undefined) return undefined;
  return `không có trường format "${BUNDLE_FORMAT}" cũng không có chữ ký gói (bundleSignature)`;
}

/** A pinned key that is not one would otherwise be reported as a malformed bundle. */
function isEd25519PublicKey(pem: string): boolean {
  try {
    publicKeyFromPem(pem);
    return true;
  } catch {
    return false;
  }
}

@Command({ name: 'evidence', description: 'Gói bằng chứng cho thanh tra (evidence bundles)', subCommands: [ExportEvidenceCommand, VerifyEvidenceCommand] })
export class EvidenceCommand extends CommandGroup {}
