import { InvalidPolicyVersion, NoPolicyInForce, OverlappingPolicyVersions } from './eligibility.errors';
import { type IsoDate, type PolicyVersion, covers, inForceOn, isIsoDate } from './policy';
import { validatePolicy } from './validate-policy';

/** One data module: its file name (for error messages and the id check) and its export. */
export type PolicyFile = { file: string; policy: unknown };

type Loaded = { file: string; policy: PolicyVersion };

/**
 * Every policy version, validated when constructed, so bad data stops the service at start-up
 * rather than mis-judging a file. Answers one question: which version judges a decision made in
 * this province on this day (POLICY.md: "a decision is always judged by the rules in force on its date").
 */
export class PolicyCatalogue {
  private readonly loaded: readonly Loaded[];

  constructor(files: readonly PolicyFile[]) {
    this.loaded = files.map(({ file, policy }) => ({ file, policy: validatePolicy(file, policy) }));
    this.loaded.forEach((a, i) => {
      for (const b of this.loaded.slice(i + 1)) {
        if (a.policy.id === b.policy.id) throw new InvalidPolicyVersion(b.file, 'id', `repeats the id of ${a.file}`);
        const shared = sharedScope(a.policy, b.policy);
        if (shared && overlapInTime(a.policy, b.policy)) {
          throw new OverlappingPolicyVersions({ file: a.file, id: a.policy.id }, { file: b.file, id: b.policy.id }, shared);
        }
      }
    });
  }

  get versions(): PolicyVersion[] {
    return this.loaded.map(({ policy }) => policy);
  }

  /**
   * The version in force for `provinceCode` on `date`: a province's own version wins over the
   * national one, as a provincial resolution applies the national law locally. Throws
   * NoPolicyInForce where nothing is encoded: before 2024-08-01 only Ninh Thuận's 2007–2015 resolution is.
   */
  inForce(provinceCode: string, date: IsoDate): PolicyVersion {
    if (!isIsoDate(date)) throw new RangeError(`A policy is chosen by a calendar day YYYY-MM-DD, not ${JSON.stringify(date)}`);
    const candidates = this.versions.filter((p) => covers(p, provinceCode) && inForceOn(p, date));
    const chosen = candidates.find((p) => p.scope.provinces !== 'national') ?? candidates.at(0);
    if (!chosen) throw new NoPolicyInForce(provinceCode, date);
    return chosen;
  }
}

/** Two national versions, or two provincial ones naming a common province, compete for the same files. */
function sharedScope(a: PolicyVersion, b: PolicyVersion): string | null {
  const [pa, pb] = [a.scope.provinces, b.scope.provinces];
  if (pa === 'national' || pb === 'national') return pa === pb ? 'the whole country' : null;
  const common = pa.filter((code) => pb.includes(code));
  return common.length > 0 ? `province ${common.join(', ')}` : null;
}

/** Both ends are inclusive days; an open end (null) runs forever. */
function overlapInTime(a: PolicyVersion, b: PolicyVersion): boolean {
  return (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo) && (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo);
}
