/**
 * Concurrent callers of a read share one query, and that query always starts after every caller
 * sharing it has called: each sees everything committed before its call, as with a query of its
 * own. While a query runs, new callers wait for the next one, so under load one query serves a
 * whole group of requests (the log head after each write: one per request before).
 */
export class CoalescedRead<T> {
  private running: Promise<unknown> = Promise.resolve();
  private next: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.next) {
      const next = this.running.then(
        () => this.start(),
        () => this.start(),
      );
      this.next = next;
    }
    return this.next;
  }

  private start(): Promise<T> {
    this.next = undefined;
    const query = this.read();
    this.running = query.catch(() => undefined);
    return query;
  }
}
