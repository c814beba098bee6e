/**
 * Text progress bars on stderr, one per table or step, with no dependency.
 *
 * On a terminal every bar is redrawn in place (several tables load at once); in a log (not a TTY) each bar prints
 * one line per quarter and one when done, so a CI log stays short.
 */
import { performance } from 'node:perf_hooks';

const WIDTH = 28;
const LABEL = 30;

export interface StepTiming {
  step: string;
  rows: number;
  seconds: number;
}

export class Bar {
  count = 0;
  private readonly started = performance.now();
  private finishedAt: number | undefined;
  private lastQuarter = 0;

  private readonly board: ProgressBoard;
  readonly label: string;
  /** Expected units; 0 for a step whose size is unknown (shown as elapsed time only). */
  readonly total: number;

  constructor(board: ProgressBoard, label: string, total: number) {
    this.board = board;
    this.label = label;
    this.total = total;
  }

  tick(n = 1): void {
    this.count += n;
    if (!this.board.tty && this.total > 0) {
      const quarter = Math.floor((4 * this.count) / this.total);
      if (quarter > this.lastQuarter && quarter < 4) {
        this.lastQuarter = quarter;
        this.board.print(this.line());
      }
    }
  }

  finish(count = this.count): StepTiming {
    this.count = count;
    this.finishedAt = performance.now();
    this.board.finished(this);
    return this.timing();
  }

  get done(): boolean {
    return this.finishedAt !== undefined;
  }

  get seconds(): number {
    return ((this.finishedAt ?? performance.now()) - this.started) / 1000;
  }

  timing(): StepTiming {
    return { step: this.label, rows: this.count, seconds: Math.round(this.seconds * 100) / 100 };
  }

  line(): string {
    const seconds = this.seconds;
    const fraction = this.total > 0 ? Math.min(1, this.count / this.total) : this.done ? 1 : 0;
    const filled = Math.round(fraction * WIDTH);
    const bar =
      this.total > 0 || this.done
        ? '#'.repeat(filled) + '.'.repeat(WIDTH - filled)
        : spinner(seconds).padEnd(WIDTH, ' ');
    const percent = `${Math.floor(fraction * 100)}`.padStart(3);
    const counts =
      this.total > 0
        ? `${fmt(this.count)}/${fmt(this.total)}`
        : this.count > 0
          ? fmt(this.count)
          : this.done
            ? ''
            : '…';
    const rate = this.count > 0 && seconds > 0.05 ? ` ${fmt(Math.round(this.count / seconds))}/s` : '';
    return `${this.label.padEnd(LABEL)} [${bar}] ${percent}% ${counts} ${seconds.toFixed(1)}s${rate}`;
  }
}

function spinner(seconds: number): string {
  const position = Math.floor(seconds * 4) % (WIDTH - 3);
  return ' '.repeat(position) + '<=>';
}

const fmt = (n: number) => n.toLocaleString('en-US');

export class ProgressBoard {
  readonly tty: boolean;
  private readonly live: Bar[] = [];
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;

  private readonly out: NodeJS.WriteStream;

  constructor(out: NodeJS.WriteStream = process.stderr) {
    this.out = out;
    this.tty = Boolean(out.isTTY) && process.env.TERM !== 'dumb';
  }

  bar(label: string, total: number): Bar {
    const bar = new Bar(this, label, total);
    this.live.push(bar);
    if (this.tty) {
      this.timer ??= setInterval(() => this.redraw(), 150);
      this.timer.unref();
      this.redraw();
    }
    return bar;
  }

  /** A line above the bars (a message, or a bar in log mode). */
  print(line: string): void {
    if (this.tty) {
      this.clear();
      this.out.write(`${line}\n`);
      this.redraw();
    } else {
      this.out.write(`${line}\n`);
    }
  }

  finished(bar: Bar): void {
    const index = this.live.indexOf(bar);
    if (index >= 0) this.live.splice(index, 1);
    this.print(bar.line());
    if (this.live.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private clear(): void {
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}A\x1b[0J`);
    this.drawn = 0;
  }

  private redraw(): void {
    if (!this.tty) return;
    this.clear();
    for (const bar of this.live) this.out.write(`${bar.line()}\n`);
    this.drawn = this.live.length;
  }
}
