import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorBody } from '../../../http/error-body';
import { errorMessageVi } from '../../../http/error-messages-vi';
import type { RegistryUnavailable } from '../../http/circuit-breaker';
import { RegistryRequestRejected } from '../../http/population-registry.http-client';
import { ChecksInterrupted } from './population-check.runner';

/** Without the registry's own hint, when a retry is worth it: about one circuit-breaker cooldown. */
const DEFAULT_RETRY_AFTER_S = 30;

/** Why the registry could not answer, as the police officer reads it. */
const REASONS_VI: Readonly<Record<RegistryUnavailable['reason'], string>> = {
  'circuit-open': 'tạm ngừng gọi sau nhiều lần lỗi liên tiếp',
  timeout: 'quá thời gian chờ',
  network: 'lỗi kết nối mạng',
  'http-status': 'trả lời bằng mã lỗi',
  'malformed-response': 'trả lời sai định dạng',
  'snapshot-changed': 'bản dữ liệu thay đổi giữa lúc tra cứu',
};

/**
 * The registry could not answer: 503 with Retry-After, and the tally of what the run recorded
 * before it stopped (kept: the sweep resumes with the files still due). The registry refusing our
 * request is its answer, not an outage: 502, and it needs an operator, not a retry.
 */
@Catch(ChecksInterrupted, RegistryRequestRejected)
export class RegistryFailureFilter implements ExceptionFilter {
  private readonly logger = new Logger('PopulationRegistry');

  catch(error: ChecksInterrupted | RegistryRequestRejected, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    this.logger.warn(error.message);
    // Like the ledger's other refusals with a code: Vietnamese in `message` for the officer, the English in `messageEn`.
    if (error instanceof RegistryRequestRejected) {
      const vi = errorMessageVi('REGISTRY_REJECTED', error.message, { status: error.status });
      void reply.status(502).send(errorBody(502, [vi], { code: 'REGISTRY_REJECTED', messageEn: [error.message] }));
      return;
    }
    const retryAfterS = Math.max(1, Math.ceil((error.registryError.retryAfterMs ?? DEFAULT_RETRY_AFTER_S * 1000) / 1000));
    const en = `${error.message}; nothing was recorded for the files still due, retry in ${retryAfterS} s`;
    const vi = errorMessageVi('REGISTRY_UNAVAILABLE', en, { reason: REASONS_VI[error.registryError.reason], retryAfterSeconds: retryAfterS });
    void reply
      .status(503)
      .header('Retry-After', String(retryAfterS))
      .send({
        ...errorBody(503, [vi], { code: 'REGISTRY_UNAVAILABLE', messageEn: [en] }),
        ...error.tally,
      });
  }
}
