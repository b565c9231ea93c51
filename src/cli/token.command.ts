import { Command, CommandRunner, Option } from 'nest-commander';
import { TokenService } from '../auth/token.service';
import { Role } from '../shared/actor';

interface TokenOptions {
  role: Role;
  province?: string;
  sub?: string;
  ttl: string;
}

/** `noxh token --role board|inspector|police|admin [--province CODE] [--sub NAME] [--ttl 8h]` (API.md). */
@Command({ name: 'token', description: 'In một JWT đã ký cho một vai trò (khóa bí mật: JWT_SECRET, hoặc khóa đã sinh trong DATA_DIR) (print a signed token)' })
export class TokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  run(_: string[], options: TokenOptions): Promise<void> {
    const token = this.tokens.sign(
      { role: options.role, subject: options.sub ?? `${options.role}${options.province ? `-${options.province}` : ''}`, province: options.province },
      options.ttl,
    );
    process.stdout.write(`${token}\n`);
    return Promise.resolve();
  }

  @Option({ flags: '--role <role>', description: 'board | inspector | police | admin', required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--province <code>', description: 'mã tỉnh 2 chữ số (bắt buộc với board và police)' })
  parseProvince(value: string): string {
    return value;
  }

  @Option({ flags: '--sub <name>', description: 'chủ thể (subject): người được token định danh' })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <duration>', description: 'thời hạn, ví dụ 30m, 8h, 7d', defaultValue: '8h' })
  parseTtl(value: string): string {
    return value;
  }
}
