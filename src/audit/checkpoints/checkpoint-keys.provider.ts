import type { KeyObject } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { type KeyRing, loadKeyRing, witnessKeys } from './signing-keys';

export const KEY_RING = Symbol('CheckpointKeyRing');
export const WITNESS_KEYS = Symbol('WitnessKeys');

/** Read again at every use: `noxh keys rotate` takes effect at the next checkpoint, without a restart. */
export type KeyRingSource = () => Promise<KeyRing>;


export function keyRingSource(config: AppConfig): KeyRingSource {
  return () => loadKeyRing(config.checkpoints.signingKeyPem, config.dataDir);
}

export function witnessKeysOf(config: AppConfig): Map<string, KeyObject> {
  return witnessKeys(config.checkpoints.witnessPublicKeyPems);
}
