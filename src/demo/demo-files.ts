import type { ICommand } from '@nestjs/cqrs';
import type { HouseholdMember, Person } from '../applications/domain/application.events';
import { RecordEligibilityDecisionCommand } from '../applications/commands/record-eligibility-decision/record-eligibility-decision.command';
import { SubmitApplicationCommand } from '../applications/commands/submit-application/submit-application.command';
import { WithdrawApplicationCommand } from '../applications/commands/withdraw-application/withdraw-application.command';
import type { Actor } from '../shared/actor';
import { typo } from './demo-people';
import { between, type Random } from './demo-random';
import type { FilePlant } from './demo-rates';

/** Four name words: no generated person bears it, so only the planted conflicts of interest name this officer. */
const OFFICER = 'Trịnh Công Minh Sơn';
const RECEIVERS = ['Lê Thị Thu Trang', 'Phạm Quốc Khánh', 'Đặng Thị Hải Yến'];
export const BOARD = 'Hội đồng xét duyệt';

/** One file of the demo: who files, what it declares, the abuse it carries, and how the board decides. */
export interface DemoFile {
  id: string;
  projectId: string;
  province: string;
  applicant: Person;
  household: HouseholdMember[];
  plant: FilePlant | null;
  eligible: boolean;
  withdrawn: boolean;
}

const dto = (p: Person) => ({ citizenId: p.citizenId, fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender ?? undefined });

export function submit(f: DemoFile, actor: Actor, day: (n: number) => string, rnd: Random): ICommand {
  const married = f.household.some((m) => m.relation === 'spouse');
  const ceiling = married ? 50_000_000 : 25_000_000;
  const income = f.eligible && f.plant !== 'override' ? between(rnd, 8, 20) * 1_000_000 : ceiling + 15_000_000;
  return new SubmitApplicationCommand({
    id: f.id, projectId: f.projectId, tenure: 'sale', applicant: dto(f.applicant), household: f.household.map((m) => ({ ...dto(m), relation: m.relation })), category: 'worker', monthlyIncomeVnd: income,
    housing: { ownsHome: false, floorAreaPerPersonM2: 6 }, submittedAt: day(f.plant === 'recorded-late' ? 60 : 25),
    receivedBy: f.plant === 'conflict-of-interest' ? OFFICER : RECEIVERS[f.id.length % RECEIVERS.length],
  }, actor, undefined);
}

export function fileCommands(f: DemoFile, actor: Actor, day: (n: number) => string, rnd: Random, lookAlikes: Record<string, number>): ICommand[] {
  const commands: ICommand[] = [submit(f, actor, day, rnd)];
  const eligible = f.eligible;
  commands.push(new RecordEligibilityDecisionCommand(f.id, {
    outcome: eligible ? 'eligible' : 'ineligible', decisionNo: `QĐ-${f.id}`, decidedBy: f.plant === 'conflict-of-interest' ? `${OFFICER}, Phó Giám đốc Sở Xây dựng` : BOARD,
    decidedAt: day(f.plant === 'recorded-late' ? 45 : 15), reasons: [], justification: f.plant === 'override' ? 'Hoàn cảnh đặc biệt khó khăn, đã xác minh' : undefined,
  }, actor, undefined));
  if (f.withdrawn) {
    commands.push(new WithdrawApplicationCommand(f.id, { reason: 'Rút hồ sơ để bổ sung' }, actor, undefined));
    // Its re-submission, with the clerk's typo in the name: one person, a slip, not an identity conflict.
    commands.push(submit({ ...f, id: `${f.id}-r`, applicant: { ...f.applicant, fullName: typo(rnd, f.applicant.fullName) }, eligible: false, withdrawn: false }, actor, day, rnd));
    lookAlikes['typo-in-own-resubmission'] += 1;
  }
  return commands;
}

const swappable = (date: string) => Number(date.slice(8)) <= 12 && date.slice(8) !== date.slice(5, 7);
export const swapDayMonth = (date: string) => `${date.slice(0, 4)}-${date.slice(8)}-${date.slice(5, 7)}`;

const REUSING: readonly FilePlant[] = ['duplicate-applicant', 'same-identity', 'typo', 'swapped-birth-date', 'dropped-middle-name'];

/** An earlier person a plant reuses, once; for a swapped date, one whose day could be read as a month. */
export function sourceFor(plant: FilePlant | null, earlier: Person[], rnd: Random): Person | undefined {
  if (plant === null || !REUSING.includes(plant)) return undefined;
  for (let attempt = 0; attempt < 50 && earlier.length > 0; attempt += 1) {
    const i = Math.floor(rnd() * earlier.length);
    // Taken out: two plants of one person would pair their two new ids, which the truth does not list.
    if (plant !== 'swapped-birth-date' || swappable(earlier[i].dateOfBirth)) return earlier.splice(i, 1)[0];
  }
  return undefined;
}

