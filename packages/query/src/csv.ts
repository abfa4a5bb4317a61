import type { ParameterIssue } from './issues.js'

/** kaiten.ru list parameters are `style: form, explode: false`: one comma-separated value. */
export function serializeCsv(values: readonly string[]): string {
  return values.join(',')
}

/**
 * Parses a comma-separated list of enum values. Every item must be one of `allowed`; an empty list or an empty item
 * (`auth,`) is an issue too, since the service can only answer it with 400.
 */
export function parseCsvEnum<T extends string>(
  parameter: string,
  raw: string,
  allowed: readonly T[],
): { values: T[] } | { issue: ParameterIssue } {
  const items = raw.split(',')
  const known = new Set<string>(allowed)
  const unknown = items.filter((item) => !known.has(item))
  if (unknown.length > 0) {
    return {
      issue: {
        parameter,
        value: unknown.length === 1 ? unknown[0] : unknown,
        allowed: `a comma-separated list of: ${allowed.join(', ')}`,
        kind: 'constraint',
      },
    }
  }
  return { values: items as T[] }
}
