import { normalizeName } from './normalize-name';

/*
 * Common Vietnamese family, middle and given names, as clerks write them. Two different names from
 * these lists (Hùng and Dũng, Văn and Thị) are two people, not a typo: an edit-distance measure
 * alone cannot tell "HUNG"/"DUNG" from "HUNG"/"HUNH", and it is the first that namesakes produce.
 */
export const FAMILY_NAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương',
  'Đinh', 'Lý', 'Mai', 'Trịnh', 'Đào', 'Cao', 'Lương', 'Tạ',
] as const;
export const MIDDLE_NAMES = {
  male: ['Văn', 'Minh', 'Quốc', 'Hữu', 'Đức', 'Thanh', 'Xuân', 'Gia', 'Công', 'Đình', 'Mạnh', 'Trọng', 'Anh', 'Tuấn'],
  female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hoài', 'Xuân', 'Kim', 'Thùy', 'Phương', 'Minh', 'Bích', 'Hồng', 'Mỹ', 'Diệu'],
} as const;
export const GIVEN_NAMES = {
  male: [
    'An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Long', 'Nam', 'Nghĩa', 'Phúc', 'Quân',
    'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Hưng', 'Lâm', 'Phong', 'Tài', 'Tùng', 'Kiên',
  ],
  female: [
    'Anh', 'Ánh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hồng', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My',
    'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Tuyết', 'Vân', 'Vy', 'Yến', 'Thủy', 'Huyền', 'Liên', 'Nhi',
  ],
} as const;

/** Every word of the lists above, normalised as names are (normalizeName). */
export const COMMON_NAME_WORDS: ReadonlySet<string> = new Set(
  [...FAMILY_NAMES, ...MIDDLE_NAMES.male, ...MIDDLE_NAMES.female, ...GIVEN_NAMES.male, ...GIVEN_NAMES.female].map(normalizeName),
);
