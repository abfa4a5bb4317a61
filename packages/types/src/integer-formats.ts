// The ranges OpenAPI's integer formats name (OpenAPI 3.1 "Data Types"): a format is a bound even where a schema
// declares no minimum or maximum. Format definitions, not facts of either spec.
export const INTEGER_FORMAT_RANGES: Readonly<Record<string, { readonly min: number; readonly max: number }>> =
  {
    int32: { min: -(2 ** 31), max: 2 ** 31 - 1 },
    // int64 reaches 2^63, which a JavaScript number cannot hold exactly; the safe range is what can be judged.
    int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  }
