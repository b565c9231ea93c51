import type { RegistryPerson } from '../population-registry.port';
import { RowCheck, type RowError } from './fields';

/** API.md "Registry extracts", population: the columns, in the order the row check takes them. */
export const POPULATION_HEADER = [
  'citizen_id',
  'full_name',
  'date_of_birth',
  'gender',
  'status',
  'date_of_death',
  'permanent_province',
  'temporary_province',
  'household_id',
  'relation_to_head',
  'spouse_citizen_id',
] as const;

/** How clerks head the columns; the English names above are accepted too, in any order. */
export const POPULATION_LABELS: Record<(typeof POPULATION_HEADER)[number], string> = {
  citizen_id: 'Số CCCD',
  full_name: 'Họ và tên',
  date_of_birth: 'Ngày sinh',
  gender: 'Giới tính',
  status: 'Tình trạng',
  date_of_death: 'Ngày mất',
  permanent_province: 'Tỉnh thường trú',
  temporary_province: 'Tỉnh tạm trú',
  household_id: 'Mã hộ',
  relation_to_head: 'Quan hệ với chủ hộ',
  spouse_citizen_id: 'Số CCCD vợ/chồng',
};

/** Vietnamese words for the registry's codes, as clerks type them. */
const GENDER_NAMES = { Nam: 'male', 'Nữ': 'female' } as const;
const STATUS_NAMES = { 'còn sống': 'alive', 'sống': 'alive', 'đã mất': 'deceased', 'đã chết': 'deceased', 'chết': 'deceased' } as const;

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

/**
 * Checks one population row. `seen` holds the citizen ids already accepted (id → line): a second
 * row for one person is rejected rather than silently overwriting the first.
 */
export function checkPopulationRow(fields: readonly string[], line: number, seen: Map<string, number>): RowResult<RegistryPerson> {
  const c = new RowCheck(line);
  const [id, name, birth, gender, status, death, permanent, temporary, household, relation, spouse] = fields;
  const citizenId = c.citizenId('citizen_id', id, true);
  const fullName = c.required('full_name', name.trim());
  const dateOfBirth = c.date('date_of_birth', birth, true);
  const g = c.oneOf('gender', gender, ['male', 'female'] as const, GENDER_NAMES);
  const s = c.oneOf('status', status, ['alive', 'deceased'] as const, STATUS_NAMES);
  let dateOfDeath: string | null = null;
  // The date of death says when someone died; an alive person with one is a contradiction.
  if (s === 'deceased') dateOfDeath = c.date('date_of_death', death, true);
  else if (s === 'alive' && death !== '') c.fail('date_of_death', 'phải để trống khi người này còn sống', 'must be empty when status is alive');
  if (dateOfBirth && dateOfDeath && dateOfDeath < dateOfBirth) {
    c.fail('date_of_death', `${dateOfDeath} trước ngày sinh ${dateOfBirth}`, `${dateOfDeath} is before the date of birth ${dateOfBirth}`);
  }
  const permanentProvince = c.province('permanent_province', permanent, false);
  const temporaryProvince = c.province('temporary_province', temporary, false);
  const spouseCitizenId = c.citizenId('spouse_citizen_id', spouse, false);
  if (spouseCitizenId !== null && spouseCitizenId === citizenId) c.fail('spouse_citizen_id', 'là số CCCD của chính người này', 'is the person\'s own citizen id');
  if (citizenId !== null) {
    const first = seen.get(citizenId);
    if (first !== undefined) c.fail('citizen_id', `${citizenId} đã có ở dòng ${first}`, `${citizenId} already appears on line ${first}`);
  }
  if (c.errors.length > 0 || citizenId === null || fullName === null || dateOfBirth === null || g === null || s === null) {
    return { ok: false, errors: c.errors };
  }
  seen.set(citizenId, line);
  return {
    ok: true,
    value: {
      citizenId,
      fullName,
      dateOfBirth,
      gender: g,
      status: s,
      dateOfDeath,
      permanentProvince,
      temporaryProvince,
      householdId: c.optional(household),
      relationToHead: c.optional(relation),
      spouseCitizenId,
    },
  };
}
