import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { auditInclusionProofs } from './audit-inclusion-proofs';
import { INCLUSION_PROOFS } from './inclusion-proofs.port';
import { BeneficiariesHandler } from './queries/beneficiaries/beneficiaries.handler';
import { BeneficiariesHttpController } from './queries/beneficiaries/beneficiaries.http.controller';

/** The lists Decree 100/2024 has published, masked, with what lets anyone check them against the ledger. */
@Module({
  imports: [CqrsModule],
  controllers: [BeneficiariesHttpController],
  // The proofs come from the audit context's stored tree and signed checkpoints (issue 10).
  providers: [BeneficiariesHandler, { provide: INCLUSION_PROOFS, inject: [DataSource], useFactory: auditInclusionProofs }],
})
export class PublicListsModule {}
