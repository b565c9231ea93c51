import { InvalidTokenRequest } from '../auth/token.service';
import { ConfigError } from '../config/config-error';
import { errorMessageVi } from '../http/error-messages-vi';
import { CodedError } from '../shared/coded-error';

/** Node's system errors (fs, net, dns) carry these beside their English message. */
interface SystemError extends Error {
  code: string;
  syscall: string;
  path?: string;
  hostname?: string;
  address?: string;
  port?: number;
}

/** What the operator reads for the system errors a command meets (files named on the command line, the database, the service). */
const SYSTEM_ERRORS_VI: Readonly<Partial<Record<string, string>>> = {
  ENOENT: 'không có tệp hoặc thư mục này',
  EACCES: 'không có quyền truy cập',
  EPERM: 'không được phép',
  EISDIR: 'là một thư mục, không phải tệp',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  EEXIST: 'đã có rồi',
  ENOSPC: 'hết chỗ trên đĩa',
  EROFS: 'hệ thống tệp chỉ cho đọc',
  EMFILE: 'quá nhiều tệp đang mở',
  ECONNREFUSED: 'bị từ chối kết nối',
  ECONNRESET: 'kết nối bị ngắt',
  ENOTFOUND: 'không tìm thấy tên máy',
  EAI_AGAIN: 'tạm thời không tra được tên máy',
  ETIMEDOUT: 'hết thời gian chờ',
  EHOSTUNREACH: 'không tới được máy',
  ENETUNREACH: 'không tới được mạng',
};

const isSystemError = (error: unknown): error is SystemError =>
  error instanceof Error && typeof (error as Partial<SystemError>).code === 'string' && typeof (error as Partial<SystemError>).syscall === 'string';

/** A PostgreSQL refusal (pg's DatabaseError): a severity and an SQLSTATE code. */
const isDatabaseError = (error: unknown): error is Error & { code: string; severity: string } =>
  error instanceof Error && typeof (error as { severity?: unknown }).severity === 'string' && typeof (error as { code?: unknown }).code === 'string';

/** An English message of unknown length and shape, cut to its first line: the operator gets one line, never a stack. */
const firstLine = (text: string): string => text.split('\n', 1)[0].trim();

/**
 * The system error behind `error`, if any: fetch wraps its socket's error as the cause of "fetch
 * failed", and a connection tried on several addresses (pg to localhost) fails as an AggregateError.
 */
function systemCause(error: unknown): SystemError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (isSystemError(current)) return current;
    current = current instanceof AggregateError && current.errors.length > 0 ? current.errors[0] : current.cause;
  }
  return undefined;
}

function systemLine(error: SystemError): string {
  const reason = SYSTEM_ERRORS_VI[error.code] ?? firstLine(error.message);
  if (error.path !== undefined) return `tệp ${error.path}: ${reason} (${error.code})`;
  const host = error.hostname ?? error.address;
  if (host !== undefined) return `không kết nối được tới ${host}${error.port !== undefined ? `:${error.port}` : ''}: ${reason} (${error.code})`;
  return `lỗi hệ thống (${error.syscall}): ${reason} (${error.code})`;
}

/**
 * The one line `noxh` prints for a command that failed by throwing (cli.ts): whatever a command
 * lets escape is said here, in Vietnamese, so no command, present or future, can print a stack
 * trace or a bare English message. Expected refusals name themselves (`messageVi`, a ledger
 * `code`); a file or connection that failed names the file or the host; anything else is called
 * unexpected, with its English first line so it can still be reported.
 */
export function failureLine(error: unknown): string {
  if (error instanceof ConfigError) return `${error.vi} (${error.message})`;
  if (error instanceof CodedError) {
    // The board's wording of the ledger's refusal, as the API gives it; the English, with its ids, beside it.
    return `${error.code}: ${errorMessageVi(error.code, error.message, error.details)} (${error.message})`;
  }
  if (error instanceof Error && typeof (error as { messageVi?: unknown }).messageVi === 'string') return (error as Error & { messageVi: string }).messageVi;
  // Its messages are written in Vietnamese (token.service.ts).
  if (error instanceof InvalidTokenRequest) return error.message;
  const system = systemCause(error);
  if (system) return systemLine(system);
  if (isDatabaseError(error)) return `cơ sở dữ liệu từ chối (SQLSTATE ${error.code}): ${firstLine(error.message)}`;
  if (error instanceof SyntaxError) return `nội dung không phải JSON hợp lệ: ${firstLine(error.message)}`;
  if (error instanceof Error) {
    // fetch says only "fetch failed"; why (a refused port, a bad certificate) is its cause.
    const cause = error.cause instanceof Error ? ` (${firstLine(error.cause.message)})` : '';
    return `lỗi ngoài dự kiến (${error.name}): ${firstLine(error.message)}${cause}`;
  }
  return `lỗi ngoài dự kiến: ${firstLine(String(error))}`;
}
