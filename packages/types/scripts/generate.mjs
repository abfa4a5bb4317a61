// Regenerates src/*.gen.ts for every API that specs/redocly.yaml names: the openapi-typescript types (at the API's
// `x-openapi-ts.output`), the spec document as JSON (`*.spec.gen.ts`) and the API model (`*.model.gen.ts`).
// With --check, fails when the committed files differ. The model comes from src/model-builder.ts, compiled by
// `tsc -p tsconfig.generate.json` before this script runs, so tests and this script share one builder.
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'
import { buildApiModel } from '../node_modules/.generate/model-builder.js'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const repoDir = join(packageDir, '..', '..')
const redoclyFile = join(repoDir, 'specs', 'redocly.yaml')
const check = process.argv.includes('--check')

/** `kaiten-sh` → `kaitenSh` */
function camelCase(name) {
  return name.replace(/[-_.]+([a-z0-9])/gi, (_, c) => c.toUpperCase())
}

function header(specPath) {
  return [
    `// This file is generated from ${specPath} by packages/types/scripts/generate.mjs.`,
    '// Do not edit it by hand: edit the spec, then run `pnpm generate`.',
    '',
  ].join('\n')
}

/** Every API of specs/redocly.yaml with its spec file and the types output it names. */
async function readApis() {
  const config = parse(await readFile(redoclyFile, 'utf8'))
  const apis = Object.entries(config?.apis ?? {})
  if (apis.length === 0) throw new Error(`${relative(repoDir, redoclyFile)}: no apis`)
  return apis.map(([name, api]) => {
    const output = api?.['x-openapi-ts']?.output
    if (typeof api?.root !== 'string' || typeof output !== 'string' || !output.endsWith('.gen.ts'))
      throw new Error(
        `${relative(repoDir, redoclyFile)}: apis.${name} needs a root and an x-openapi-ts.output ending in .gen.ts`,
      )
    const typesFile = resolve(dirname(redoclyFile), output)
    if (dirname(typesFile) !== join(packageDir, 'src'))
      throw new Error(`apis.${name}: x-openapi-ts.output must be in packages/types/src, got ${output}`)
    return { name, specFile: resolve(dirname(redoclyFile), api.root), typesFile }
  })
}

async function render(api) {
  const specPath = relative(repoDir, api.specFile)
  const document = parse(await readFile(api.specFile, 'utf8'))
  const ast = await openapiTS(pathToFileURL(api.specFile), {
    enumValues: true,
    alphabetize: false,
    defaultNonNullable: false,
  })
  const types = `${header(specPath)}\n${astToString(ast)}`
  const spec = [
    header(specPath),
    `/** The ${api.name} OpenAPI document as JSON, for validating requests and responses at runtime. */`,
    `export const ${camelCase(api.name)}Spec: Readonly<Record<string, unknown>> = ${JSON.stringify(document, null, 2)}`,
    '',
  ].join('\n')
  const model = [
    header(specPath),
    "import type { ApiModel } from './api-model.js'",
    '',
    `/** The ${api.name} API model: operations, parameters, documented responses and vendor extensions. */`,
    `export const ${camelCase(api.name)}Model = ${JSON.stringify(buildApiModel(document), null, 2)} as const satisfies ApiModel`,
    '',
  ].join('\n')
  const base = api.typesFile.slice(0, -'.gen.ts'.length)
  return [
    { file: api.typesFile, content: types },
    { file: `${base}.spec.gen.ts`, content: spec },
    { file: `${base}.model.gen.ts`, content: model },
  ]
}

const outputs = (await Promise.all((await readApis()).map(render))).flat()
const stale = []
for (const { file, content } of outputs) {
  if (check) {
    const current = await readFile(file, 'utf8').catch(() => null)
    if (current !== content) stale.push(relative(repoDir, file))
  } else {
    await writeFile(file, content)
  }
}
if (stale.length > 0) {
  console.error(
    `Generated files are out of date with specs/:\n${stale.map((f) => `  ${f}`).join('\n')}\n` +
      'Run `pnpm generate` and commit the result.',
  )
  process.exit(1)
}
console.log(
  check
    ? `generate:check: ${outputs.length} generated files match specs/`
    : `generated ${outputs.length} files`,
)
