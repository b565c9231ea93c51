import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { INCLUSION_PROOFS, NO_INCLUSION_PROOFS_YET } from './inclusion-proofs.port';
import { BeneficiariesHandler } from './queries/beneficiaries/beneficiaries.handler';
import { BeneficiariesHttpController } from './queries/beneficiaries/beneficiaries.http.controller';

/** The lists Decree 100/2024 has published, masked, with what lets anyone check them against the ledger. */
@Module({
  imports: [CqrsModule],
  controllers: [BeneficiariesHttpController],
  // Rebound to the checkpointer's proofs when issue 10 lands.
  providers: [BeneficiariesHandler, { provide: INCLUSION_PROOFS, useValue: NO_INCLUSION_PROOFS_YET }],
})
export class PublicListsModule {}
