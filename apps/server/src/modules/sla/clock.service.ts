import { Injectable } from '@nestjs/common';

/** Where scheduled work reads the time, so tests can set it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
