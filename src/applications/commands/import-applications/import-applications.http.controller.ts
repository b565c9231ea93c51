import { Controller, HttpCode, HttpStatus, Inject, Param, PayloadTooLargeException, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { bilingualBadRequest } from '../../../http/bilingual-bad-request';
import { MULTIPART_ROUTE } from '../../../http/json-bodies-only';
import type { Actor } from '../../../shared/actor';
import { type IntakeReport, importApplications } from '../../intake/import-applications';
import { IntakeHeaderMismatch } from '../../intake/intake-columns';
import { UnreadableSpreadsheet } from '../../../shared/spreadsheet/decode-text';
import { IdPath } from '../id-path.dto';

/**
 * The HTTP form of `noxh import applications` (API.md "Bulk intake from spreadsheets"): the same
 * function, so a board's upload and a clerk's CLI run give the same report for the same file.
 * Not a CQRS command: the intake decides and appends per batch itself.
 */
@ApiTags('boards')
@ApiBearerAuth()
@Controller('projects')
export class ImportApplicationsHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':id/applications/import')
  @Roles('board')
  // A report of what was read, not one created resource.
  @HttpCode(HttpStatus.OK)
  // Only this route takes multipart/form-data; it refuses JSON with 415 (json-bodies-only.ts).
  @RouteConfig({ [MULTIPART_ROUTE]: true })
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Import applications (hồ sơ) from a spreadsheet (.xlsx or .csv), multipart field `file`',
    description: 'Good rows are submitted as POST /applications would; bad rows are reported with every reason and write nothing. A re-import writes nothing new.',
  })
  @ApiOkResponse({ description: '{ accepted, alreadyImported, rejected: [{ row, sheet, errors, errorsEn }] }' })
  @ApiBadRequestResponse({ description: 'No `file` field, or a file that is not a readable spreadsheet with the template’s columns' })
  @ApiForbiddenResponse({ description: 'Not a board, or the project is of another province' })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not multipart/form-data' })
  async import(@Param() path: IdPath, @Req() request: FastifyRequest, @CurrentActor() actor: Actor): Promise<IntakeReport> {
    const file = await request.file();
    if (file === undefined || file.fieldname !== 'file') {
      throw bilingualBadRequest([{ vi: "Thiếu tệp trong trường 'file' của biểu mẫu", en: "the spreadsheet must be sent in the multipart field 'file'" }]);
    }
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw new PayloadTooLargeException(['the spreadsheet is larger than the limit']);
    try {
      // receivedBy is the board officer who uploads: the sheet has no column for it.
      return await importApplications(this.store, bytes, { projectId: path.id, officer: actor.subject, actor });
    } catch (error) {
      if (error instanceof IntakeHeaderMismatch || error instanceof UnreadableSpreadsheet) {
        throw bilingualBadRequest([{ vi: `${error.messageVi}: không nhập dòng nào`, en: `${error.message}: no row imported` }]);
      }
      throw error;
    }
  }
}
