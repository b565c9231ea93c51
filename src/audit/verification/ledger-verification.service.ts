import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { KEY_RING, type KeyRingSource, WITNESS_KEYS } from '../checkpoints/checkpoint-keys.provider';
import { type LedgerVerification, type VerifiedPrefix, verifyLedger } from './ledger-verifier';

/**
 * GET /audit/verify. The first run in a process reads the whole log; later runs resume from the
 * last checkpoint found good, so a request hashes only what came since. The resumed state lives in
 * this process's memory, not in the database an attacker could edit; `full=true` (and `noxh
 * verify`, always full) reads everything again, which is how an old edit is found.
 */
@Injectable()
export class LedgerVerificationService {
  private prefix?: VerifiedPrefix;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_RING) private readonly keys: KeyRingSource,
    @Inject(WITNESS_KEYS) private readonly witnesses: Map<string, KeyObject>,
  ) {}

  verify(full: boolean): Promise<LedgerVerification> {
    // One run at a time: two would both read the same new events.
    const run = this.running.then(async () => {
      const { trusted } = await this.keys();
      const resume = full ? undefined : this.prefix;
      // The run takes the prefix over (VerifyOptions.resume): only what it returns, if it ends well, is kept.
      this.prefix = undefined;
      const { report, prefix } = await verifyLedger(this.store, { trusted, witnesses: this.witnesses, resume });
      if (report.ok && prefix) this.prefix = prefix;
      return report;
    });
    this.running = run.catch(() => undefined);
    return run;
  }
}
