import { expect } from '@jest/globals';
import { pino } from 'pino';
import { NestPinoLogger } from './nest-pino-logger';

/** How Nest's Logger calls reach pino: levels, the context argument, and error stacks. */
describe('NestPinoLogger', () => {
  function logger(level: pino.Level = 'trace') {
    const lines: Record<string, unknown>[] = [];
    const nest = new NestPinoLogger(pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }));
    return { nest, lines };
  }

  it('maps log, warn, debug, verbose and fatal to info, warn, debug, trace and fatal, with the context as a field', () => {
    const { nest, lines } = logger();
    nest.log('a', 'Ctx');
    nest.warn('b', 'Ctx');
    nest.debug('c', 'Ctx');
    nest.verbose('d', 'Ctx');
    nest.fatal('e');
    expect(lines.map((l) => [l.level, l.msg, l.context])).toEqual([
      [30, 'a', 'Ctx'],
      [40, 'b', 'Ctx'],
      [20, 'c', 'Ctx'],
      [10, 'd', 'Ctx'],
      [60, 'e', undefined],
    ]);
  });

  it('writes an error with its stack, whether or not a context follows it', () => {
    const { nest, lines } = logger();
    const stack = new Error('boom').stack ?? '';
    nest.error('boom', stack, 'HTTP');
    nest.error('boom', stack);
    nest.error('no stack', undefined, 'HTTP');
    nest.error('only a context', 'HTTP');
    expect(lines.map((l) => [l.level, l.msg, l.stack, l.context])).toEqual([
      [50, 'boom', stack, 'HTTP'],
      [50, 'boom', stack, undefined],
      [50, 'no stack', undefined, 'HTTP'],
      [50, 'only a context', undefined, 'HTTP'],
    ]);
  });

  it('serializes an Error given as the message, stack included', () => {
    const { nest, lines } = logger();
    nest.error(new Error('kaput'), 'Projections');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'kaput', context: 'Projections', err: { message: 'kaput', stack: expect.stringContaining('kaput') } });
  });

  it('writes nothing below its level', () => {
    const { nest, lines } = logger('warn');
    nest.log('quiet');
    nest.verbose('quieter');
    expect(lines).toEqual([]);
  });
});
