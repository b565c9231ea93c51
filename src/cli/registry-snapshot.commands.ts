import { CommandRunner, SubCommand } from 'nest-commander';
import type { ExtractKind } from '../population/extract/extract-schemas';
import { listSnapshots, UnknownSnapshot, useSnapshot } from '../population/extract/registry-snapshots';
import { fail } from './ledger-context';
import { registryCommand, withRegistryClient } from './registry-client';

/** `noxh registry use SNAPSHOT`: the police checks from now on read that snapshot. */
async function runUse(kind: ExtractKind, id: string | undefined): Promise<void> {
  if (!id) {
    fail(`cần số bản trích lục: noxh ${registryCommand(kind)} use SNAPSHOT (xem noxh ${registryCommand(kind)} list)`);
    return;
  }
  await withRegistryClient(async (client) => {
    try {
      const previous = await useSnapshot(client, kind, id);
      process.stdout.write(`${kind}: bản trích lục ${id} đang được dùng${previous === id ? ' (vốn đã được dùng)' : previous ? ` (thay cho ${previous})` : ''}\n`);
    } catch (error) {
      if (error instanceof UnknownSnapshot) {
        fail(error.messageVi);
        return;
      }
      throw error;
    }
  });
}

/** `noxh registry list`: every snapshot, the current one marked (`*`). */
async function runList(kind: ExtractKind): Promise<void> {
  await withRegistryClient(async (client) => {
    const snapshots = await listSnapshots(client, kind);
    if (snapshots.length === 0) {
      process.stdout.write(`${kind}: chưa có bản trích lục nào (noxh ${registryCommand(kind)} import FILE.csv)\n`);
      return;
    }
    const table = [['', 'bản trích lục', 'nhập lúc (UTC)', 'số dòng', 'bị từ chối', 'sha256 của tệp'], ...snapshots.map((s) => [s.current ? '*' : '', s.id, s.importedAt, String(s.rows), String(s.rejected), s.fileSha256.slice(0, 16)])];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    process.stdout.write(table.map((row) => `${row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()}\n`).join(''));
  });
}

@SubCommand({ name: 'use', arguments: '<snapshot>', description: 'Dùng một bản trích lục dân cư đã nhập làm bản hiện hành, ví dụ quay lại bản trước (make a population snapshot current)' })
export class RegistryUseCommand extends CommandRunner {
  async run([id]: string[]): Promise<void> {
    await runUse('population', id);
  }
}

@SubCommand({ name: 'list', description: 'Liệt kê các bản trích lục dân cư đã nhập; * là bản đang dùng (list the population snapshots)' })
export class RegistryListCommand extends CommandRunner {
  async run(): Promise<void> {
    await runList('population');
  }
}

@SubCommand({ name: 'use', arguments: '<snapshot>', description: 'Dùng một bản trích lục đất đai đã nhập làm bản hiện hành, ví dụ quay lại bản trước (make a land snapshot current)' })
export class LandRegistryUseCommand extends CommandRunner {
  async run([id]: string[]): Promise<void> {
    await runUse('land', id);
  }
}

@SubCommand({ name: 'list', description: 'Liệt kê các bản trích lục đất đai đã nhập; * là bản đang dùng (list the land snapshots)' })
export class LandRegistryListCommand extends CommandRunner {
  async run(): Promise<void> {
    await runList('land');
  }
}
