import type { PolicyFile } from '../domain/policy-catalogue';
import { ninhThuanResolution02Of2007 } from './ninh-thuan-resolution-02-2007.policy';
import { decree100Of2024 } from './vn-decree-100-2024.policy';
import { decree136Of2026 } from './vn-decree-136-2026.policy';
import { decree261Of2025 } from './vn-decree-261-2025.policy';

/**
 * Every policy version the service judges by. Data modules rather than JSON: `tsc` does not copy
 * JSON into dist/, and a module loads the same way under the build and under jest's ESM. A new
 * instrument is one new `*.policy.ts` file and one line here; the catalogue validates it at start-up.
 */
export const POLICY_FILES: readonly PolicyFile[] = [
  { file: 'vn-decree-100-2024.policy.ts', policy: decree100Of2024 },
  { file: 'vn-decree-261-2025.policy.ts', policy: decree261Of2025 },
  { file: 'vn-decree-136-2026.policy.ts', policy: decree136Of2026 },
  { file: 'ninh-thuan-resolution-02-2007.policy.ts', policy: ninhThuanResolution02Of2007 },
];
