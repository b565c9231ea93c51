import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { InspectionModule } from '../inspection/inspection.module';
import { CLOCK, type Clock } from '../shared/clock';
import { KEY_RING, keyRingSource, type KeyRingSource, WITNESS_KEYS, witnessKeysOf } from './checkpoints/checkpoint-keys.provider';
import { Checkpointer } from './checkpoints/checkpointer';
import { CheckpointerService } from './checkpoints/checkpointer.service';
import { CheckpointsHttpController } from './http/checkpoints.http.controller';
import { EvidenceBundleHttpController } from './http/evidence-bundle.http.controller';
import { ReadStreamHandler } from './queries/read-stream/read-stream.handler';
import { ReadStreamHttpController } from './queries/read-stream/read-stream.http.controller';
import { VerifyLedgerHandler } from './queries/verify-ledger/verify-ledger.handler';
import { VerifyLedgerHttpController } from './queries/verify-ledger/verify-ledger.http.controller';
import { TamperEvidenceService } from './tamper-evidence.service';
import { LedgerVerificationService } from './verification/ledger-verification.service';

/** The inspectorate's raw view of the log and its tamper evidence: chains, signed Merkle checkpoints, witnesses, proofs, bundles. */
@Module({
  imports: [CqrsModule, InspectionModule],
  controllers: [ReadStreamHttpController, VerifyLedgerHttpController, CheckpointsHttpController, EvidenceBundleHttpController],
  providers: [
    ReadStreamHandler,
    VerifyLedgerHandler,
    { provide: KEY_RING, inject: [APP_CONFIG], useFactory: keyRingSource },
    { provide: WITNESS_KEYS, inject: [APP_CONFIG], useFactory: witnessKeysOf },
    // Its own runner: the tree is not one of the read models the fresh-reads wait for.
    { provide: ProjectionRunner, inject: [EVENT_STORE, DataSource], useFactory: (store: EventStore, db: DataSource) => new ProjectionRunner(store, db) },
    {
      provide: Checkpointer,
      inject: [EVENT_STORE, DataSource, ProjectionRunner, APP_CONFIG, KEY_RING, CLOCK],
      useFactory: (store: EventStore, db: DataSource, runner: ProjectionRunner, config: AppConfig, keys: KeyRingSource, clock: Clock) =>
        new Checkpointer(store, db, runner, config.checkpoints, keys, clock),
    },
    CheckpointerService,
    LedgerVerificationService,
    TamperEvidenceService,
  ],
})
export class AuditModule {}
