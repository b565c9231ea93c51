import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { Role } from '../shared/actor';

/** Roles as the console names them, for the Vietnamese lines. */
const ROLE_VI: Readonly<Record<Role, string>> = { board: 'Hội đồng xét duyệt', inspector: 'Thanh tra', police: 'Công an', admin: 'Quản trị' };

/** A 401 or 403 as every error reads (API.md "Errors"): `message` in Vietnamese, `messageEn` in English. */
export const noToken = (): UnauthorizedException =>
  new UnauthorizedException({ message: ['Cần mã truy cập (bearer token) để dùng chức năng này'], messageEn: ['A bearer token is required'] });

export const badToken = (): UnauthorizedException =>
  new UnauthorizedException({ message: ['Mã truy cập (bearer token) không hợp lệ hoặc đã hết hạn'], messageEn: ['The bearer token is invalid or expired'] });

export const wrongRole = (role: Role, allowed: readonly Role[]): ForbiddenException =>
  new ForbiddenException({
    message: [`Vai trò ${ROLE_VI[role]} không được làm việc này; được phép: ${allowed.map((r) => ROLE_VI[r]).join(', ')}`],
    messageEn: [`Role ${role} may not do this; allowed: ${allowed.join(', ')}`],
  });

export const otherProvince = (role: Role, own: string | undefined, provinceCode: string): ForbiddenException =>
  forbidden(`${ROLE_VI[role]} tỉnh ${own ?? '?'} không được làm việc của tỉnh ${provinceCode}`, `A ${role} of province ${own} may not act for province ${provinceCode}`);

/** What a reader may not read, in both languages. */
export interface Readable {
  vi: string;
  en: string;
}

export const notReadable = (role: Role, own: string | undefined, what: Readable, provinceCode: string | null): ForbiddenException =>
  forbidden(
    `${ROLE_VI[role]} tỉnh ${own ?? '?'} không được xem ${what.vi} ${provinceCode === null ? 'không thuộc tỉnh nào' : `của tỉnh ${provinceCode}`}`,
    `A ${role} of province ${own} may not read ${what.en} of ${provinceCode ?? 'no province'}`,
  );

/** A 403 with its reason in both languages. */
export const forbidden = (vi: string, en: string): ForbiddenException => new ForbiddenException({ message: [vi], messageEn: [en] });
