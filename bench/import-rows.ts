import { CATEGORY_NAMES_VI } from '../src/applications/intake/category-names';

/** The intake's header, as the template writes it. */
const HEADER = ['Mã hồ sơ', 'Số CCCD', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Đối tượng', 'Thu nhập bình quân tháng', 'Hình thức', 'Sở hữu nhà ở', 'Diện tích bình quân', 'Ngày nộp'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn Hùng', 'Thị Lan', 'Minh Anh', 'Thu Hà', 'Quốc Bảo', 'Ngọc Mai', 'Đức Thắng'];

/** One application of the benchmark, as its cells are typed and as its event payload will hold it. */
export interface BenchRow {
  cells: string[];
  payload: Record<string, unknown>;
}

/** `n` distinct clean applications in a clerk's typing (12.000.000, DD/MM/YYYY, Nữ, mua): every row is written. */
export function benchRows(n: number, projectId: string, officer: string): BenchRow[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `BENCH-${i}`;
    const citizenId = `031${String(100_000_000 + i).slice(-9)}`;
    const fullName = `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`;
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const year = 1960 + (i % 40);
    const female = i % 2 === 0;
    const income = 5_000_000 + (i % 20) * 500_000;
    const cells = [id, citizenId, fullName, `${day}/${month}/${year}`, female ? 'Nữ' : 'Nam', CATEGORY_NAMES_VI.worker,
      income.toLocaleString('de-DE'), 'mua', 'Không', '', '15/09/2025'];
    const payload = {
      applicationId: id, projectId, provinceCode: '31', tenure: 'sale',
      applicant: { citizenId, fullName, dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, gender: female ? 'female' : 'male' },
      household: [], category: 'worker', monthlyIncomeVnd: income, housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
      submittedAt: '2025-09-15', receivedBy: officer,
    };
    return { cells, payload };
  });
}

export function benchCsv(rows: readonly BenchRow[]): Buffer {
  return Buffer.from([HEADER, ...rows.map((r) => r.cells)].map((cells) => cells.join(',')).join('\n'), 'utf8');
}
