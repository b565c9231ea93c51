import { belowTarget, score, scoreTable, type FoundFinding, type Plant } from './demo-truth';

const finding = (detector: string, findingKey: string, citizenIds: string[] = [], streams: string[] = []): FoundFinding => ({ detector, findingKey, citizenIds, streams, rule: null });

describe('demo scoring', () => {
  const plants: Plant[] = [
    { kind: 'duplicate', detector: 'duplicate-applicant', marks: ['031090000001'] },
    { kind: 'duplicate', detector: 'duplicate-applicant', marks: ['031090000002'] },
    { kind: 'typo', detector: 'identity-conflict', marks: ['031090000003', '031090000004'] },
  ];

  it('counts true positives, precision and recall per detector', () => {
    const found = [
      finding('duplicate-applicant', '031090000001', ['031090000001']),
      finding('duplicate-applicant', '031090000009', ['031090000009']),
      finding('identity-conflict', '031090000003', ['031090000003', '031090000004']),
    ];
    const [dup, identity, none] = score(['duplicate-applicant', 'identity-conflict', 'backdating'], plants, found);
    expect(dup).toEqual({ detector: 'duplicate-applicant', injected: 2, found: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
    expect(identity).toMatchObject({ truePositives: 1, precision: 1, recall: 1 });
    expect(none).toEqual({ detector: 'backdating', injected: 0, found: 0, truePositives: 0, precision: null, recall: null });
    expect([dup, identity, none].map(belowTarget)).toEqual([true, false, false]);
  });

  it('needs every mark: one id of an identity pair is not the pair', () => {
    const [identity] = score(['identity-conflict'], plants, [finding('identity-conflict', '031090000003', ['031090000003', '031090000099'])]);
    expect(identity).toMatchObject({ truePositives: 0, precision: 0, recall: 0 });
  });

  it('prints one row per detector, marking the ones below target', () => {
    const table = scoreTable(score(['duplicate-applicant', 'backdating'], plants, []));
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toMatch(/duplicate-applicant\s+2\s+0\s+0\s+—\s+0\.000\s+DƯỚI MỤC TIÊU/);
    expect(table).toMatch(/backdating\s+0\s+0\s+0\s+—\s+—\s+đạt/);
  });
});
