import type { Person } from '../../src/applications/domain/application.events';

/**
 * Small pools, so that generated histories collide often: the same citizen in several files,
 * namesakes, officers who also appear in households. Indices into these pools are what the
 * arbitraries draw; the interpreter turns them into ids.
 */
export const PROVINCES = ['31', '30', '58'] as const;
export const PROJECTS = ['p1', 'p2', 'p3'] as const;
export const UNIT_NOS = ['A1', 'A2', 'A3'] as const;
export const APPLICATIONS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'] as const;
export const LAND_FUNDS = ['cp1', 'cp2'] as const;

/**
 * Citizens. 0/1 and 2/3 are namesakes born the same day under different ids (1 differs from 0 only
 * by case and diacritics); 7's id encodes another birth year than declared; 6 is from Hải Dương,
 * merged into Hải Phòng.
 */
export const PEOPLE: readonly Person[] = [
  { citizenId: '031090000001', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-01', gender: 'male' },
  { citizenId: '031090000002', fullName: 'NGUYEN VAN  AN', dateOfBirth: '1990-05-01', gender: 'male' },
  { citizenId: '031190000003', fullName: 'Trần Thị Bình', dateOfBirth: '1990-07-12', gender: 'female' },
  { citizenId: '031190000004', fullName: 'Trần Thị Bình', dateOfBirth: '1990-07-12', gender: null },
  { citizenId: '031085000005', fullName: 'Lê Văn Cường', dateOfBirth: '1985-02-03', gender: 'male' },
  { citizenId: '031188000006', fullName: 'Phạm Thị Dung', dateOfBirth: '1988-11-30', gender: 'female' },
  { citizenId: '030092000007', fullName: 'Hoàng Văn Em', dateOfBirth: '1992-01-01', gender: 'male' },
  { citizenId: '031195000008', fullName: 'Vũ Thị Giang', dateOfBirth: '1996-03-03', gender: 'female' },
  { citizenId: '031070000009', fullName: 'Đỗ Văn Hùng', dateOfBirth: '1970-09-09', gender: 'male' },
  { citizenId: '031172000010', fullName: 'Ngô Thị Lan', dateOfBirth: '1972-12-12', gender: 'female' },
  // Alike but not equal: 10 is 0 with a typo, 11 is 2 with day and month swapped, 12 is 4 without his
  // middle name; 13 is 4's namesake born another day (a look-alike that must stay apart).
  { citizenId: '031090000011', fullName: 'Ngyuễn Văn An', dateOfBirth: '1990-05-01', gender: 'male' },
  { citizenId: '031190000012', fullName: 'Trần Thị Bình', dateOfBirth: '1990-12-07', gender: 'female' },
  { citizenId: '031085000013', fullName: 'Lê Cường', dateOfBirth: '1985-02-03', gender: 'male' },
  { citizenId: '031085000014', fullName: 'Lê Văn Cường', dateOfBirth: '1985-08-19', gender: 'male' },
];

/**
 * How a file declares a pool person: as registered, typed without diacritics in capitals (the same
 * identity once normalised), with another name and birth date (the id declared as two people), or
 * as a clerk mistypes it: two letters of the given name swapped, day and month swapped, the middle
 * name dropped.
 */
export function declared(person: Person, variant: number): Person {
  const words = person.fullName.split(' ');
  if (variant === 3) {
    const given = words[words.length - 1];
    return given.length < 2 ? person : { ...person, fullName: [...words.slice(0, -1), `${given.slice(0, -2)}${given.slice(-1)}${given.slice(-2, -1)}`].join(' ') };
  }
  if (variant === 4 && Number(person.dateOfBirth.slice(8)) <= 12) return { ...person, dateOfBirth: `${person.dateOfBirth.slice(0, 5)}${person.dateOfBirth.slice(8)}-${person.dateOfBirth.slice(5, 7)}` };
  if (variant === 5 && words.length > 2) return { ...person, fullName: `${words[0]} ${words[words.length - 1]}` };
  if (variant === 1) return { ...person, fullName: person.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase() };
  if (variant === 2) return { ...person, fullName: `${person.fullName} Khác`, dateOfBirth: `${person.dateOfBirth.slice(0, 8)}15` };
  return person;
}

export const RECEIVING_OFFICERS = ['Cán bộ tiếp nhận 1', 'Lê Văn Tâm', 'Phạm Quốc Khánh'] as const;
/** The second is the second receiving officer under a title: one officer once the title is cut. */
export const DECIDING_OFFICERS = ['Nguyễn Thị Mai, Trưởng phòng', 'Lê Văn Tâm, Phó Giám đốc Sở Xây dựng'] as const;
