/**
 * Obligations by due date, earliest first: every event asks "which are past due now?", and the
 * answer is the top of the heap, not a scan. Entries may be stale (discharged since); the reader
 * checks each one it pops.
 */
export class DueHeap {
  private readonly heap: { due: string; key: string }[] = [];

  push(due: string, key: string): void {
    const heap = this.heap;
    heap.push({ due, key });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** Removes and returns the keys due strictly before `day`, earliest first. */
  popBefore(day: string): string[] {
    const keys: string[] = [];
    while (this.heap.length > 0 && this.heap[0].due < day) keys.push(this.pop());
    return keys;
  }

  private pop(): string {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (last && heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top.key;
  }
}

const before = (a: { due: string; key: string }, b: { due: string; key: string }) => a.due < b.due || (a.due === b.due && a.key < b.key);
