import { Test } from '@nestjs/testing';
import type { PolicyCatalogue } from './domain/policy-catalogue';
import { EligibilityModule } from './eligibility.module';
import { POLICY_CATALOGUE, POLICY_FILES_TOKEN } from './eligibility.tokens';
import { decree261Of2025 } from './policies/vn-decree-261-2025.policy';

describe('EligibilityModule', () => {
  it('provides one catalogue of every policy version, built at start-up', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [EligibilityModule] }).compile();
    const catalogue = moduleRef.get<PolicyCatalogue>(POLICY_CATALOGUE);
    expect(catalogue.inForce('31', '2025-10-10').id).toBe('vn-decree-261-2025');
    expect(moduleRef.get(POLICY_CATALOGUE)).toBe(catalogue);
  });

  it('refuses to start with a bad policy file, naming the file and field', async () => {
    const bad = { file: 'vn-decree-261-2025.policy.ts', policy: { ...decree261Of2025, effectiveFrom: '2025-13-40' } };
    const compiling = Test.createTestingModule({ imports: [EligibilityModule] })
      .overrideProvider(POLICY_FILES_TOKEN)
      .useValue([bad])
      .compile();
    await expect(compiling).rejects.toThrow(/vn-decree-261-2025\.policy\.ts.*effectiveFrom/);
  });
});
