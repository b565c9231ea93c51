import { Module } from '@nestjs/common';
import { PolicyCatalogue, type PolicyFile } from './domain/policy-catalogue';
import { POLICY_CATALOGUE, POLICY_FILES_TOKEN } from './eligibility.tokens';
import { POLICY_FILES } from './policies/policy-files';

/**
 * The rules in force, as data. The catalogue is built (and every policy file validated) when the
 * module starts, so a bad or overlapping policy file stops the service instead of mis-judging files.
 */
@Module({
  providers: [
    { provide: POLICY_FILES_TOKEN, useValue: POLICY_FILES },
    { provide: POLICY_CATALOGUE, useFactory: (files: readonly PolicyFile[]) => new PolicyCatalogue(files), inject: [POLICY_FILES_TOKEN] },
  ],
  exports: [POLICY_CATALOGUE],
})
export class EligibilityModule {}
