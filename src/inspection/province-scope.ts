import { notReadable, type Readable } from '../auth/auth-errors';
import type { Actor } from '../shared/actor';
import { currentProvince, MERGED_INTO } from '../shared/identity/province-mergers';

/**
 * The codes one province stands for today: its current code and those of the provinces merged
 * into it in 2025 (Hải Phòng 31 with Hải Dương 30), whichever of them was asked for.
 */
export function provinceGroup(code: string): string[] {
  const current = currentProvince(code);
  return [current, ...Object.keys(MERGED_INTO).filter((former) => MERGED_INTO[former] === current)].sort();
}

/** The provinces an actor may read: a board (or police) its own group; inspectors and admins every province (undefined). */
export function readableProvinces(actor: Actor): string[] | undefined {
  if ((actor.role === 'board' || actor.role === 'police') && actor.province) return provinceGroup(actor.province);
  return undefined;
}

/** 403 unless the actor may read what belongs to `provinceCode` (null: no province, inspectors only). */
export function assertReadable(actor: Actor, provinceCode: string | null, what: Readable): void {
  const scope = readableProvinces(actor);
  if (scope && (provinceCode === null || !scope.includes(provinceCode))) {
    throw notReadable(actor.role, actor.province, what, provinceCode);
  }
}

/**
 * The province filter a query runs with: the group of the province asked for, or for a board
 * its own group (403 when it asks for another's).
 */
export function provinceFilter(actor: Actor, requested: string | undefined): string[] | undefined {
  const scope = readableProvinces(actor);
  if (requested === undefined) return scope;
  const group = provinceGroup(requested);
  if (scope && !group.some((code) => scope.includes(code))) {
    throw notReadable(actor.role, actor.province, { vi: 'dữ liệu', en: 'the data' }, requested);
  }
  return group;
}
