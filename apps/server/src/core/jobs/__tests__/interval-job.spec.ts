import { Logger } from '@nestjs/common';
import { IntervalJob } from '../interval-job';

class RecordingJob extends IntervalJob {
  protected readonly logger = new Logger('RecordingJob');
  readonly logged: string[] = [];
  readonly failures: string[] = [];
  readonly warnings: string[] = [];
  running = 0;
  maxRunning = 0;
  passes = 0;
  failNext = false;
  release: Array<() => void> = [];

  constructor(private readonly seconds: number | null) {
    super();
    jest.spyOn(this.logger, 'log').mockImplementation((message: unknown) => void this.logged.push(String(message)));
    jest.spyOn(this.logger, 'warn').mockImplementation((message: unknown) => void this.warnings.push(String(message)));
    jest.spyOn(this.logger, 'error').mockImplementation((message: unknown) => void this.failures.push(String(message)));
  }

  /** An explicit pass (as tests and tools ask for), serialised with the scheduled ones. */
  runOnce(): Promise<number> {
    return this.serially(() => this.work());
  }

  protected intervalSeconds(): number | null {
    return this.seconds;
  }

  protected async scheduledPass(): Promise<string | null> {
    const n = await this.work();
    return n % 2 === 0 ? `pass ${n}` : null;
  }

  private async work(): Promise<number> {
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise<void>((resolve) => this.release.push(resolve));
    this.running -= 1;
    this.passes += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database went away');
    }
    return this.passes;
  }
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('IntervalJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('does not schedule anything when the process does not run the job', () => {
    const job = new RecordingJob(null);
    job.onApplicationBootstrap();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('never overlaps passes: a tick while one runs is skipped, an explicit pass waits its turn', async () => {
    const job = new RecordingJob(1);
    job.onApplicationBootstrap();
    jest.advanceTimersByTime(1000);
    await settle();
    expect(job.running).toBe(1);
    jest.advanceTimersByTime(3000); // three more ticks while the first pass runs: skipped
    const explicit = job.runOnce();
    await settle();
    expect(job.running).toBe(1);

    job.release.shift()?.();
    await settle();
    expect(job.running).toBe(1); // the explicit pass, after the scheduled one
    job.release.shift()?.();
    await expect(explicit).resolves.toBe(2);
    expect(job.maxRunning).toBe(1);
    expect(job.passes).toBe(2);
    expect(job.logged).toEqual([]); // pass 1 reported nothing
    await job.beforeApplicationShutdown();
  });

  it('logs what a pass reports and a failure, and runs the next tick after a failure', async () => {
    const job = new RecordingJob(1);
    job.onApplicationBootstrap();
    job.failNext = true;
    jest.advanceTimersByTime(1000);
    await settle();
    job.release.shift()?.();
    await settle();
    expect(job.failures).toEqual(['RecordingJob pass failed: database went away']);

    jest.advanceTimersByTime(1000);
    await settle();
    job.release.shift()?.();
    await settle();
    expect(job.logged).toEqual(['pass 2']);
    await job.beforeApplicationShutdown();
  });

  it('warns of a scheduled pass that took over a second, with its duration', async () => {
    const job = new RecordingJob(10);
    job.onApplicationBootstrap();
    jest.advanceTimersByTime(10_000);
    await settle();
    jest.advanceTimersByTime(1_000); // exactly the limit: no warning
    job.release.shift()?.();
    await settle();
    expect(job.warnings).toEqual([]);

    jest.advanceTimersByTime(9_000);
    await settle();
    jest.advanceTimersByTime(2_500);
    job.release.shift()?.();
    await settle();
    expect(job.warnings).toEqual(['RecordingJob pass took 2500 ms']);
    await job.beforeApplicationShutdown();
  });

  it('stops the timer and waits for the running pass on shutdown', async () => {
    const job = new RecordingJob(1);
    job.onApplicationBootstrap();
    jest.advanceTimersByTime(1000);
    await settle();
    let stopped = false;
    const shutdown = job.beforeApplicationShutdown().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
    job.release.shift()?.();
    await shutdown;
    expect(stopped).toBe(true);
  });
});
