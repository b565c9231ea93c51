import { BadRequestException, type Type } from '@nestjs/common';
import { RegisterProjectRequest } from '../../src/allocation/commands/register-project/register-project.request.dto';
import { ReleaseUnitsRequest } from '../../src/allocation/commands/release-units/release-units.request.dto';
import { RecordPriorityRankingRequest } from '../../src/applications/commands/record-priority-ranking/record-priority-ranking.request.dto';
import { SubmitApplicationRequest } from '../../src/applications/commands/submit-application/submit-application.request.dto';
import { WithdrawApplicationRequest } from '../../src/applications/commands/withdraw-application/withdraw-application.request.dto';
import { ReviewFindingRequest } from '../../src/inspection/commands/review-finding/review-finding.request.dto';
import { RecordHandoverRequest } from '../../src/land-fund/commands/record-handover/record-handover.request.dto';
import { RegisterObligationRequest } from '../../src/land-fund/commands/register-obligation/register-obligation.request.dto';
import { MAX_PROBLEM_LINES, RequestValidationPipe } from '../../src/http/request-validation.pipe';

interface Refusal {
  message: string[];
  messageEn: string[];
}

/** The 400 the pipe answers a body with (the test fails if it lets the body through or throws anything else). */
async function refusal(metatype: Type<object>, body: unknown): Promise<Refusal> {
  const outcome: unknown = await new RequestValidationPipe().transform(body, { type: 'body', metatype }).catch((error: unknown) => error);
  if (!(outcome instanceof BadRequestException)) throw new Error(`expected a 400, got ${String(outcome)}`);
  return outcome.getResponse() as Refusal;
}

const accepts = (metatype: Type<object>, body: unknown) => new RequestValidationPipe().transform(body, { type: 'body', metatype });

const project = { name: 'Nhà ở xã hội Tràng Cát', provinceCode: '31', investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 20_000, plannedUnits: 500 };
const person = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12' };
const application = {
  projectId: 'hp-m', tenure: 'sale', applicant: person, household: [], category: 'worker', monthlyIncomeVnd: 14_500_000,
  housing: { ownsHome: false }, submittedAt: '2025-09-15', receivedBy: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng',
};
const VIETNAMESE_LINE = /^(Trường|Mỗi phần tử của trường|Yêu cầu) /;

describe('RequestValidationPipe: bodies built to hurt', () => {
  it('answers a body nested 1,500 levels deep with one Vietnamese 400 line, not a stack overflow', async () => {
    const deep: unknown = JSON.parse(`{"name":${'['.repeat(1500)}${']'.repeat(1500)}}`);
    expect(await refusal(RegisterProjectRequest, deep)).toEqual({ message: [expect.stringMatching(/^Yêu cầu lồng nhau quá sâu/)], messageEn: [expect.any(String)] });
  });

  it('refuses 60,000 unknown keys at once, with one line, before class-validator', async () => {
    const body = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1]));
    const started = performance.now();
    const answer = await refusal(RegisterProjectRequest, body);
    expect(performance.now() - started).toBeLessThan(500);
    expect(answer.message).toEqual([expect.stringMatching(/quá nhiều trường/)]);
  });

  it(`lists at most ${MAX_PROBLEM_LINES} problems, then one line saying how many more, in both languages`, async () => {
    const units = Array.from({ length: 30 }, () => ({}));
    const answer = await refusal(ReleaseUnitsRequest, { units });
    expect(answer.message).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(answer.message.at(-1)).toBe('… và 70 lỗi khác không được liệt kê');
    expect(answer.messageEn.at(-1)).toBe('… and 70 more problems not listed');
  });
});

describe('RequestValidationPipe: names and text typed by people', () => {
  it.each([
    ['zero-width spaces alone', '\u200b\u200b', /không được để trống/],
    ['a word joiner and a byte order mark', '\u2060\ufeff ', /không được để trống/],
    ['a newline and a bell', 'Nguyễn\nVăn\u0007A', /một dòng/],
    ['a line separator', 'Nguyễn\u2028Văn A', /một dòng/],
    ['a C1 control', 'Nguyễn\u0085Văn A', /một dòng/],
    ['no letter at all', '1234 ...', /chữ cái/],
  ])('refuses an applicant named with %s', async (_, fullName, line) => {
    const answer = await refusal(SubmitApplicationRequest, { ...application, applicant: { ...person, fullName } });
    expect(answer.message).toEqual([expect.stringMatching(new RegExp(`^Trường 'applicant.fullName' .*${line.source}`))]);
  });

  it('refuses control characters in a project name and an investor, one line per field', async () => {
    const answer = await refusal(RegisterProjectRequest, { ...project, name: 'Tràng\tCát', investor: 'Công ty\r\nX' });
    expect(answer.message).toEqual([expect.stringMatching(/^Trường 'name' .*một dòng/), expect.stringMatching(/^Trường 'investor' .*một dòng/)]);
  });

  it('lets a note keep its line breaks, but no other control character', async () => {
    await expect(accepts(WithdrawApplicationRequest, { reason: 'Người đứng đơn xin rút.\r\nĐã mua nhà thương mại.' })).resolves.toBeDefined();
    expect((await refusal(WithdrawApplicationRequest, { reason: 'Xin rút \u001b[31m' })).message).toEqual([expect.stringMatching(/^Trường 'reason' .*ký tự điều khiển/)]);
  });

  it('accepts Vietnamese names with their diacritics, hyphens and apostrophes', async () => {
    await expect(accepts(SubmitApplicationRequest, { ...application, applicant: { ...person, fullName: "Nguyễn Thị Lan-Anh O'Neil" } })).resolves.toBeDefined();
  });
});

describe('RequestValidationPipe: every line is a whole Vietnamese sentence, the field named once', () => {
  it.each([
    ['requiredShare', RegisterObligationRequest, { commercialProjectId: 'a', name: 'Marina', provinceCode: '31', residentialLandAreaM2: 5, requiredShare: -1, dueDate: '2027-01-01' }, ["Trường 'requiredShare' phải là số lớn hơn 0"]],
    ['a missing measure', RecordHandoverRequest, { form: 'money', handedOverAt: '2026-01-01' }, ["Trường 'amountVnd' là bắt buộc khi 'form' là \"money\""]],
    ['a household member that is no object', SubmitApplicationRequest, { ...application, household: [1] }, ["Mỗi phần tử của trường 'household' phải là một đối tượng JSON", "Trường 'household.0' phải là một đối tượng JSON"]],
    ['a missing note', ReviewFindingRequest, { verdict: 'confirmed' }, ["Trường 'note' là bắt buộc"]],
    ['a missing name', RegisterProjectRequest, { ...project, name: undefined }, ["Trường 'name' là bắt buộc"]],
    ['a missing ranking', RecordPriorityRankingRequest, { method: 'ballot' }, ["Trường 'ranking' là bắt buộc"]],
    ['an empty note', ReviewFindingRequest, { verdict: 'confirmed', note: '' }, ["Trường 'note' không được để trống"]],
  ])('%s', async (_, metatype, body, lines) => {
    expect((await refusal(metatype, body)).message).toEqual(lines);
  });

  it('says nothing in English in a body with every field wrong', async () => {
    const wrong = { id: '../x', projectId: 5, tenure: 'x', applicant: [], household: [1, { relation: 'x' }], category: 1, monthlyIncomeVnd: -1.5, housing: { ownsHome: 'x', floorAreaPerPersonM2: 'x' }, submittedAt: 'x', receivedBy: 7, extra: null };
    const answer = await refusal(SubmitApplicationRequest, wrong);
    for (const line of answer.message) expect(line).toMatch(VIETNAMESE_LINE);
    for (const line of answer.message) expect(line).not.toMatch(/\b(must|should|each value|is required)\b/);
  });
});
