/**
 * What a board reads when the HTTP layer refuses a request with nothing more specific to say in
 * Vietnamese (Nest's "Cannot GET …", Fastify's own errors, a 500): one line per status, the
 * English kept beside it as `messageEn` (API.md "Errors").
 */
const STATUS_LINES_VI: Readonly<Partial<Record<number, string>>> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần mã truy cập (bearer token) hợp lệ để dùng chức năng này',
  403: 'Không có quyền thực hiện việc này',
  404: 'Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu',
  405: 'Phương thức HTTP này không được hỗ trợ tại địa chỉ này',
  406: 'Không thể trả lời theo định dạng được yêu cầu',
  408: 'Yêu cầu gửi quá chậm; máy chủ đã ngừng chờ',
  409: 'Yêu cầu xung đột với dữ liệu hiện có',
  413: 'Nội dung yêu cầu vượt quá dung lượng cho phép',
  414: 'Địa chỉ (URL) quá dài',
  415: 'Kiểu hoặc mã hóa nội dung không được hỗ trợ',
  422: 'Nội dung yêu cầu không xử lý được',
  429: 'Quá nhiều yêu cầu; vui lòng thử lại sau',
  431: 'Phần đầu (header) của yêu cầu quá lớn',
  500: 'Lỗi hệ thống; vui lòng thử lại sau hoặc báo cho quản trị viên',
  502: 'Hệ thống bên ngoài trả lời không hợp lệ',
  503: 'Dịch vụ tạm thời chưa sẵn sàng; vui lòng thử lại sau',
  504: 'Hệ thống bên ngoài không trả lời kịp',
};

export function statusLineVi(status: number): string {
  return STATUS_LINES_VI[status] ?? (status >= 500 ? STATUS_LINES_VI[500] : STATUS_LINES_VI[400]) ?? 'Yêu cầu không hợp lệ';
}
