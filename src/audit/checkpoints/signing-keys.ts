import { createPrivateKey, generateKeyPairSync, KeyObject, createPublicKey } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../config/config-error';
import { keyIdOf, publicKeyFromPem, publicKeyPem } from './checkpoint-note';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** The key that signs now, and every key this node has ever signed with (rotation keeps old checkpoints valid). */
export interface KeyRing {
  current: SigningKey;
  trusted: Map<string, KeyObject>;
}

/**
 * DATA_DIR/checkpoint-keys/: `signing-key.pem` (PKCS#8, generated once like the JWT secret) and
 * one `<keyId>.pub.pem` per key ever used, which `verify` trusts. With CHECKPOINT_SIGNING_KEY the
 * private key stays in the environment; its public key is still kept here.
 */
export function keyDirectory(dataDir: string): string {
  return join(dataDir, 'checkpoint-keys');
}

export async function loadKeyRing(configuredPem: string | undefined, dataDir: string): Promise<KeyRing> {
  const dir = keyDirectory(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let pem = configuredPem;
  if (!pem) {
    const file = join(dir, 'signing-key.pem');
    try {
      await writeFile(file, newPrivateKeyPem(), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    pem = await readFile(file, 'utf8');
  }
  const current = signingKey(pem);
  await keepPublicKey(dir, current);
  return { current, trusted: await trustedKeys(dir) };
}

/** Every `<keyId>.pub.pem` of the key directory. */
export async function trustedKeys(dir: string): Promise<Map<string, KeyObject>> {
  const keys = new Map<string, KeyObject>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.pub.pem')) continue;
    const key = publicKeyFromPem(await readFile(join(dir, name), 'utf8'));
    keys.set(keyIdOf(key), key);
  }
  return keys;
}

/**
 * `noxh keys rotate`: a new signing key from now on. The old public key stays in the directory, so
 * checkpoints it signed still verify; the old private key is kept beside it, renamed, for the
 * operator to archive or destroy.
 */
export async function rotateSigningKey(configuredPem: string | undefined, dataDir: string): Promise<{ previous: string; current: string }> {
  if (configuredPem) throw new ConfigError(
      'Đã đặt CHECKPOINT_SIGNING_KEY: đổi khóa bằng cách đặt khóa mới vào đó (giữ khóa công khai cũ trong DATA_DIR/checkpoint-keys)',
      'CHECKPOINT_SIGNING_KEY is set: rotate by setting a new key there (keep the old public key in DATA_DIR/checkpoint-keys)',
    );
  const ring = await loadKeyRing(undefined, dataDir);
  const dir = keyDirectory(dataDir);
  const fresh = newPrivateKeyPem();
  const next = signingKey(fresh);
  await keepPublicKey(dir, next);
  await writeFile(join(dir, 'signing-key.pem.new'), fresh, { mode: 0o600 });
  await rename(join(dir, 'signing-key.pem'), join(dir, `retired-${ring.current.keyId}.pem`));
  await rename(join(dir, 'signing-key.pem.new'), join(dir, 'signing-key.pem'));
  return { previous: ring.current.keyId, current: next.keyId };
}

export function signingKey(pem: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new ConfigError('CHECKPOINT_SIGNING_KEY không phải khóa bí mật PEM PKCS#8', 'CHECKPOINT_SIGNING_KEY is not a PKCS#8 PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConfigError('khóa ký điểm kiểm tra (checkpoint) phải là Ed25519', 'the checkpoint signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** WITNESS_PUBLIC_KEYS by keyId. */
export function witnessKeys(pems: string[]): Map<string, KeyObject> {
  return new Map(
    pems.map((pem) => {
      let key: KeyObject;
      try {
        key = publicKeyFromPem(pem);
      } catch {
        throw new ConfigError('WITNESS_PUBLIC_KEYS phải chứa khóa công khai Ed25519 (PEM)', 'WITNESS_PUBLIC_KEYS must hold Ed25519 public keys (PEM)');
      }
      return [keyIdOf(key), key];
    }),
  );
}

export function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

async function keepPublicKey(dir: string, key: SigningKey): Promise<void> {
  try {
    await writeFile(join(dir, `${key.keyId}.pub.pem`), publicKeyPem(key.publicKey), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
