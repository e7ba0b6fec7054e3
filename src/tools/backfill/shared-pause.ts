/** A pause every worker honours before its next call to one service (here: the legacy store). */
import { setTimeout as sleep } from "node:timers/promises";

export class SharedPause {
  private until = 0;

  constructor(private readonly maxMs = 60_000) {}

  pauseFor(ms: number): void {
    this.until = Math.max(this.until, Date.now() + Math.min(this.maxMs, Math.max(0, ms)));
  }

  async wait(): Promise<void> {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now()) await sleep(left);
  }
}
