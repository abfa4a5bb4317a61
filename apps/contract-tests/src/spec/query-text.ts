// Query text for valid requests, written from each parameter's spec: a list as its `style` says (kaiten.ru's
// `categories` and `actions`: form, not exploded, so comma-separated), numbers and instants as text.
import type { OperationSpec } from './operation.js'

export type QueryValue = string | number | Date | readonly string[]

/** Renders `params` in the spec's order; undefined values are left out. An undocumented name is a bug in a check. */
export function renderQuery(
  spec: OperationSpec,
  params: Readonly<Record<string, QueryValue | undefined>>,
): URLSearchParams {
  const parameters = spec.queryParameters
  const documented = new Set(parameters.map((parameter) => parameter.name))
  for (const name of Object.keys(params)) {
    if (!documented.has(name)) {
      throw new Error(
        `${name}: not a query parameter of ${spec.api}; allowed: ${parameters.map((parameter) => parameter.name).join(', ')}`,
      )
    }
  }
  const query = new URLSearchParams()
  for (const parameter of parameters) {
    const value = params[parameter.name]
    if (value === undefined) continue
    if (Array.isArray(value)) {
      const values = value as readonly string[]
      if (parameter.style === 'form' && !parameter.explode) query.append(parameter.name, values.join(','))
      else for (const item of values) query.append(parameter.name, item)
    } else if (value instanceof Date) {
      query.append(parameter.name, value.toISOString())
    } else {
      query.append(parameter.name, String(value))
    }
  }
  return query
}
