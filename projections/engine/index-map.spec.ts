import { type IndexJournal, IndexMap } from './index-map';

const keysOf = (index: IndexMap, value: string) => [...index.get(value)].sort();

describe('IndexMap', () => {
  it('keeps one key as itself and several as a set, each once', () => {
    const index = new IndexMap({ undo: null });
    index.add('c1', 'f1');
    index.add('c1', 'f1');
    index.add('c1', 'f2');
    expect(keysOf(index, 'c1')).toEqual(['f1', 'f2']);
    index.remove('c1', 'f1');
    expect(keysOf(index, 'c1')).toEqual(['f2']);
    index.remove('c1', 'f2');
    expect(keysOf(index, 'c1')).toEqual([]);
  });

  it('undoes, newest first, exactly the changes made while its journal was open', () => {
    const journal: IndexJournal = { undo: null };
    const index = new IndexMap(journal);
    index.add('c1', 'f1');
    index.add('c2', 'f3');
    journal.undo = [];
    index.add('c1', 'f2');
    index.add('c1', 'f1'); // already there: nothing to undo
    index.remove('c2', 'f3');
    index.add('c2', 'f3');
    index.remove('c2', 'f4'); // never there: nothing to undo
    index.add('c3', 'f5');
    expect(journal.undo).toHaveLength(4);
    for (const step of journal.undo.reverse()) step();
    expect(keysOf(index, 'c1')).toEqual(['f1']);
    expect(keysOf(index, 'c2')).toEqual(['f3']);
    expect(keysOf(index, 'c3')).toEqual([]);
  });
});
