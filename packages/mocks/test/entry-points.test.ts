import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src')

/** Every source file the module reaches through relative imports, with the bare imports each one makes. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const visit = (file: string) => {
    if (graph.has(file)) return
    const text = readFileSync(file, 'utf8')
    const specifiers = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map(
      (match) => match[1]!,
    )
    graph.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    )
    for (const specifier of specifiers.filter((s) => s.startsWith('.')))
      visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
  }
  visit(resolve(src, entry))
  return graph
}

describe('entry points', () => {
  it('the main entry reaches no Node-only module, so it runs in browsers', () => {
    const graph = importGraph('index.ts')
    expect(graph.size).toBeGreaterThan(10)
    const bare = [...graph.values()].flat()
    expect(bare.filter((specifier) => specifier.startsWith('node:') || specifier === 'msw/node')).toEqual([])
  })

  it('the server entry is the one that uses node:http', () => {
    const bare = [...importGraph('server.ts').values()].flat()
    expect(bare).toContain('node:http')
  })

  it('exports the agreed surface', async () => {
    const main = await import('../src/index.js')
    for (const name of [
      'MOCK_TOKENS',
      'createKaitenShStore',
      'createKaitenRuStore',
      'createKaitenShResponder',
      'createKaitenRuResponder',
      'kaitenShHandlers',
      'kaitenRuHandlers',
      'handlers',
      'scenarios',
      'parseScenario',
      'SCENARIO_NAMES',
      'SCENARIO_HEADER',
      'ScenarioError',
    ])
      expect(main, name).toHaveProperty(name)
    expect(main.MOCK_TOKENS.kaitenSh.valid).toMatch(/^ksh_/)
    expect(main.MOCK_TOKENS.kaitenSh.withoutScope).toMatch(/^ksh_/)
    expect(await import('../src/node.js')).toHaveProperty('setupServer')
    expect(await import('../src/server.js')).toHaveProperty('startMockServers')
  })
})
