/**
 * What a board reads when the ledger refuses a command, by the error's stable `code`
 * (API.md "Errors"). Keyed by code, not by class, because the code is the contract: several
 * classes share one (`INVALID_FIGURE`, `UNIT_NOT_FOUND`) and the English `message` with its ids
 * stays beside it as `messageEn`. The HTTP layer's own codes (`PROJECTION_LAGGING`,
 * `RATE_LIMITED`, the registry's) are here too: error-body.ts reads a code's line when the
 * refusal came in English only. A code missing here is a failing unit test, not a silent English line.
 */
// Partial: a code looked up may have no line yet (errorMessageVi falls back to the English).
export const ERROR_MESSAGES_VI: Readonly<Partial<Record<string, string>>> = {
  ALLOCATION_NOT_FOUND: 'Không tìm thấy quyết định phân bổ',
  ALLOCATION_NOT_IN_FORCE: 'Quyết định phân bổ không còn hiệu lực',
  ALREADY_BENEFICIARY: 'Người nộp đơn đã được hưởng chính sách nhà ở xã hội',
  ALREADY_DRAWN: 'Đợt bốc thăm đã được quay',
  APPLICATION_ALREADY_ALLOCATED: 'Hồ sơ đã được phân bổ căn hộ',
  APPLICATION_ALREADY_SUBMITTED: 'Hồ sơ đã được nộp trước đó',
  APPLICATION_NOT_FOUND: 'Không tìm thấy hồ sơ',
  APPLICATION_PROJECT_MISMATCH: 'Hồ sơ thuộc dự án khác',
  APPLICATION_WITHDRAWN: 'Hồ sơ đã được rút',
  BENEFIT_NOT_HELD: 'Người này không đang hưởng chính sách',
  CHECKPOINT_NOT_FOUND: 'Không tìm thấy điểm kiểm tra (checkpoint) của nhật ký',
  CONCURRENCY_CONFLICT: 'Dữ liệu vừa được người khác thay đổi; vui lòng tải lại và thử lại',
  COSIGNATURE_REJECTED: 'Chữ ký đồng xác nhận không hợp lệ',
  DECISION_BEFORE_SUBMISSION: 'Ngày quyết định sớm hơn ngày nộp hồ sơ',
  DECISION_IN_FUTURE: 'Ngày quyết định ở tương lai',
  DUPLICATE_UNIT_NO: 'Số căn hộ bị lặp',
  EVENT_NOT_IN_TREE: 'Sự kiện không nằm trong cây Merkle của điểm kiểm tra',
  EVENT_TOO_LARGE: 'Dữ liệu quá lớn để ghi vào nhật ký',
  FINDING_NOT_FOUND: 'Không tìm thấy phát hiện',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key đã được dùng cho một yêu cầu khác',
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 'Yêu cầu với Idempotency-Key này đang được xử lý; vui lòng thử lại sau',
  INVALID_EVENT: 'Dữ liệu không hợp lệ để ghi vào nhật ký',
  INVALID_FIGURE: "Số liệu '{field}' không hợp lệ: {value}",
  JUSTIFICATION_REQUIRED: 'Quyết định khác với kết quả theo chính sách phải kèm lý do giải trình',
  LAND_FUND_OBLIGATION_DISCHARGED: 'Nghĩa vụ quỹ đất 20% đã được hoàn thành',
  LAND_FUND_OBLIGATION_EXISTS: 'Nghĩa vụ quỹ đất của dự án này đã được đăng ký',
  LAND_FUND_OBLIGATION_NOT_FOUND: 'Không tìm thấy nghĩa vụ quỹ đất',
  LOTTERY_ALREADY_OPEN: 'Dự án đã có đợt bốc thăm đang mở',
  LOTTERY_NOT_FOUND: 'Không tìm thấy đợt bốc thăm',
  NOT_ELIGIBLE: 'Hồ sơ chưa có quyết định đủ điều kiện còn hiệu lực',
  NO_ENTRANTS: 'Đợt bốc thăm không có người tham gia',
  NO_POLICY_IN_FORCE: 'Không có chính sách nào có hiệu lực vào ngày này',
  NO_POPULATION_SNAPSHOT: 'Chưa có dữ liệu dân cư để đối chiếu',
  NO_UNITS: 'Danh sách căn hộ trống',
  PLANNED_UNITS_EXCEEDED: 'Vượt quá số căn hộ theo quy hoạch của dự án',
  PROJECT_ALREADY_REGISTERED: 'Dự án đã được đăng ký',
  PROJECT_HAS_ALLOCATIONS: 'Dự án đã có quyết định phân bổ',
  PROJECT_NOT_FOUND: 'Không tìm thấy dự án',
  PROJECTION_LAGGING: 'Dữ liệu để đọc (read model) vẫn đang cập nhật những gì đã ghi trước đó sau {waitedSeconds} giây chờ; vui lòng thử lại sau {retryAfterSeconds} giây',
  PROOF_OUT_OF_RANGE: 'Vị trí yêu cầu chứng minh nằm ngoài điểm kiểm tra',
  RATE_LIMITED: 'Quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau {retryAfterSeconds} giây',
  REGISTRY_REJECTED: 'Cơ sở dữ liệu dân cư từ chối yêu cầu tra cứu (mã {status}); thử lại cũng không được, cần người vận hành kiểm tra',
  REGISTRY_UNAVAILABLE: 'Cơ sở dữ liệu dân cư tạm thời không trả lời được ({reason}); chưa ghi gì cho các hồ sơ còn chờ kiểm tra, vui lòng thử lại sau {retryAfterSeconds} giây',
  SEED_MISMATCH: 'Hạt giống bốc thăm không khớp với cam kết đã công bố',
  STREAM_NOT_FOUND: 'Không tìm thấy luồng sự kiện',
  TENURE_MISMATCH: 'Hình thức (mua/thuê/thuê mua) của hồ sơ khác với căn hộ',
  UNIT_ALREADY_ALLOCATED: 'Căn hộ đã được phân bổ hoặc đang có người ở',
  UNIT_ALREADY_HANDED_OVER: 'Căn hộ đã được bàn giao',
  UNIT_ALREADY_RELEASED: 'Căn hộ đã được đưa vào danh sách trước đó',
  UNIT_NOT_FOUND: 'Không tìm thấy căn hộ trong danh sách của dự án',
  UNIT_NOT_HANDED_OVER: 'Căn hộ chưa được bàn giao',
  UNKNOWN_RENT_ZONE: 'Không xác định được vùng giá thuê',
};

/**
 * The Vietnamese line for a refusal; `{name}` is filled from the error's details so a board sees
 * which figure or unit without reading the English. The English if a code was forgotten (the spec
 * catches that).
 */
export function errorMessageVi(code: string, en: string, details: Readonly<Record<string, unknown>> = {}): string {
  const text = ERROR_MESSAGES_VI[code];
  if (text === undefined) return en;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
