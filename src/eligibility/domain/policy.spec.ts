import { isIsoDate } from './policy';

describe('isIsoDate (policy days)', () => {
  it.each(['2024-08-01', '2024-02-29'])('accepts %s', (value) => expect(isIsoDate(value)).toBe(true));
  it.each(['2025-02-29', '2026-02-30', '2025-13-40', '2025-00-10', '2025-10-10T00:00:00Z', '10/10/2025'])(
    'refuses %s without throwing',
    (value) => expect(isIsoDate(value)).toBe(false),
  );
});
