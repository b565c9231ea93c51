import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { rotateSigningKey } from '../audit/checkpoints/signing-keys';
import { loadConfig } from '../config/app-config';
import { CommandGroup } from './command-group';

/** `noxh keys rotate`: checkpoints are signed with a new key from now on; the old public key stays trusted. */
@SubCommand({ name: 'rotate', description: 'Ký các điểm kiểm tra (checkpoint) bằng một khóa Ed25519 mới; các điểm kiểm tra cũ vẫn hợp lệ (rotate the signing key)' })
export class RotateKeysCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = loadConfig();
    const { previous, current } = await rotateSigningKey(config.checkpoints.signingKeyPem, config.dataDir);
    process.stdout.write(`đã đổi khóa ký: từ nay các điểm kiểm tra được ký bằng khóa ${current}; khóa ${previous} vẫn được tin cậy cho các điểm kiểm tra nó đã ký\n`);
  }
}

@Command({ name: 'keys', description: 'Khóa ký điểm kiểm tra (checkpoint signing key)', subCommands: [RotateKeysCommand] })
export class KeysCommand extends CommandGroup {}
