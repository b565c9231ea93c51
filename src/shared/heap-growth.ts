import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent.
 * Left to itself V8 grows it up to 4× when the program allocates fast, which a projection
 * rebuild does: on the 1M-event bench log with 100,000 resident rows, the live heap stays under
 * 400 MiB but the process peaked at 755–807 MiB. At 50% it peaked at 416–435 MiB; the extra full
 * collections cost time: 77.4–94.2 s (median 82.7, Node CPU 84–104 s) over eleven rebuilds,
 * against 72.1–88.8 s (median 78.2, Node CPU 72–86 s) over four left to itself, alternating on a
 * noisy 2-core machine. At 75% it peaked at 452–468 MiB in 77.5–83.9 s: no faster, so 50 keeps
 * the margin a province's growing identity index needs.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Sets the bound for this process and the worker threads it starts later, unless the operator
 * chose one on node's command line. V8 reads the flag each time it sets the next collection's
 * limit, so it holds from the next full collection on.
 */
export function boundHeapGrowth(): void {
  if (process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent') || arg.startsWith('--heap_growing_percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
