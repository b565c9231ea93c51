import { EventStore1763900000000 } from './1763900000000-event-store';
import { ProjectionCheckpoints1763900000001 } from './1763900000001-projection-checkpoints';
import { HttpIdempotency1763900000002 } from './1763900000002-http-idempotency';
import { ReadModels1763900000003 } from './1763900000003-read-models';
import { PopulationChecksReadModel1763900000004 } from './1763900000004-population-checks-read-model';
import { AppendWithoutNotify1763900000005 } from './1763900000005-append-without-notify';
import { FindingsStreamsIndex1763900000006 } from './1763900000006-findings-streams-index';
import { DecisionAndAllocationHistory1763900000013 } from './1763900000013-decision-and-allocation-history';
import { ReleaseTransferAndOverdueFacts1763900000020 } from './1763900000020-release-transfer-and-overdue-facts';
import { RegistrySnapshots1763900000044 } from './1763900000044-registry-snapshots';
import { PopulationCheckDue1763900000045 } from './1763900000045-population-check-due';
import { CurrentRegistrySnapshots1763900000046 } from './1763900000046-current-registry-snapshots';
import { MerkleTree1763900000050 } from './1763900000050-merkle-tree';
import { LotteriesReadModel1763900000060 } from './1763900000060-lotteries-read-model';
import { MigratedFiles1763900000120 } from './1763900000120-migrated-files';
import { AppendNewStreams1763900000131 } from './1763900000131-append-new-streams';
import { AppendGroup1763900000132 } from './1763900000132-append-group';
import { PeopleBirthDateIndex1763900000140 } from './1763900000140-people-birth-date-index';
import { MerkleSparseLevels1763900000150 } from './1763900000150-merkle-sparse-levels';
import { MerkleLeavesByPosition1763900000151 } from './1763900000151-merkle-leaves-by-position';
import { MerkleBatches1763900000152 } from './1763900000152-merkle-batches';
import { DropPeopleIdentityIndexes1763900000160 } from './1763900000160-drop-people-identity-indexes';
import { PopulationCheckFailingSince1763900000170 } from './1763900000170-population-check-failing-since';

/** Every migration, in order. Run at start-up by `runMigrations`. */
export const MIGRATIONS = [
  EventStore1763900000000,
  ProjectionCheckpoints1763900000001,
  HttpIdempotency1763900000002,
  ReadModels1763900000003,
  PopulationChecksReadModel1763900000004,
  AppendWithoutNotify1763900000005,
  FindingsStreamsIndex1763900000006,
  DecisionAndAllocationHistory1763900000013,
  ReleaseTransferAndOverdueFacts1763900000020,
  RegistrySnapshots1763900000044,
  PopulationCheckDue1763900000045,
  CurrentRegistrySnapshots1763900000046,
  MerkleTree1763900000050,
  LotteriesReadModel1763900000060,
  MigratedFiles1763900000120,
  AppendNewStreams1763900000131,
  AppendGroup1763900000132,
  PeopleBirthDateIndex1763900000140,
  MerkleSparseLevels1763900000150,
  MerkleLeavesByPosition1763900000151,
  MerkleBatches1763900000152,
  DropPeopleIdentityIndexes1763900000160,
  PopulationCheckFailingSince1763900000170,
];
