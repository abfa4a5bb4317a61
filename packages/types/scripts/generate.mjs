// Regenerates src/*.gen.ts from specs/*/openapi.yaml; with --check, fails when the committed files differ.
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const repoDir = join(packageDir, '..', '..')
const apis = [
  { name: 'kaiten-sh', exportName: 'kaitenShSpec' },
  { name: 'kaiten-ru', exportName: 'kaitenRuSpec' },
]
const check = process.argv.includes('--check')

function header(specPath) {
  return [
    `// This file is generated from ${specPath} by packages/types/scripts/generate.mjs.`,
    '// Do not edit it by hand: edit the spec, then run `pnpm generate`.',
    '',
  ].join('\n')
}

async function render(api) {
  const specFile = join(repoDir, 'specs', api.name, 'openapi.yaml')
  const specPath = relative(repoDir, specFile)
  const source = await readFile(specFile, 'utf8')
  const ast = await openapiTS(pathToFileURL(specFile), {
    enumValues: true,
    alphabetize: false,
    defaultNonNullable: false,
  })
  const types = `${header(specPath)}\n${astToString(ast)}`
  const document = parse(source)
  const spec = [
    header(specPath),
    `/** The ${api.name} OpenAPI document as JSON, for validating requests and responses at runtime. */`,
    'export const ' +
      api.exportName +
      ': Readonly<Record<string, unknown>> = ' +
      JSON.stringify(document, null, 2),
    '',
  ].join('\n')
  return [
    { file: join(packageDir, 'src', `${api.name}.gen.ts`), content: types },
    { file: join(packageDir, 'src', `${api.name}.spec.gen.ts`), content: spec },
  ]
}

const outputs = (await Promise.all(apis.map(render))).flat()
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
