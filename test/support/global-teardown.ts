export default async function globalTeardown(): Promise<void> {
  await globalThis.__NOXH_PG_STOP__?.();
}
