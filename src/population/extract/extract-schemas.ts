import type { LandCertificate } from '../land-registry.port';
import type { RegistryPerson } from '../population-registry.port';
import { checkLandRow, LAND_HEADER, LAND_LABELS } from './land-row';
import { checkPopulationRow, POPULATION_HEADER, POPULATION_LABELS, type RowResult } from './population-row';

export type ExtractKind = 'population' | 'land';

/** Separates a column's values in one text parameter; rows holding it are rejected (import-extract.ts). */
export const SEPARATOR = '\x1f';
/** Stands for NULL (an empty cell). */
export const NULL_MARK = '\x1e';

/**
 * A column's values sent as ONE text parameter, split by the server. pg's own array parameters
 * quote and escape every element and the server parses that back: joining on a control character
 * the checks forbid is several times cheaper on both sides, at ~50,000 rows/s what bounds an import.
 */
function column(values: readonly (string | number | null)[]): string {
  return values.map((v) => (v === null ? NULL_MARK : String(v))).join(SEPARATOR);
}

const split = (n: number, type: string) => `string_to_array($${n}, E'\\x1f', E'\\x1e')::${type}[]`;
const unnest = (types: string[]) => `unnest(${types.map((type, i) => split(i + 2, type)).join(', ')})`;

/**
 * What differs between the two extracts: the columns, how a row is checked, and where accepted
 * rows go. Rows are inserted as parallel columns through unnest(): one statement per few
 * thousand rows, with no dependency beyond `pg` (pg-copy-streams is not installed).
 */
export interface ExtractSchema<T> {
  kind: ExtractKind;
  /** The columns in the order the checker takes them, by their English names (API.md). */
  header: readonly string[];
  /** Each column's Vietnamese heading; a file may head it either way, in any order. */
  labels: Readonly<Record<string, string>>;
  /** Columns of digit codes: an .xlsx number cell has lost the leading zeros this many digits get back. */
  codeDigits: Readonly<Record<string, number>>;
  /** A checker for one import: it may remember earlier rows (duplicates). */
  checker(): (fields: readonly string[], line: number) => RowResult<T>;
  /** $1 is the snapshot id, then one parameter per column, in `columns` order. */
  insertSql: string;
  columns(rows: readonly T[]): string[];
}

export const POPULATION_EXTRACT: ExtractSchema<RegistryPerson> = {
  kind: 'population',
  header: POPULATION_HEADER,
  labels: POPULATION_LABELS,
  codeDigits: { citizen_id: 12, spouse_citizen_id: 12, permanent_province: 2, temporary_province: 2 },
  checker() {
    const seen = new Map<string, number>();
    return (fields, line) => checkPopulationRow(fields, line, seen);
  },
  insertSql: `
    INSERT INTO registry_people (snapshot_id, citizen_id, full_name, date_of_birth, gender, status, date_of_death,
      permanent_province, temporary_province, household_id, relation_to_head, spouse_citizen_id)
    SELECT $1, * FROM ${unnest(['text', 'text', 'date', 'text', 'text', 'date', 'text', 'text', 'text', 'text', 'text'])}`,
  columns: (rows) => [
    column(rows.map((r) => r.citizenId)),
    column(rows.map((r) => r.fullName)),
    column(rows.map((r) => r.dateOfBirth)),
    column(rows.map((r) => r.gender)),
    column(rows.map((r) => r.status)),
    column(rows.map((r) => r.dateOfDeath)),
    column(rows.map((r) => r.permanentProvince)),
    column(rows.map((r) => r.temporaryProvince)),
    column(rows.map((r) => r.householdId)),
    column(rows.map((r) => r.relationToHead)),
    column(rows.map((r) => r.spouseCitizenId)),
  ],
};

export const LAND_EXTRACT: ExtractSchema<LandCertificate> = {
  kind: 'land',
  header: LAND_HEADER,
  labels: LAND_LABELS,
  codeDigits: { citizen_id: 12, province_code: 2 },
  checker: () => checkLandRow,
  insertSql: `
    INSERT INTO land_certificates (snapshot_id, citizen_id, province_code, parcel, certificate_no, floor_area_m2, registered_at)
    SELECT $1, * FROM ${unnest(['text', 'text', 'text', 'text', 'numeric', 'date'])}`,
  columns: (rows) => [
    column(rows.map((r) => r.citizenId)),
    column(rows.map((r) => r.provinceCode)),
    column(rows.map((r) => r.parcel)),
    column(rows.map((r) => r.certificateNo)),
    column(rows.map((r) => r.floorAreaM2)),
    column(rows.map((r) => r.registeredAt)),
  ],
};
