// The rules of kaiten.sh `GET /instances/{instanceSlug}/audit-trails`, from the reference page, the vendor's guides
// and service source, and specs/kaiten-sh/openapi.yaml. Every rule needs a check that fails when a server breaks it.
import type { Rule } from './model.js'

const sh = (rule: Omit<Rule, 'api'>): Rule => ({ api: 'kaiten-sh', ...rule })

export const kaitenShRules: readonly Rule[] = [
  sh({
    id: 'SH-01',
    text: '`instanceSlug` is a required, non-empty path string',
    kind: 'vendor page',
    source: 'reference page: "instanceSlug*string"; spec: `minLength: 1`',
    notProbeable: 'an empty path segment is another route, not this operation with an empty slug',
  }),
  sh({
    id: 'SH-02',
    text: 'an unknown instance is answered 404 with problem details',
    kind: 'vendor fact',
    source: 'service source: "404 (unknown instance)"',
  }),
  sh({
    id: 'SH-03',
    text: 'every entry belongs to the requested instance: `instanceSlug` is the path slug, one `instanceId`',
    kind: 'vendor page',
    source: 'reference page: "Returns audit trail events for a given instance"',
  }),
  sh({
    id: 'SH-04',
    text: 'no token or an invalid token is answered 401 with problem details',
    kind: 'vendor fact',
    source: 'service-account guide: "No token or a bad token: 401"',
  }),
  sh({
    id: 'SH-05',
    text: 'a token without `read:instances` is answered 403 with problem details',
    kind: 'vendor fact',
    source: 'service-account guide: "a token without the scope: 403"',
  }),
  sh({
    id: 'SH-06',
    text: '`Authorization: Bearer ksh_…`; the scheme name is case-insensitive',
    kind: 'derived',
    source: 'service-account guide; RFC 9110 §11.1 (auth schemes are case-insensitive)',
  }),
  sh({
    id: 'SH-07',
    text: '`event_name` is an exact, case-sensitive match: no prefix or pattern matching',
    kind: 'vendor page',
    source: 'reference page: "Filter by exact event name"',
  }),
  sh({
    id: 'SH-08',
    text: 'event names are an open set: an unseen name is not an error (200 `[]`)',
    kind: 'vendor fact',
    source: 'audit-trail guide: "Event names are open-ended"',
  }),
  sh({
    id: 'SH-09',
    text: '`after` is inclusive: `timestamp ≥ after`',
    kind: 'vendor page',
    source: 'reference page: "include entries with timestamp ≥ this value"',
  }),
  sh({
    id: 'SH-10',
    text: '`before` is inclusive: `timestamp ≤ before`',
    kind: 'vendor page',
    source: 'reference page: "include entries with timestamp ≤ this value"',
  }),
  sh({
    id: 'SH-11',
    text: '`after`/`before` are RFC 3339: any zone offset, an optional fraction; the same instant selects the same entries',
    kind: 'vendor page',
    source: 'reference page: "RFC3339 timestamp"; spec: `format: date-time`',
  }),
  sh({
    id: 'SH-12',
    text: 'bounds are compared at full precision: a fractional bound is not truncated',
    kind: 'derived',
    source: 'SH-09, SH-10 and SH-11 together',
  }),
  sh({
    id: 'SH-13',
    text: 'a malformed `after`/`before` is answered 400 with problem details naming `query.after`/`query.before`',
    kind: 'spec',
    source: 'spec: "a malformed `after`/`before` timestamp is answered with 400" (service source)',
  }),
  sh({
    id: 'SH-14',
    text: '`limit` is an int32 integer with 1 ≤ limit ≤ 200',
    kind: 'vendor page',
    source: 'reference page: "Formatint32 Range1 <= value <= 200"',
  }),
  sh({
    id: 'SH-15',
    text: 'the default `limit` is 50',
    kind: 'vendor page',
    source: 'reference page: "default limit: 50"',
  }),
  sh({
    id: 'SH-16',
    text: 'a page holds exactly min(limit, entries left)',
    kind: 'vendor page',
    source: 'reference page: "Maximum number of entries to return"',
  }),
  sh({
    id: 'SH-17',
    text: '`offset` is an int32 integer ≥ 0 (2^31 is out of range)',
    kind: 'vendor page',
    source: 'reference page: "Formatint32 Range0 <= value"',
  }),
  sh({
    id: 'SH-18',
    text: 'the default `offset` is 0',
    kind: 'assumption',
    source: 'spec: "Assumption: the default is 0"',
  }),
  sh({
    id: 'SH-19',
    text: 'a constraint violation (range, non-integer, int32 overflow) is answered 422 with problem details, `detail: "validation failed"`, `errors[].location = query.<name>`',
    kind: 'vendor fact',
    source:
      'service framework (Huma): "with 422, `detail: "validation failed"` and `errors[].location` such as `query.limit`"',
  }),
  sh({
    id: 'SH-20',
    text: 'every error is `application/problem+json` with `status` equal to the HTTP status and a `title`',
    kind: 'vendor page',
    source:
      'reference page: five `application/problem+json` responses; spec: "Assumption: `status` and `title` are always present"',
  }),
  sh({
    id: 'SH-21',
    text: '`errors[]` items are `{location, message, value}`; `value` is the offending value as sent',
    kind: 'vendor page',
    source: 'reference page: the `errors` array example; spec: "The offending value"',
  }),
  sh({
    id: 'SH-22',
    text: 'only 200, 400, 401, 403, 404, 422 and 500 are documented',
    kind: 'vendor fact',
    source: 'service source: "declares 400, 401, 403, 404 … and 500"; Huma: 422',
  }),
  sh({
    id: 'SH-23',
    text: '200 is `application/json`: a bare array of entries',
    kind: 'vendor page',
    source: 'reference page: the response body example',
  }),
  sh({
    id: 'SH-24',
    text: 'every entry field is present; only `payload` may be null',
    kind: 'assumption',
    source: 'spec: "Assumption: every field is always present"',
  }),
  sh({
    id: 'SH-25',
    text: '`id` is an int64 integer increasing with insertion order, so one id is one entry',
    kind: 'spec',
    source: 'reference page: `"id": 0`; spec: "increasing with insertion order"',
  }),
  sh({
    id: 'SH-26',
    text: '`status` is `ACCEPTED` or `REJECTED`',
    kind: 'vendor page',
    source: 'reference page: `"status": "ACCEPTED"`; audit-trail guide',
  }),
  sh({
    id: 'SH-27',
    text: "an entry's `status` follows the guide's table for the known event names (`…usage.report.rejected` → REJECTED, the other three → ACCEPTED)",
    kind: 'vendor fact',
    source: 'audit-trail guide: the eventName/status table',
  }),
  sh({
    id: 'SH-28',
    text: '`timestamp` is an RFC 3339 date-time',
    kind: 'vendor page',
    source: 'reference page: `"timestamp": "2019-08-24T14:15:22Z"`',
  }),
  sh({
    id: 'SH-29',
    text: 'the trail is append-only: an entry read twice is identical',
    kind: 'vendor fact',
    source: 'audit-trail guide: "The trail is append-only"',
  }),
  sh({
    id: 'SH-30',
    text: 'entries come newest first by `timestamp`, on every page',
    kind: 'vendor fact',
    source: 'service source: sorts entries newest first (the reference page is silent)',
  }),
  sh({
    id: 'SH-31',
    text: 'entries with equal timestamps keep a stable order between requests',
    kind: 'assumption',
    source: 'spec: "Assumption: entries with equal timestamps keep a stable order"',
  }),
  sh({
    id: 'SH-32',
    text: 'ties are broken by `id`, highest first',
    kind: 'assumption',
    source: 'spec: "the service breaks ties by `id`, newest first"',
  }),
  sh({
    id: 'SH-33',
    text: '`offset`/`limit` select the slice [offset, offset + limit) of the ordered, filtered result, at every depth',
    kind: 'vendor page',
    source: 'reference page: "Results are paginated", "Number of entries to skip"',
  }),
  sh({
    id: 'SH-34',
    text: 'an offset past the last entry gives 200 `[]`',
    kind: 'spec',
    source: 'spec: "An offset past the last entry gives an empty array"',
  }),
  sh({
    id: 'SH-35',
    text: 'filters combine: event name and time range together',
    kind: 'vendor page',
    source: 'reference page: "optionally filtered by event name and time range"',
  }),
  sh({
    id: 'SH-36',
    text: 'no rate limit is documented: a 429 is drift',
    kind: 'derived',
    source: 'spec: no 429 response',
  }),
]
