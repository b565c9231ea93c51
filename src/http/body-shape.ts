import type { BilingualLine } from './bilingual-bad-request';

/**
 * Bounds on the shape of any request value, far above what any DTO takes, checked before anything
 * walks the value recursively or validates it. Without them a 768 KB body of 60,000 unknown keys
 * kept class-validator busy for seconds (one error object per key) and a body nested 1,500 levels
 * deep overflowed the stack of the recursive walks (a 500).
 */
export const BODY_LIMITS = {
  /** The deepest DTO is a list of objects inside the body (`household[0].fullName`: 3 levels). */
  depth: 8,
  /** The widest DTO has a dozen properties. */
  keysPerObject: 100,
  /** The longest list a DTO takes is 5,000 ids (a priority ranking), 2,000 units a release. */
  itemsPerList: 10_000,
  /**
   * Keys and items of the whole value. The largest body a DTO takes, a release of 2,000 units, has
   * 10,001; class-validator's cost grows with the properties it checks, most with the ones it
   * refuses (an error object each), and this bounds it at any body size Fastify lets in.
   */
  members: 20_000,
} as const;

/**
 * The first way `value` exceeds BODY_LIMITS, or undefined. Iterative, and it stops at the limit:
 * a value too deep is never walked past its limit, so its own depth costs nothing.
 */
export function shapeProblem(value: unknown): BilingualLine | undefined {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let members = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= BODY_LIMITS.depth) return tooDeep();
    const inner = Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value);
    if (Array.isArray(next.value) && inner.length > BODY_LIMITS.itemsPerList) return tooLong();
    if (!Array.isArray(next.value) && inner.length > BODY_LIMITS.keysPerObject) return tooWide();
    members += inner.length;
    if (members > BODY_LIMITS.members) return tooLarge();
    for (const member of inner) if (typeof member === 'object' && member !== null) pending.push({ value: member, depth: next.depth + 1 });
  }
  return undefined;
}

const tooDeep = (): BilingualLine => ({
  vi: `Yêu cầu lồng nhau quá sâu (tối đa ${BODY_LIMITS.depth} cấp đối tượng hoặc danh sách)`,
  en: `the request is nested too deeply (at most ${BODY_LIMITS.depth} levels of objects or lists)`,
});

const tooWide = (): BilingualLine => ({
  vi: `Yêu cầu có một đối tượng với quá nhiều trường (tối đa ${BODY_LIMITS.keysPerObject})`,
  en: `the request has an object with too many properties (at most ${BODY_LIMITS.keysPerObject})`,
});

const tooLarge = (): BilingualLine => ({
  vi: `Yêu cầu có quá nhiều giá trị (tối đa ${BODY_LIMITS.members} trường và phần tử danh sách)`,
  en: `the request holds too many values (at most ${BODY_LIMITS.members} properties and list items)`,
});

const tooLong = (): BilingualLine => ({
  vi: `Yêu cầu có một danh sách quá dài (tối đa ${BODY_LIMITS.itemsPerList} phần tử)`,
  en: `the request has a list that is too long (at most ${BODY_LIMITS.itemsPerList} items)`,
});
