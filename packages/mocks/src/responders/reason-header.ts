// X-Mock-Reason: why the mock refused a request, for the answers whose vendor original carries no body to say it in.

import { describeValue, formatIssue, type ParameterIssue } from '@kaiten-audit/query'

/** A header the specs do not describe; header values must be printable ASCII. */
export const REASON_HEADER = 'x-mock-reason'

/**
 * The longest reason sent. Node's fetch refuses a whole response whose header block passes 16 KiB
 * (`UND_ERR_HEADERS_OVERFLOW`), and a reason that echoes what it was sent can pass it: `categories=` followed by
 * 6,000 commas once made an 18 KB reason. 1 KiB still holds the longest allowed list (kaiten.ru's actions) in full.
 */
export const MAX_REASON_LENGTH = 1024
/** Characters of one offending value worth quoting; past this the length says more than the text. */
const QUOTED_LENGTH = 40
/** Bad items or positions named before the rest is summed up. */
const EXAMPLES = 3

/** `text` as a header value: printable ASCII, at most MAX_REASON_LENGTH characters, saying how long it was if cut. */
export function reasonHeaderValue(text: string): string {
  const ascii = text.replaceAll('≥', '>=').replace(/[^\x20-\x7e]/g, '?')
  if (ascii.length <= MAX_REASON_LENGTH) return ascii
  const suffix = `... (${ascii.length} characters)`
  return ascii.slice(0, MAX_REASON_LENGTH - suffix.length) + suffix
}

/** A response without a body that says why in the reason header, as kaiten.ru's documented errors need. */
export function bodilessResponse(status: number, reason: string, headers: Record<string, string>): Response {
  return new Response(null, { status, headers: { ...headers, [REASON_HEADER]: reasonHeaderValue(reason) } })
}

function quote(value: string): string {
  if (value.length <= QUOTED_LENGTH) return describeValue(value)
  return `${describeValue(`${value.slice(0, QUOTED_LENGTH)}...`)} (${value.length} characters)`
}

function positions(list: readonly number[]): string {
  const shown = list.slice(0, EXAMPLES).join(', ')
  return `${list.length === 1 ? 'position' : 'positions'} ${shown}${list.length > EXAMPLES ? ', ...' : ''}`
}

/**
 * `6001 items are not allowed: 6001 empty items (positions 1, 2, 3, ...)`: the count, then a few of the bad values
 * with where they stand, instead of every one of them.
 */
function summariseBadValues(sequence: readonly string[], bad: ReadonlySet<string>, noun: string): string {
  const groups = new Map<string, number[]>()
  let count = 0
  sequence.forEach((value, index) => {
    if (!bad.has(value)) return
    count++
    const group = groups.get(value)
    if (group) group.push(index + 1)
    else groups.set(value, [index + 1])
  })
  const described = [...groups].slice(0, EXAMPLES).map(([value, at]) => {
    if (value === '') return `${at.length} empty ${noun} (${positions(at)})`
    return `${quote(value)} (${at.length > EXAMPLES ? `${at.length} times, ` : ''}${positions(at)})`
  })
  const others = groups.size - described.length
  if (others > 0) described.push(`and ${others} other ${others === 1 ? 'value' : 'values'}`)
  return `${count} ${noun} are not allowed: ${described.join(', ')}`
}

/** One issue in a few hundred characters at most, whatever was sent. */
function describeIssue(issue: ParameterIssue, search: URLSearchParams): string {
  if (typeof issue.value === 'string')
    return `${issue.parameter}: ${quote(issue.value)} is not allowed; allowed: ${issue.allowed}`
  if (!Array.isArray(issue.value)) return formatIssue(issue)
  const bad = new Set(issue.value.map(String))
  const copies = search.getAll(issue.parameter)
  // A repeated parameter reports its copies; one list value (kaiten.ru's `form, explode: false`) its
  // comma-separated items.
  const summary =
    copies.length > 1
      ? summariseBadValues(copies, bad, 'copies')
      : summariseBadValues((copies[0] ?? '').split(','), bad, 'items')
  return `${issue.parameter}: ${summary}; allowed: ${issue.allowed}`
}

/** Every issue of a refused query, each one short, for the reason header. */
export function describeIssues(issues: readonly ParameterIssue[], search: URLSearchParams): string {
  return issues.map((issue) => describeIssue(issue, search)).join('; ')
}
