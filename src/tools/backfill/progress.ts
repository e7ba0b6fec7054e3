/**
 * Progress for a long backfill: on a terminal, one redrawn bar with the rate and the time
 * left; in a log (CI, a pipe), a plain line every few seconds. Lines the run prints go
 * above the bar so it never interleaves with them.
 */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  total: number;
  output: ProgressOutput;
  /** Minimum time between two plain lines. */
  lineEveryMs?: number;
  now?: () => number;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started: number;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    const interval = this.options.output.isTTY ? REDRAW_MS : (this.options.lineEveryMs ?? 5000);
    if (this.done === this.options.total || this.now() - this.lastDraw >= interval) this.draw();
  }

  /** Prints a line above the bar. */
  log(line: string): void {
    const { output } = this.options;
    if (output.isTTY) output.write(`\r\x1b[2K${line}\n`);
    else output.write(`${line}\n`);
    if (output.isTTY && this.done > 0) this.draw();
  }

  /**
   * Runs `print`, which writes elsewhere (stdout) on the same terminal: the bar is cleared
   * first and drawn again after, so the two never share a line.
   */
  around(print: () => void): void {
    const { output } = this.options;
    if (output.isTTY && this.done > 0) output.write("\r\x1b[2K");
    print();
    if (output.isTTY && this.done > 0) this.draw();
  }

  finish(): void {
    if (this.options.output.isTTY && this.done > 0) this.options.output.write("\n");
  }

  /** Users per second since the start, and the time left at that rate. */
  figures(): { rate: number; etaSeconds: number } {
    const elapsed = Math.max(0.001, (this.now() - this.started) / 1000);
    const rate = this.done / elapsed;
    const left = Math.max(0, this.options.total - this.done);
    return { rate, etaSeconds: rate > 0 ? left / rate : Number.POSITIVE_INFINITY };
  }

  line(): string {
    const { total } = this.options;
    const { rate, etaSeconds } = this.figures();
    const percent = total > 0 ? Math.floor((this.done / total) * 100) : 100;
    const failed = this.failed > 0 ? `  failed ${this.failed}` : "";
    return `${this.done}/${total} ${percent}%  ${rate.toFixed(1)} users/s  ETA ${formatDuration(etaSeconds)}${failed}`;
  }

  private draw(): void {
    this.lastDraw = this.now();
    const { output, total } = this.options;
    if (!output.isTTY) {
      output.write(`progress ${this.line()}\n`);
      return;
    }
    const filled = total > 0 ? Math.round((this.done / total) * BAR_WIDTH) : BAR_WIDTH;
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    output.write(`\r\x1b[2K${bar} ${this.line()}`);
  }
}
