import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/findings-export';
import { FindingFilterRequest } from '../list-findings/list-findings.request.dto';

export class ExportFindingsRequest extends FindingFilterRequest {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'csv: UTF-8 with a byte-order mark (opens in Excel with Vietnamese intact); xlsx: an Excel workbook' })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}
