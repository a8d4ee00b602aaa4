/**
 * Just enough IndexedDB and localStorage for NotebookStore in Node (which has neither), shared by
 * several stores the way tabs of one browser profile share them. Transactions run one at a time, in
 * order, as IndexedDB runs overlapping read-write transactions on one object store, so the store's
 * read-then-write `update` is tested for what it promises. Two switches stand in for what a real
 * browser does and a test cannot provoke on demand: a full disk (`failWrites`) and a page unloading
 * while its writes are queued (`dropWrites`: the write never lands and never answers).
 */

type Handler = (() => void) | null;

/** A request or a transaction: idb-keyval sets `onsuccess`/`oncomplete` and reads `result`/`error`. */
class FakeRequest {
  result: unknown = undefined;
  error: DOMException | null = null;
  onsuccess: Handler = null;
  oncomplete: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  onupgradeneeded: Handler = null;
}

/** One transaction's queued operations; the writes reach the records only when it commits. */
class FakeTransaction extends FakeRequest {
  private readonly queue: Array<() => void> = [];
  private readonly staged = new Map<string, { value: unknown } | undefined>();

  constructor(private readonly db: FakeIndexedDB) {
    super();
  }

  objectStore(): FakeObjectStore {
    return new FakeObjectStore(this);
  }

  /** Queue one request; its handler may queue more in this transaction. */
  request(run: () => unknown): FakeRequest {
    const request = new FakeRequest();
    this.queue.push(() => {
      request.result = run();
      request.onsuccess?.();
    });
    return request;
  }

  read(key: string): unknown {
    const staged = this.staged.get(key);
    if (this.staged.has(key)) return staged === undefined ? undefined : structuredClone(staged.value);
    return structuredClone(this.db.records.get(key));
  }

  write(key: string, value: unknown): void {
    this.staged.set(key, value === undefined ? undefined : { value: structuredClone(value) });
  }

  readAll(): unknown[] {
    const keys = new Set([...this.db.records.keys(), ...this.staged.keys()]);
    return [...keys].map((key) => this.read(key)).filter((value) => value !== undefined);
  }

  /** Run every queued request (a task apart, so callers' awaits interleave as in a browser), then commit. */
  async run(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const next = this.queue.shift();
      if (!next) break;
      next();
    }
    if (this.staged.size > 0 && this.db.dropWrites) {
      this.db.dropped++;
      return;
    }
    if (this.staged.size > 0 && this.db.failWrites !== undefined) {
      this.error = new DOMException("write refused", this.db.failWrites);
      this.onerror?.();
      this.onabort?.();
      return;
    }
    for (const [key, staged] of this.staged) {
      if (staged === undefined) this.db.records.delete(key);
      else this.db.records.set(key, staged.value);
    }
    this.oncomplete?.();
  }
}

class FakeObjectStore {
  constructor(readonly transaction: FakeTransaction) {}

  get(key: string): FakeRequest {
    return this.transaction.request(() => this.transaction.read(key));
  }

  getAll(): FakeRequest {
    return this.transaction.request(() => this.transaction.readAll());
  }

  put(value: unknown, key: string): FakeRequest {
    return this.transaction.request(() => this.transaction.write(key, value));
  }

  delete(key: string): FakeRequest {
    return this.transaction.request(() => this.transaction.write(key, undefined));
  }
}

/** The shared database (one object store; the names idb-keyval passes are not checked). */
export class FakeIndexedDB {
  /** What is stored, by key. */
  readonly records = new Map<string, unknown>();
  /** Set to a DOMException name ("QuotaExceededError"): every transaction that writes fails with it. */
  failWrites: string | undefined;
  /** Set: every transaction that writes is dropped unanswered, as Chromium drops writes of an unloading page. */
  dropWrites = false;
  /** How many write transactions were dropped. */
  dropped = 0;
  private turn: Promise<void> = Promise.resolve();

  open(): FakeRequest {
    const request = new FakeRequest();
    request.result = this.connection();
    setTimeout(() => request.onsuccess?.(), 0);
    return request;
  }

  private connection(): { transaction: () => FakeTransaction; onclose: Handler } {
    return {
      onclose: null,
      transaction: () => {
        const transaction = new FakeTransaction(this);
        // One after another, in the order they were opened.
        this.turn = this.turn.then(() => transaction.run());
        return transaction;
      },
    };
  }
}

/** localStorage: synchronous strings by key, shared by the "tabs" of a test. */
export class FakeLocalStorage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}
