import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { beijingDay, formatDailyNumber, nextSequenceValue } from './number-sequence.util';

/** Numbers one instance reserves at a time. */
export const DAILY_NUMBER_BLOCK = 100;

interface Block {
  day: string;
  next: number;
  last: number;
}

/**
 * Daily numbers (SP…, GD…) for the hot path of intake, reserved in blocks: every submission of the city
 * used to lock the same counter row and wait for the commit (fsync) of the one before it. An instance now
 * takes `DAILY_NUMBER_BLOCK` values in one short transaction and hands them out from memory. Numbers stay
 * unique and readable; across instances they interleave, and a restart leaves the rest of a block unused
 * (a gap in that day's numbers, never a repeat).
 */
@Injectable()
export class DailyNumberAllocator {
  /** The current block per prefix (one day at a time). */
  private readonly blocks = new Map<string, Block>();
  private readonly reserving = new Map<string, Promise<void>>();

  constructor(private readonly dataSource: DataSource) {}

  async next(prefix: string, now: Date): Promise<string> {
    const day = beijingDay(now);
    for (;;) {
      const block = this.blocks.get(prefix);
      if (block && block.day === day && block.next <= block.last) return formatDailyNumber(prefix, day, block.next++);
      await this.reserve(prefix, day);
    }
  }

  /** One reservation per counter at a time; callers that arrive meanwhile wait for it. */
  private reserve(prefix: string, day: string): Promise<void> {
    const name = `${prefix}:${day}`;
    let pending = this.reserving.get(name);
    if (!pending) {
      pending = this.dataSource
        .transaction((manager) => nextSequenceValue(manager, name, DAILY_NUMBER_BLOCK))
        .then((last) => {
          this.blocks.set(prefix, { day, next: last - DAILY_NUMBER_BLOCK + 1, last });
        })
        .finally(() => this.reserving.delete(name));
      this.reserving.set(name, pending);
    }
    return pending;
  }
}
