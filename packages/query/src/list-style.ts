import type { ApiParameter } from '@kaiten-audit/types'

// OpenAPI 3.1 "Style Values": how an array query parameter travels. `form` with explode repeats the parameter;
// without explode, and the delimited styles, put every item into one value.
const DELIMITERS: Readonly<Record<string, { delimiter: string; described: string }>> = {
  form: { delimiter: ',', described: 'comma-separated' },
  spaceDelimited: { delimiter: ' ', described: 'space-separated' },
  pipeDelimited: { delimiter: '|', described: 'pipe-separated' },
}

/** How a list parameter is written: repeated, or one value with a delimiter. */
export type ListStyle = { repeated: true } | { repeated: false; delimiter: string; described: string }

export function listStyleOf(parameter: ApiParameter): ListStyle {
  if (parameter.style === 'form' && parameter.explode) return { repeated: true }
  const style = DELIMITERS[parameter.style]
  if (style === undefined)
    throw new Error(`query parameter ${parameter.name}: style ${parameter.style} is not supported for a list`)
  return { repeated: false, ...style }
}

/** The query values that carry a list: one per item when repeated, else one joined value. */
export function serializeList(parameter: ApiParameter, items: readonly string[]): string[] {
  const style = listStyleOf(parameter)
  return style.repeated ? [...items] : [items.join(style.delimiter)]
}
