import { Presets, SingleBar } from 'cli-progress';

export interface Rate {
  /** Events per second since `start`. */
  perSecond(done: number): number;
  seconds(): number;
}

export function rate(start = performance.now()): Rate {
  const seconds = () => (performance.now() - start) / 1000;
  return { seconds, perSecond: (done) => Math.round(done / Math.max(seconds(), 0.001)) };
}

/**
 * A progress bar on stderr with events/s, labelled in Vietnamese. cli-progress draws only on a terminal, so piped or
 * captured output (tests, cron) holds just the final lines the commands print.
 */
export function eventsBar(label: string): SingleBar {
  return new SingleBar(
    { format: `${label} [{bar}] {value}/{total} sự kiện | {rate} sự kiện/s | {duration_formatted}`, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
}
