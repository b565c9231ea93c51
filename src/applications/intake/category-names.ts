import { BENEFICIARY_CATEGORIES, type BeneficiaryCategory } from '../domain/application.events';

/** Đối tượng (Housing Law 2023 Art. 76, POLICY.md) as boards write them; the template's list. */
export const CATEGORY_NAMES_VI: Record<BeneficiaryCategory, string> = {
  'revolution-contributor': 'Người có công với cách mạng',
  'rural-poor': 'Hộ nghèo, cận nghèo nông thôn',
  'rural-poor-disaster': 'Hộ nghèo, cận nghèo vùng thiên tai',
  'urban-poor': 'Hộ nghèo, cận nghèo đô thị',
  'urban-low-income': 'Người thu nhập thấp tại đô thị',
  worker: 'Công nhân',
  'armed-forces': 'Lực lượng vũ trang',
  'civil-servant': 'Cán bộ, công chức, viên chức',
  'returned-official-housing': 'Đã trả lại nhà ở công vụ',
  'land-recovery': 'Bị thu hồi đất',
  student: 'Học sinh, sinh viên',
  enterprise: 'Doanh nghiệp, hợp tác xã',
  'two-children': 'Cha mẹ có hai con trở lên',
};

export const CATEGORY_CODES: readonly BeneficiaryCategory[] = BENEFICIARY_CATEGORIES;
