import type { Response } from 'supertest';

/** API.md's error shape: Vietnamese lines in `message`, Nest's English in `messageEn`, a `code` on a 409. */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message: string[];
  messageEn: string[];
  code?: string;
}

/** A view class of src/ as it arrives over HTTP: parsed JSON, plain objects all the way down. */
export type Wire<T> = T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/**
 * supertest types every body as `any`; a test names the shape it reads (a view class of src/ where
 * there is one), so a renamed field breaks the test's compilation instead of passing as undefined.
 */
export function bodyOf<T>(res: Pick<Response, 'body'>): Wire<T> {
  return res.body as Wire<T>;
}

export const errorOf = (res: Pick<Response, 'body'>): ApiErrorBody => bodyOf<ApiErrorBody>(res);
