import { DataSource } from 'typeorm';
import { columnKinds, copyInto, encodeCopyRows } from '../../projections/engine/copy-rows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface OddRow {
  id: string;
  label: string | null;
  amount: number;
  done: boolean;
  tags: string[];
  doc: { note: string; list: (string | number | null)[] } | null;
}

const COLUMNS = ['id', 'label', 'amount', 'done', 'tags', 'doc'] as const;
/** Every character COPY's text format or an array literal gives a meaning to, and Vietnamese. */
const NASTY = 'tab\there, line\nbreak, cr\rreturn, back\\slash, "quotes", {braces}, comma, NULL, \\N, Nguyễn Thị Ánh';

describe('COPY rows (the engine writes new rows this way)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE odd_rows (id text PRIMARY KEY, label text, amount bigint NOT NULL, done boolean NOT NULL, tags text[] NOT NULL, doc jsonb)');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('writes strings, numbers, booleans, text arrays and JSON back exactly as they were, NULLs included', async () => {
    const rows: OddRow[] = [
      { id: 'a', label: NASTY, amount: 9_007_199_254_740_991, done: true, tags: [NASTY, '', 'NULL', 'x,y'], doc: { note: NASTY, list: [NASTY, 1.5, null] } },
      { id: 'b', label: null, amount: -3, done: false, tags: [], doc: null },
      { id: 'c\td', label: '', amount: 0, done: false, tags: ['"'], doc: { note: '\\', list: [] } },
    ];
    await dataSource.transaction(async (tx) => {
      const kinds = await columnKinds(tx, 'odd_rows', COLUMNS);
      expect(kinds).toEqual(['scalar', 'scalar', 'scalar', 'scalar', 'text[]', 'json']);
      await copyInto(tx, 'odd_rows', COLUMNS, encodeCopyRows(rows, COLUMNS, kinds));
    });
    const read = await dataSource.query<(Omit<OddRow, 'amount'> & { amount: string })[]>('SELECT id, label, amount::text, done, tags, doc FROM odd_rows ORDER BY id');
    expect(read).toEqual(rows.map((r) => ({ ...r, amount: String(r.amount) })));
  });

  it('writes a batch far larger than its first buffer, multi-byte text included, byte for byte', async () => {
    // Each row is about 2 KB in UTF-8: 400 of them outgrow the buffer several times over.
    const rows: OddRow[] = Array.from({ length: 400 }, (_, i) => ({
      id: `big-${String(i).padStart(3, '0')}`, label: `${NASTY} ${'Đặng Thị Ngọc Ánh '.repeat(60)}${i}`, amount: i, done: i % 2 === 0, tags: [NASTY], doc: { note: 'ẞ𝔸'.repeat(100), list: [i] },
    }));
    await dataSource.transaction(async (tx) => {
      const kinds = await columnKinds(tx, 'odd_rows', COLUMNS);
      await copyInto(tx, 'odd_rows', COLUMNS, encodeCopyRows(rows, COLUMNS, kinds));
    });
    const read = await dataSource.query<(Omit<OddRow, 'amount'> & { amount: string })[]>("SELECT id, label, amount::text, done, tags, doc FROM odd_rows WHERE id LIKE 'big-%' ORDER BY id");
    expect(read).toEqual(rows.map((r) => ({ ...r, amount: String(r.amount) })));
  });

  it('names a column the table does not have', async () => {
    await expect(dataSource.transaction((tx) => columnKinds(tx, 'odd_rows', ['id', 'nope']))).rejects.toThrow('odd_rows.nope is not a column');
  });
});
