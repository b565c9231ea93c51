import {
  givenNameBucket, mayBeSimilar, nameMayBeAlike, SIMILAR_IDENTITY_THRESHOLD, similarityCeiling, swappedDayMonth, UNCOMMON_GIVEN_NAME,
} from '../../src/shared/identity/identity-similarity';
import type { IndexJournal } from './index-map';

/** Who a declaration says a person is: what telling whether two may be alike needs, without the row. */
export interface PersonIdentity {
  readonly citizenId: string;
  readonly nameNorm: string;
  readonly dateOfBirth: string;
  readonly gender: string | null;
}

/** One declaration (a person in a file) as the identity blocks hold it. */
export interface DeclaredIdentity extends PersonIdentity {
  readonly applicationId: string;
}

/*
 * A day's declarations are held as one string: each its given-name bucket, citizen id, file id,
 * name and gender apart by STX, the declarations apart by SOH. Neither can be in a field: ids are
 * letters, digits, "-" and "_" (IsIdentifier), a normalised name A-Z, digits and spaces. 407,000
 * declarations took 184 MiB as objects in Maps of Maps, 160 as a string each in 290,000 block
 * arrays; a string a day is 22 MiB, and a day's block (two dozen at a million events) is read whole.
 */
const FIELD = '\u0002';
const RECORD = '\u0001';
/** The separators as PostgreSQL writes them, for a query that packs a day's declarations (IdentityIndex.fill). */
export const FIELD_SQL = "E'\\x02'";
export const RECORD_SQL = "E'\\x01'";

function pack(d: DeclaredIdentity): string {
  return [givenNameBucket(d.nameNorm), d.citizenId, d.applicationId, d.nameNorm, d.gender === null ? '' : `=${d.gender}`].join(FIELD);
}

/** Where a packed record's `n`th field (0: the bucket) starts. */
function nthField(packed: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at = packed.indexOf(FIELD, at) + 1;
  return at;
}

function unpack(packed: string, dateOfBirth: string): DeclaredIdentity {
  const [, citizenId, applicationId, nameNorm, gender] = packed.split(FIELD);
  return { citizenId, applicationId, nameNorm, dateOfBirth, gender: gender === '' ? null : gender.slice(1) };
}

/** A string built of parts is a tree of them until something reads it whole: ToNumber does, and the GC then keeps only the one string. */
function flat(s: string): string {
  void Number(s);
  return s;
}

/**
 * Every declaration of the ledger, by birth date and given-name bucket (givenNameBucket): the
 * blocks the identity detector compares within. Unlike the rows, it is always whole, whatever memory
 * the large tables are allowed: a day's block grows with the ledger, and reading it back from the
 * database for every batch that names the day made a bounded rebuild slower with every event (1M
 * events, 200,000 rows: 122 µs/event over the first 100k, 310 over the last). A declaration costs
 * about a tenth of its row here.
 *
 * While the journal is open every change leaves its inverse there (IndexMap).
 */
export class IdentityIndex {
  /** Birth date, to its declarations, packed. */
  private readonly days = new Map<string, string>();

  constructor(private readonly journal: IndexJournal) {}

  /** Records a declaration, replacing what its key (citizen id and file) held on that day (LedgerState removes one that moves day first). */
  add(d: DeclaredIdentity): void {
    const packed = pack(d);
    const before = this.heldOn(d.dateOfBirth, d.citizenId, d.applicationId);
    if (before === packed) return;
    if (before !== undefined) this.remove(unpack(before, d.dateOfBirth));
    this.put(d.dateOfBirth, packed);
    this.journal.undo?.push(() => this.erase(d.dateOfBirth, packed));
  }

  remove(d: DeclaredIdentity): void {
    const packed = pack(d);
    if (!this.erase(d.dateOfBirth, packed)) return;
    this.journal.undo?.push(() => this.put(d.dateOfBirth, packed));
  }

  /** The declarations of this normalised name and birth date. */
  withIdentity(nameNorm: string, dateOfBirth: string): DeclaredIdentity[] {
    return this.declaredOn(dateOfBirth, [givenNameBucket(nameNorm)], (name) => name === nameNorm);
  }

  /**
   * The declarations of other citizens that may reach the similar-identity threshold with `p` with
   * the best household (the rest of a block is never alike): born the same day or on its day and
   * month swapped, with the same common given name or an uncommon one (any, when `p`'s given name
   * is uncommon: two names in two different common buckets are never alike), a name that may be
   * alike, and a score ceiling at the threshold.
   */
  alikeTo(p: PersonIdentity): DeclaredIdentity[] {
    const bucket = givenNameBucket(p.nameNorm);
    const buckets = bucket === UNCOMMON_GIVEN_NAME ? undefined : [bucket, UNCOMMON_GIVEN_NAME];
    const swapped = swappedDayMonth(p.dateOfBirth);
    // Cheapest test first, before a record is even unpacked: most of a block bears another family or middle name.
    const named = (name: string) => nameMayBeAlike(p.nameNorm, name);
    return [p.dateOfBirth, ...(swapped ? [swapped] : [])]
      .flatMap((day) => this.declaredOn(day, buckets, named))
      .filter((q) => q.citizenId !== p.citizenId && mayBeSimilar(p, q) && similarityCeiling(p, q) >= SIMILAR_IDENTITY_THRESHOLD);
  }

  /**
   * Fills the index from what the table holds, a day at a time: `records` are the day's
   * declarations without their bucket (citizen id, file id, name and gender as FIELD_SQL and
   * RECORD_SQL join them). Only on an empty index, outside a batch: nothing is journaled.
   */
  fill(dateOfBirth: string, records: string): void {
    const withBuckets = records.split(RECORD).map((r) => {
      const name = r.split(FIELD)[2];
      return `${givenNameBucket(name)}${FIELD}${r}`;
    });
    this.days.set(dateOfBirth, flat(withBuckets.join(RECORD)));
  }

  clear(): void {
    this.days.clear();
  }

  /**
   * The declarations of a day in one of `buckets` (all of them when none is given) whose name
   * `named` keeps: a day's string grows with the ledger, so only the records of the buckets asked
   * for are looked at, and only those whose name is kept are unpacked.
   */
  private declaredOn(dateOfBirth: string, buckets: readonly string[] | undefined, named: (nameNorm: string) => boolean): DeclaredIdentity[] {
    const day = this.days.get(dateOfBirth);
    if (day === undefined) return [];
    const found: DeclaredIdentity[] = [];
    /** Looks at the record starting at `start`; returns where the next one starts, or -1. */
    const recordAt = (start: number): number => {
      const end = day.indexOf(RECORD, start);
      const record = day.slice(start, end < 0 ? day.length : end);
      const nameAt = nthField(record, 3);
      if (named(record.slice(nameAt, record.indexOf(FIELD, nameAt)))) found.push(unpack(record, dateOfBirth));
      return end < 0 ? -1 : end + 1;
    };
    if (buckets === undefined) {
      for (let at = 0; at >= 0; ) at = recordAt(at);
      return found;
    }
    for (const bucket of buckets) {
      const head = `${bucket}${FIELD}`;
      if (day.startsWith(head)) recordAt(0);
      const needle = `${RECORD}${head}`;
      for (let at = day.indexOf(needle); at >= 0; at = day.indexOf(needle, at + 1)) recordAt(at + 1);
    }
    return found;
  }

  /** The packed declaration of a citizen in a file on a day, found without unpacking the day. */
  private heldOn(dateOfBirth: string, citizenId: string, applicationId: string): string | undefined {
    const day = this.days.get(dateOfBirth);
    if (day === undefined) return undefined;
    const needle = `${FIELD}${citizenId}${FIELD}${applicationId}${FIELD}`;
    for (let at = day.indexOf(needle); at >= 0; at = day.indexOf(needle, at + 1)) {
      const start = day.lastIndexOf(RECORD, at) + 1;
      const end = day.indexOf(RECORD, at);
      const packed = day.slice(start, end < 0 ? day.length : end);
      // The ids must be the record's second and third fields, not any two fields that happen to match.
      if (packed.indexOf(FIELD) === at - start) return packed;
    }
    return undefined;
  }

  private put(dateOfBirth: string, packed: string): void {
    const day = this.days.get(dateOfBirth);
    this.days.set(dateOfBirth, day === undefined ? flat(packed) : flat(`${day}${RECORD}${packed}`));
  }

  private erase(dateOfBirth: string, packed: string): boolean {
    const records = this.days.get(dateOfBirth)?.split(RECORD) ?? [];
    const at = records.indexOf(packed);
    if (at < 0) return false;
    records.splice(at, 1);
    if (records.length > 0) this.days.set(dateOfBirth, flat(records.join(RECORD)));
    else this.days.delete(dateOfBirth);
    return true;
  }
}
