import type { ApiOperation } from '@kaiten-audit/types'

/** The names of an operation's query parameters whose schema is an RFC 3339 date-time, read from the model's type. */
export type DateTimeParameterNames<Operation extends ApiOperation> = Extract<
  Operation['parameters'][number],
  { readonly in: 'query'; readonly schema: { readonly format: 'date-time' } }
>['name']

/**
 * A generated query type as a caller gives it: every parameter optional, a date-time also as a `Date`, a list as a
 * readonly array. The names, their types and their documentation come from the generated types.
 */
export type CallerParams<Query, DateTimeNames extends PropertyKey> = {
  [Name in keyof Query]?: Name extends DateTimeNames
    ? Exclude<Query[Name], undefined> | Date
    : Exclude<Query[Name], undefined> extends readonly (infer Item)[]
      ? readonly Item[]
      : Exclude<Query[Name], undefined>
}
