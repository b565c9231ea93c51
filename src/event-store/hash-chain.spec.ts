import { type ChainLink, ChainVerifier, GENESIS_HASH } from './hash-chain';

/** A chain link whose hash is a made-up label: `follow` compares hashes, the caller checks content. */
const link = (stream: string, revision: number, prevHash: string, hash: string): ChainLink => ({
  eventId: `${stream}-${revision}`, stream, revision, globalPosition: 0n, prevHash, hash,
});
const h = (label: string): string => label.padEnd(64, '0');
const ok = () => true;

describe('ChainVerifier: the tips at a mark, given back after the log went on past it', () => {
  it('given streams a and b, when a moves and c starts after the mark, then the rewound tips follow from the mark again', () => {
    const chains = new ChainVerifier();
    expect(chains.follow(link('a', 0, GENESIS_HASH, h('a0')), ok)).toBeUndefined();
    expect(chains.follow(link('b', 0, GENESIS_HASH, h('b0')), ok)).toBeUndefined();
    chains.mark();
    const after = [link('a', 1, h('a0'), h('a1')), link('c', 0, GENESIS_HASH, h('c0')), link('a', 2, h('a1'), h('a2'))];
    for (const event of after) expect(chains.follow(event, ok)).toBeUndefined();

    const resumed = chains.rewindToMark();
    expect(resumed.checked).toBe(2);
    // As at the mark: a's tip is revision 0 again, c unknown, b untouched.
    for (const event of after) expect(resumed.follow(event, ok)).toBeUndefined();
    expect(resumed.follow(link('b', 1, h('b0'), h('b1')), ok)).toBeUndefined();
  });

  it('given a rewound verifier, then the events after the mark are what it expects next, not what followed them', () => {
    const chains = new ChainVerifier();
    chains.follow(link('a', 0, GENESIS_HASH, h('a0')), ok);
    chains.mark();
    chains.follow(link('a', 1, h('a0'), h('a1')), ok);
    const resumed = chains.rewindToMark();
    expect(resumed.follow(link('a', 2, h('a1'), h('a2')), ok)?.reason).toBe('revision 2 follows 0: an event is missing');
  });

  it('refuses to rewind with no mark', () => {
    expect(() => new ChainVerifier().rewindToMark()).toThrow('no mark');
  });
});
