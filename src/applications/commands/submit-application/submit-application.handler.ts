import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { provinceOfBoardProject } from '../../../allocation/commands/project-of-board';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { handleCommand } from '../../../event-store/handle-command';
import { streams } from '../../../shared/streams';
import { applicationDecider } from '../../domain/application.decider';
import type { ApplicationSubmitted, HouseholdMember, Person } from '../../domain/application.events';
import { SubmitApplicationCommand } from './submit-application.command';
import type { SubmitApplicationRequest, SubmittedResponse } from './submit-application.request.dto';
import type { HouseholdMemberDto, PersonDto } from './person.dto';

/**
 * Records a received file (hồ sơ). A submission is a fact: the same citizen applying to another
 * project or province is recorded too, and left to the duplicate-applicant detector to judge.
 */
@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request, actor, idempotencyKey }: SubmitApplicationCommand): Promise<SubmittedResponse> {
    const provinceCode = await provinceOfBoardProject(this.store, request.projectId, actor);
    const id = request.id ?? randomUUID();
    await handleCommand(
      this.store,
      streams.application(id),
      applicationDecider,
      { type: 'SubmitApplication', data: submissionOf(id, provinceCode, request) },
      // A file is almost always new: its stream is not read unless it turns out to exist.
      { actor, idempotencyKey, newStreamFirst: true },
    );
    return { id };
  }
}

/**
 * Plain event data, field by field: the HTTP DTOs are never the payload. Shared with the
 * spreadsheet intake, which submits each row as this endpoint would; `migratedFrom` names the
 * paper register of a historical import and is absent otherwise.
 */
export function submissionOf(
  applicationId: string,
  provinceCode: string,
  request: SubmitApplicationRequest,
  migratedFrom?: string,
): ApplicationSubmitted['data'] {
  const { projectId, tenure, applicant, household, category, monthlyIncomeVnd, housing, submittedAt, receivedBy } = request;
  return {
    applicationId,
    projectId,
    provinceCode,
    tenure,
    applicant: personOf(applicant),
    household: household.map(memberOf),
    category,
    monthlyIncomeVnd,
    housing: { ownsHome: housing.ownsHome, floorAreaPerPersonM2: housing.floorAreaPerPersonM2 ?? 0 },
    submittedAt,
    receivedBy,
    ...(migratedFrom !== undefined && { migratedFrom }),
  };
}

function personOf({ citizenId, fullName, dateOfBirth, gender }: PersonDto): Person {
  return { citizenId, fullName, dateOfBirth, gender: gender ?? null };
}

function memberOf(member: HouseholdMemberDto): HouseholdMember {
  return { ...personOf(member), relation: member.relation };
}
