import { populationExtract } from './demo-registry';

describe('the demo population extract', () => {
  it('records a file\'s household as declared, spouses as each other\'s, and only the planted death', () => {
    const csv = populationExtract([{
      fileId: 'f1', province: '31', deceased: '031215000003',
      applicant: { citizenId: '031090000001', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-02', gender: 'male' },
      household: [
        { citizenId: '031192000002', fullName: 'Lê Thị Hoa', dateOfBirth: '1992-03-04', gender: 'female', relation: 'spouse' },
        { citizenId: '031215000003', fullName: 'Nguyễn Minh Khoa', dateOfBirth: '2015-05-06', gender: 'male', relation: 'child' },
      ],
    }], '2026-01-01');
    expect(csv.trimEnd().split('\n').slice(1)).toEqual([
      '031090000001,Nguyễn Văn An,1990-01-02,male,alive,,31,,HK-f1,chủ hộ,031192000002',
      '031192000002,Lê Thị Hoa,1992-03-04,female,alive,,31,,HK-f1,spouse,031090000001',
      '031215000003,Nguyễn Minh Khoa,2015-05-06,male,deceased,2026-01-01,31,,HK-f1,child,',
    ]);
  });
});
