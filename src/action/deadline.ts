/**
 * One time budget for everything this login does with the legacy store: token request,
 * attempts, waits between them and reading bodies all stop when it runs out.
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly endsAt: number;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(budgetMs: number) {
    this.endsAt = Date.now() + budgetMs;
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceeded()), budgetMs);
  }

  remaining(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  get expired(): boolean {
    return this.signal.aborted;
  }

  /** Waits `ms`, or less if the budget ends first; resolves false when it did. */
  sleep(ms: number): Promise<boolean> {
    if (this.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (completed: boolean) => {
        clearTimeout(timer);
        this.signal.removeEventListener("abort", onAbort);
        resolve(completed);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      this.signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Resolves with `promise`, or rejects with DeadlineExceeded when the budget ends first. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.signal.aborted) return Promise.reject(new DeadlineExceeded());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new DeadlineExceeded());
      this.signal.addEventListener("abort", onAbort, { once: true });
      promise.finally(() => this.signal.removeEventListener("abort", onAbort)).then(resolve, reject);
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** Said by its name alone: the name is what a log shows, and a message costs the bundle's budget. */
export class DeadlineExceeded extends Error {
  constructor() {
    super();
    this.name = "DeadlineExceeded";
  }
}
