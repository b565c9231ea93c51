import type { SignedCheckpoint } from '../audit/checkpoints/checkpoint';
import { CliFailure } from './cli-failure';
import { isJsonObject, jsonObjectIn } from './json-file';

/** The fields a signed checkpoint cannot be checked without, and their JSON types. */
const REQUIRED: readonly (readonly [keyof SignedCheckpoint, 'string' | 'number'])[] = [
  ['origin', 'string'],
  ['treeSize', 'number'],
  ['rootHash', 'string'],
  ['note', 'string'],
  ['signature', 'string'],
  ['keyId', 'string'],
];

/**
 * A checkpoint kept outside the database: as GET /audit/checkpoints/… gives it, or a witness's
 * state file (`{ "checkpoint": … }`). A file without a checkpoint's fields (a public key, a
 * lottery, a typo in the file name) is refused as not a checkpoint: checked as one, it would be
 * reported as a tampered ledger, sending an inspector after an alteration that never happened.
 * A file with every field is a checkpoint, and whatever its values say is for the verifier to judge.
 */
export function checkpointFromFile(text: string, file: string): SignedCheckpoint {
  const notACheckpoint = (why: string) =>
    new CliFailure(`${file} không phải điểm kiểm tra (checkpoint) đã lưu từ GET /audit/checkpoints/… hay tệp trạng thái của bên chứng kiến: ${why}`);
  const read = jsonObjectIn(text);
  if ('notObject' in read) throw notACheckpoint(read.notObject);
  const candidate = isJsonObject(read.object.checkpoint) ? read.object.checkpoint : read.object;
  const missing = REQUIRED.filter(([field, type]) => typeof candidate[field] !== type).map(([field]) => field);
  if (missing.length > 0) throw notACheckpoint(`thiếu trường ${missing.join(', ')}`);
  // Cosignatures are not kept: only the operator's signature is checked against a file kept outside.
  return { ...(candidate as unknown as SignedCheckpoint), cosignatures: [] };
}
