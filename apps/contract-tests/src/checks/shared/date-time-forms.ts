// One instant, many spellings: a zone offset east or west of UTC, a fraction of any length or none, select the same
// items as the UTC form. The expectation is the sample's; the texts are written by the checks' own date-time code.
import type { RuleId } from '../../rules/index.js'
import { dateTimeText } from '../../spec/date-time.js'
import type { CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'
import { expectExactly, sampleBetween } from './expected.js'
import { type ListApi, type PagingParams, samplePage, sampleWindow, timeOf } from './list-api.js'

const EAST = 3 * 60
const WEST = -(5 * 60 + 30)
const SECOND = 1_000_000

export function dateTimeFormsCheck<T extends Target, Item, P extends PagingParams>(
  api: ListApi<T, Item, P>,
  names: { from: string; to: string },
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api.api}.filters.date-time-forms`,
    api: api.api,
    group: 'filters',
    title: `\`${names.from}\`/\`${names.to}\` written with +03:00, -05:30, +00:00, with nine fraction digits or none, select what the UTC form does`,
    rules,
    async run(context) {
      const sample = (await samplePage(context, api)).items
      const { window } = await sampleWindow(context, api)
      const low = timeOf(context, api, window.oldest)
      const high = timeOf(context, api, window.newest)
      const list = (from: string, to: string) =>
        api.list(context, { ...api.window({ from, to }), limit: context.spec.pageLimits.max })

      const expected = sampleBetween(context, api, sample, { low, high })
      if (!expected) return context.skip(`the sample does not reach past ${window.from}`)
      // Offsets east and west of UTC, with microseconds.
      const east = dateTimeText(low, { offsetMinutes: EAST, fractionDigits: 6 })
      const west = dateTimeText(high, { offsetMinutes: WEST, fractionDigits: 6 })
      expectExactly(
        context,
        api,
        await list(east, west),
        expected,
        `${names.from}=${east}&${names.to}=${west}`,
      )

      // No fraction at all (the whole second the first item falls in), and nine fraction digits with +00:00.
      const wholeSecond = Math.floor(low / SECOND) * SECOND
      const widened = sampleBetween(context, api, sample, { low: wholeSecond, high })
      const plain = dateTimeText(wholeSecond, { fractionDigits: 0 })
      const nanos = dateTimeText(high, { fractionDigits: 6 }).replace('Z', '000+00:00')
      if (!widened) {
        context.note(`the sample does not reach back to ${plain}; the form without a fraction was not sent`)
        return
      }
      expectExactly(
        context,
        api,
        await list(plain, nanos),
        widened,
        `${names.from}=${plain}&${names.to}=${nanos}`,
      )
    },
  }
}
