export function browserBundle(): Promise<string>
export function bundleSizes(code: string): { minified: number; gzip: number }
export function bundleOf(entry: string): Promise<string>
