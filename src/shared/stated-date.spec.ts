import { calendarDay } from './stated-date';

describe('calendarDay: the Vietnamese day of a stated date', () => {
  it('keeps a bare day as written', () => expect(calendarDay('2025-10-09')).toBe('2025-10-09'));
  it('moves an instant after 17:00 UTC to the next day in Vietnam (UTC+7)', () =>
    expect(calendarDay('2025-10-09T17:00:00Z')).toBe('2025-10-10'));
  it('keeps an instant before 17:00 UTC on the same day', () => expect(calendarDay('2025-10-09T16:59:59Z')).toBe('2025-10-09'));
  it('reads an instant with its own offset', () => expect(calendarDay('2025-10-10T00:30:00+07:00')).toBe('2025-10-10'));
});
