import { ApiProperty } from '@nestjs/swagger';

export class UnitTransferView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As recorded by UnitTransferred: kind, transferredAt, toCitizenId?, priceVnd?' })
  transfer!: Record<string, unknown>;
}

export class ProjectUnitView {
  @ApiProperty({ example: 'A-101' }) unitNo!: string;
  @ApiProperty() floorAreaM2!: number;
  @ApiProperty({ enum: ['sale', 'rent', 'hire-purchase'] }) tenure!: string;
  @ApiProperty({ description: 'VND (string: may exceed 2^53)', example: '1200000000' }) priceVnd!: string;
  @ApiProperty({ example: 'allocated', description: 'available, allocated, handed-over…' }) status!: string;
  @ApiProperty({ nullable: true, type: String }) allocationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) citizenId!: string | null;
  @ApiProperty({ nullable: true, type: String }) allocatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) handedOverAt!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Transfers recorded for the unit, in log order' })
  transfers!: Record<string, unknown>[];
}

export class ProjectApplicationView {
  @ApiProperty() applicationId!: string;
  @ApiProperty({ example: '031190001234' }) citizenId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() tenure!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ description: 'submitted, withdrawn…' }) status!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['eligible', 'ineligible'] }) eligibility!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Rank in the recorded ranking or ballot' }) priorityRank!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['ballot', 'score'] }) rankMethod!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitNo!: string | null;
}

/** What the console's project page shows: the project, its units and their states, its applications with their ranks. */
export class ProjectOverviewView {
  @ApiProperty() projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '31' }) provinceCode!: string;
  @ApiProperty() plannedUnits!: number;
  @ApiProperty() releasedUnits!: number;
  @ApiProperty({ type: [ProjectUnitView] }) units!: ProjectUnitView[];
  @ApiProperty({ type: [ProjectApplicationView], description: 'By rank when ranked, then by submission' }) applications!: ProjectApplicationView[];
}
