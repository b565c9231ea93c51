import type { IndexJournal } from './index-map';
import { type DeclaredIdentity, IdentityIndex } from './identity-index';

const declared = (citizenId: string, applicationId: string, nameNorm: string, dateOfBirth: string, gender: string | null = 'male'): DeclaredIdentity =>
  ({ citizenId, applicationId, nameNorm, dateOfBirth, gender });
const keys = (ds: readonly DeclaredIdentity[]) => ds.map((d) => `${d.citizenId}/${d.applicationId}`).sort();

describe('IdentityIndex', () => {
  const minh = declared('031088004321', 'f1', 'TRAN VAN MINH', '1988-02-03');

  it('finds a name and birth date, each declaration once, and forgets what is removed or replaced', () => {
    const index = new IdentityIndex({ undo: null });
    index.add(minh);
    index.add({ ...minh });
    index.add(declared('031088004321', 'f2', 'TRAN VAN MINH', '1988-02-03'));
    index.add(declared('031088009999', 'f3', 'TRAN VAN MINH', '1988-02-04'));
    expect(keys(index.withIdentity('TRAN VAN MINH', '1988-02-03'))).toEqual(['031088004321/f1', '031088004321/f2']);
    index.add({ ...minh, gender: 'female' });
    expect(index.withIdentity('TRAN VAN MINH', '1988-02-03').find((d) => d.applicationId === 'f1')?.gender).toBe('female');
    index.remove({ ...minh, gender: 'female' });
    expect(keys(index.withIdentity('TRAN VAN MINH', '1988-02-03'))).toEqual(['031088004321/f2']);
  });

  it('blocks by birth date (or day and month swapped) and given name, never the same citizen', () => {
    const index = new IdentityIndex({ undo: null });
    const typo = declared('031088000001', 'f2', 'TRAN VAN MIHN', '1988-02-03');
    const swapped = declared('031088000002', 'f3', 'TRAN VAN MINH', '1988-03-02');
    const otherGiven = declared('031088000003', 'f4', 'TRAN VAN NAM', '1988-02-03');
    const otherDay = declared('031088000004', 'f5', 'TRAN VAN MINH', '1988-02-05');
    for (const d of [minh, declared(minh.citizenId, 'f6', 'TRAN VAN MINH', '1988-02-03'), typo, swapped, otherGiven, otherDay]) index.add(d);
    expect(keys(index.alikeTo(minh))).toEqual(['031088000001/f2', '031088000002/f3']);
  });

  it('undoes, newest first, exactly the changes made while its journal was open', () => {
    const journal: IndexJournal = { undo: null };
    const index = new IdentityIndex(journal);
    const lan = declared('031190001234', 'f2', 'NGUYEN THI LAN', '1990-04-12', 'female');
    index.add(minh);
    index.add(lan);
    journal.undo = [];
    index.add({ ...minh }); // the same: nothing to undo
    index.add({ ...minh, gender: null });
    index.remove(lan);
    index.remove(declared('031190009999', 'f9', 'NGUYEN THI LAN', '1990-04-12')); // never there: nothing to undo
    index.add(declared('031190001235', 'f3', 'NGUYEN THI LAN', '1990-04-12', 'female'));
    expect(journal.undo).toHaveLength(4);
    for (const step of journal.undo.reverse()) step();
    expect(index.withIdentity('TRAN VAN MINH', '1988-02-03')).toEqual([minh]);
    expect(index.withIdentity('NGUYEN THI LAN', '1990-04-12')).toEqual([lan]);
  });
});
