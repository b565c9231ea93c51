import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { rotateSigningKey } from '../audit/checkpoints/signing-keys';
import { loadConfig } from '../config/app-config';

/** `noxh keys rotate`: checkpoints are signed with a new key from now on; the old public key stays trusted. */
@SubCommand({ name: 'rotate', description: 'Start signing checkpoints with a new Ed25519 key (old checkpoints stay valid)' })
export class RotateKeysCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = loadConfig();
    const { previous, current } = await rotateSigningKey(config.checkpoints.signingKeyPem, config.dataDir);
    process.stdout.write(`rotated: checkpoints are now signed by ${current}; ${previous} stays trusted for the checkpoints it signed\n`);
  }
}

@Command({ name: 'keys', description: 'The checkpoint signing key', subCommands: [RotateKeysCommand] })
export class KeysCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
