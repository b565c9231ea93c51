import { isBlankText, isIsoDate } from './validation';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2026-11-23', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00.123+07:00'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2023-02-29', '2026-02-30', '2026-13-01', '26-11-23', '2026-11-23T25:00:00Z', '2026-11-23T08:00:00', 'hôm nay', '1899-12-31', 20261123])(
    'refuses %s',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe('isBlankText', () => {
  it.each(['', '   ', '\u200b\u200b', '\u200c\u200d', '\u2060', '\ufeff', ' \u00ad\t\n'])('takes %j for blank', (value) => {
    expect(isBlankText(value)).toBe(true);
  });

  it.each(['A', 'Lê', ' \u200bX'])('takes %j for text', (value) => {
    expect(isBlankText(value)).toBe(false);
  });
});
