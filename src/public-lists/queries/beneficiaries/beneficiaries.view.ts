import { ApiProperty } from '@nestjs/swagger';

export class CheckpointView {
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'hex' }) rootHash!: string;
  @ApiProperty({ description: 'C2SP tlog-checkpoint body' }) note!: string;
  @ApiProperty({ description: 'Ed25519 over the note, base64' }) signature!: string;
  @ApiProperty() keyId!: string;
}

export class BeneficiaryView {
  @ApiProperty({ example: 'A-0712' }) unitNo!: string;
  @ApiProperty({ example: 'Nguyễn V. H.', description: 'Family name and initials only' }) applicant!: string;
  @ApiProperty({ example: '031******456', description: 'First and last three digits only' }) citizenId!: string;
  @ApiProperty({ example: 3, description: 'The applicant and the household declared in the file' }) householdSize!: number;
  @ApiProperty({ example: '2026-12-28T02:00:00.000Z' }) allocatedAt!: string;
  @ApiProperty({ example: '88/QĐ-SXD' }) decisionNo!: string;
  @ApiProperty({ description: 'The UnitAllocated event on the unit’s stream' }) eventId!: string;
  @ApiProperty({ description: 'That event’s hash: the Merkle leaf data' }) hash!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null until a signed checkpoint covers it' }) leafIndex!: number | null;
  @ApiProperty({ nullable: true, type: [String], description: 'hex, leaf to root; null until a signed checkpoint covers it' })
  auditPath!: string[] | null;
}

/** API.md "Public lists of beneficiaries". */
export class BeneficiariesView {
  @ApiProperty({ example: 'hp-an-dong' }) projectId!: string;
  @ApiProperty({ example: 'NOXH An Đồng' }) name!: string;
  @ApiProperty({ example: '31' }) provinceCode!: string;
  @ApiProperty({ type: CheckpointView, nullable: true, description: 'null until a signed checkpoint covers it' })
  checkpoint!: CheckpointView | null;
  @ApiProperty({ type: [BeneficiaryView], description: 'The units allocated now, by unit number' }) items!: BeneficiaryView[];
}
