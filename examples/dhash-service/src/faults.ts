import { seededRandom, type Random } from './images/random.js';
import type { Faults, HashDelay } from './release.js';

/**
 * The behaviour behind release.json's fault switches.
 *
 * Rates are spread evenly rather than drawn at random: with rate r, the n-th event is hit when
 * floor(n*r) steps up. Exactly r of any run of events is hit (to within one), so a test can say how
 * many failures a number of requests must produce, and a short demo window shows the real rate.
 */
export class EvenRate {
  private count = 0;
  constructor(readonly rate: number) {}

  /** Whether this event is one of the `rate` share. */
  next(): boolean {
    if (this.rate <= 0) return false;
    this.count++;
    return Math.floor(this.count * this.rate) > Math.floor((this.count - 1) * this.rate);
  }
}

function gaussian(random: Random): number {
  // Box-Muller: two uniforms give one standard normal value.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function delaySampler(delay: HashDelay | undefined, random: Random): () => number {
  if (delay === undefined) return () => 0;
  if (typeof delay === 'number') return () => delay;
  switch (delay.distribution) {
    case 'fixed':
      return () => delay.ms;
    case 'uniform': {
      const low = Math.min(delay.min_ms, delay.max_ms);
      const high = Math.max(delay.min_ms, delay.max_ms);
      return () => low + random() * (high - low);
    }
    case 'normal':
      return () => Math.max(0, delay.mean_ms + gaussian(random) * delay.stddev_ms);
  }
}

/**
 * Memory a "leaking" release keeps: buffers filled with data (so their pages are resident) and
 * never released. Growth stops at a fraction of the memory limit and an absolute cap.
 */
export class MemoryBallast {
  private readonly chunks: Buffer[] = [];
  private retained = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly growth: NonNullable<Faults['memory_growth']> | undefined,
    private readonly memoryLimitBytes: number,
    private readonly rss: () => number = () => process.memoryUsage.rss(),
  ) {}

  get retainedBytes(): number {
    return this.retained;
  }

  /** Starts time-based growth (one step a second). */
  start(): void {
    const perSecond = this.growth?.bytes_per_second ?? 0;
    if (perSecond <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.grow(perSecond);
    }, 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  onRequest(): void {
    const perRequest = this.growth?.bytes_per_request ?? 0;
    if (perRequest > 0) this.grow(perRequest);
  }

  private grow(bytes: number): void {
    if (!this.growth) return;
    const room = Math.min(
      this.growth.max_bytes - this.retained,
      this.growth.max_fraction_of_limit * this.memoryLimitBytes - this.rss(),
    );
    const size = Math.floor(Math.min(bytes, room));
    if (size <= 0) return;
    this.chunks.push(Buffer.alloc(size, this.chunks.length % 251));
    this.retained += size;
  }
}

export class FaultPlan {
  readonly http5xx: EvenRate;
  readonly extractionFailure: EvenRate;
  readonly lowConfidence: EvenRate;
  readonly hashDelayMs: () => number;
  readonly healthForcedToFail: boolean;
  readonly ballast: MemoryBallast;

  constructor(
    readonly faults: Faults,
    memoryLimitBytes: number,
  ) {
    this.http5xx = new EvenRate(faults.http_5xx_rate ?? 0);
    this.extractionFailure = new EvenRate(faults.extraction_failure_rate ?? 0);
    this.lowConfidence = new EvenRate(faults.low_confidence_rate ?? 0);
    this.hashDelayMs = delaySampler(faults.hash_delay, seededRandom(faults.seed ?? 1));
    this.healthForcedToFail = faults.health_fail === true;
    this.ballast = new MemoryBallast(faults.memory_growth, memoryLimitBytes);
  }

  /** The fault keys this release carries, for /health and the start-up line. */
  activeKeys(): string[] {
    return Object.keys(this.faults).filter((key) => key !== 'seed');
  }
}
