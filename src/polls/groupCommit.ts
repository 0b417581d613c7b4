/**
 * Group commit: items that arrive while one write is on its way wait and go together in the next one, so a storm of
 * votes costs one commit per batch instead of one per vote, and every caller still learns its own result only after
 * the write that holds it has committed. One write at a time; two items with the same key never share a write (the
 * later one waits for the next), so a member's quick change of mind is applied in order.
 */
export class GroupCommit<I, O> {
  private queue: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;
  private scheduled = false;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly keyOf: (item: I) => string,
    private readonly maxBatch = 500,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Waits for everything submitted so far to be written. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.writing) await new Promise((r) => setTimeout(r, 5));
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    // The first write waits for the rest of this turn of the event loop: clicks that arrived together go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    const batch: typeof this.queue = [];
    const later: typeof this.queue = [];
    const keys = new Set<string>();
    for (const entry of this.queue) {
      const key = this.keyOf(entry.item);
      if (batch.length >= this.maxBatch || keys.has(key)) later.push(entry);
      else {
        keys.add(key);
        batch.push(entry);
      }
    }
    this.queue = later;
    try {
      const results = await this.write(batch.map((e) => e.item));
      for (const [i, entry] of batch.entries()) entry.resolve(results[i] as O);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.writing = false;
      if (this.queue.length > 0) void this.flush();
    }
  }
}
