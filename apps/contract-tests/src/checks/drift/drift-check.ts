// Drift: responses that differ from the spec in a way someone has seen before, explained in plain words.
import { describeExchange, type Exchange } from '../../http/exchange.js'
import { apiLabels } from '../../model.js'
import type { RuleId } from '../../rules/index.js'
import type { OperationSpec } from '../../spec/operation.js'
import type { CheckDefinition } from '../context.js'
import type { Target } from '../targets.js'

/** One recognised difference; the same `summary` from many responses is reported once, with a count. */
export interface Drift {
  summary: string
  exchange: Exchange
  path?: string
  expected?: string
  actual?: string
}

export interface DriftFindings {
  /** Differences from the spec: the check fails. */
  drifts: Drift[]
  /** Changes the spec allows but a reader should know about (e.g. a new event name in an open set). */
  notes: string[]
}

/** Judges the recorded exchanges against the run's model of the operation. */
export type DriftDetector = (exchanges: readonly Exchange[], spec: OperationSpec) => DriftFindings

export function driftCheck<T extends Target>(
  api: T['api'],
  detect: DriftDetector,
  rules: readonly RuleId[],
): CheckDefinition<T> {
  return {
    id: `${api}.drift`,
    api,
    group: 'drift',
    title: `No recognisable drift from the documented ${apiLabels[api]} contract`,
    rules,
    passive: true,
    async run(context) {
      const exchanges = context.exchanges()
      if (exchanges.length === 0) context.skip('no responses were recorded')
      const { drifts, notes } = detect(exchanges, context.spec)
      const grouped = new Map<string, { first: Drift; count: number }>()
      for (const drift of drifts) {
        const seen = grouped.get(drift.summary)
        if (seen) seen.count++
        else grouped.set(drift.summary, { first: drift, count: 1 })
      }
      for (const { first, count } of grouped.values()) {
        const { summary, exchange, ...detail } = first
        const times = count > 1 ? ` (seen in ${count} responses)` : ''
        context.fail(`${summary}${times}`, { ...detail, request: describeExchange(exchange) })
      }
      for (const note of new Set(notes)) context.note(note)
    },
  }
}

/** A status the operation does not document, if `exchange` has one; `meaning` says what it is known to signal. */
export function undocumentedStatus(
  spec: OperationSpec,
  exchange: Exchange,
  meaning?: string,
): Drift | undefined {
  if (spec.documents(exchange.status)) return undefined
  return {
    summary: `${apiLabels[spec.api]} answered ${exchange.status}, a status the spec does not document for this operation${meaning === undefined ? '' : `: ${meaning}`}`,
    exchange,
    path: '$.status',
    expected: spec.documentedStatuses().join(', '),
    actual: String(exchange.status),
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function keysOf(value: Record<string, unknown>): string {
  return `{${Object.keys(value).join(', ')}}`
}
