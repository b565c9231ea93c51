import { CommandRunner, SubCommand } from 'nest-commander';
import type { ExtractKind } from '../population/extract/extract-schemas';
import { listSnapshots, UnknownSnapshot, useSnapshot } from '../population/extract/registry-snapshots';
import { fail } from './ledger-context';
import { registryCommand, withRegistryClient } from './registry-client';

/** `noxh registry use SNAPSHOT`: the police checks from now on read that snapshot. */
async function runUse(kind: ExtractKind, id: string | undefined): Promise<void> {
  if (!id) {
    fail(`give the snapshot: noxh ${registryCommand(kind)} use SNAPSHOT (see noxh ${registryCommand(kind)} list)`);
    return;
  }
  await withRegistryClient(async (client) => {
    try {
      const previous = await useSnapshot(client, kind, id);
      process.stdout.write(`${kind}: snapshot ${id} is current${previous === id ? ' (it already was)' : previous ? ` (was ${previous})` : ''}\n`);
    } catch (error) {
      if (error instanceof UnknownSnapshot) {
        fail(error.message);
        return;
      }
      throw error;
    }
  });
}

/** `noxh registry list`: every snapshot, the current one marked. */
async function runList(kind: ExtractKind): Promise<void> {
  await withRegistryClient(async (client) => {
    const snapshots = await listSnapshots(client, kind);
    if (snapshots.length === 0) {
      process.stdout.write(`${kind}: no snapshots (noxh ${registryCommand(kind)} import FILE.csv)\n`);
      return;
    }
    const table = [['', 'snapshot', 'imported at (UTC)', 'rows', 'rejected', 'file sha256'], ...snapshots.map((s) => [s.current ? '*' : '', s.id, s.importedAt, String(s.rows), String(s.rejected), s.fileSha256.slice(0, 16)])];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    process.stdout.write(table.map((row) => `${row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()}\n`).join(''));
  });
}

@SubCommand({ name: 'use', arguments: '<snapshot>', description: 'Make an imported population snapshot the current one (e.g. go back to an earlier one)' })
export class RegistryUseCommand extends CommandRunner {
  async run([id]: string[]): Promise<void> {
    await runUse('population', id);
  }
}

@SubCommand({ name: 'list', description: 'List the imported population snapshots; * marks the current one' })
export class RegistryListCommand extends CommandRunner {
  async run(): Promise<void> {
    await runList('population');
  }
}

@SubCommand({ name: 'use', arguments: '<snapshot>', description: 'Make an imported land snapshot the current one (e.g. go back to an earlier one)' })
export class LandRegistryUseCommand extends CommandRunner {
  async run([id]: string[]): Promise<void> {
    await runUse('land', id);
  }
}

@SubCommand({ name: 'list', description: 'List the imported land snapshots; * marks the current one' })
export class LandRegistryListCommand extends CommandRunner {
  async run(): Promise<void> {
    await runList('land');
  }
}
