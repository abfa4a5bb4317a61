import { KaitenError } from '../core/errors.js'

/**
 * More events share one instant than a checkpoint may record. A checkpoint resumes exactly at an inclusive bound by
 * listing the ids already delivered at its instant, so it is bounded by the largest group of events with equal
 * timestamps; past `limit` the sync stops instead of writing a checkpoint of unbounded size.
 */
export class TooManyTiesError extends KaitenError {
  override readonly name: string = 'TooManyTiesError'
  readonly instant: string
  readonly limit: number

  constructor(instant: string, limit: number) {
    super(
      `More than ${limit} events share the instant ${instant}: a checkpoint records the ids delivered at its instant ` +
        `and is limited to ${limit} of them (maxIdsAtInstant). Raise the limit to sync past this instant.`,
    )
    this.instant = instant
    this.limit = limit
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), instant: this.instant, limit: this.limit }
  }
}
