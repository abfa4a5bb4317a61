import { describe, expect, it } from 'vitest'
import { allCheckIds } from '../src/checks/index.js'
import { UsageError } from '../src/config/errors.js'
import { helpText, parseCliOptions } from '../src/config/options.js'
import { checkSelector } from '../src/config/selection.js'
import { selectTargets } from '../src/config/targets.js'
import { variables } from '../src/config/variables.js'

const ru = {
  KAITEN_RU_BASE_URL: 'https://example.kaiten.ru/api/latest',
  KAITEN_RU_TOKEN: 'ru-secret-token-1',
}
const sh = {
  KAITEN_SH_BASE_URL: 'https://demo.kaiten.sh/',
  KAITEN_SH_TOKEN: 'ksh_secret_token_1',
  KAITEN_SH_INSTANCE: 'acme-production',
}

function usageError(run: () => unknown): UsageError {
  try {
    run()
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error('expected a UsageError')
}

describe('selectTargets', () => {
  it('uses the mocks when no KAITEN_* target variable is set', () => {
    expect(selectTargets({ PATH: '/usr/bin' }, 'auto')).toEqual({ kind: 'mocks' })
  })

  it('treats empty variables as unset (CI passes unset secrets as empty strings)', () => {
    expect(
      selectTargets({ KAITEN_RU_BASE_URL: '', KAITEN_RU_TOKEN: ' ', KAITEN_SH_TOKEN: '' }, 'auto'),
    ).toEqual({
      kind: 'mocks',
    })
  })

  it('uses the mocks when asked to, whatever the environment holds', () => {
    expect(selectTargets({ ...ru, ...sh }, 'mocks')).toEqual({ kind: 'mocks' })
  })

  it('verifies only the API whose variables are set and says why the other is skipped', () => {
    const selection = selectTargets(ru, 'auto')
    expect(selection.kind).toBe('live')
    if (selection.kind !== 'live') return
    expect(selection.kaitenRu?.baseUrl).toBe('https://example.kaiten.ru/api/latest')
    expect(selection.kaitenRu?.forbiddenToken).toBeUndefined()
    expect(selection.kaitenSh).toBeUndefined()
    expect(selection.skipped).toEqual([
      { api: 'kaiten-sh', reason: 'KAITEN_SH_BASE_URL, KAITEN_SH_TOKEN, KAITEN_SH_INSTANCE not set' },
    ])
  })

  it('builds both live targets, trimming a trailing slash and taking the forbidden tokens', () => {
    const selection = selectTargets(
      {
        ...ru,
        ...sh,
        KAITEN_SH_FORBIDDEN_TOKEN: 'ksh_noscope_1',
        KAITEN_RU_FORBIDDEN_TOKEN: 'ru-noaccess-1',
      },
      'auto',
    )
    if (selection.kind !== 'live') throw new Error('expected live')
    expect(selection.kaitenSh).toMatchObject({
      baseUrl: 'https://demo.kaiten.sh',
      instanceSlug: 'acme-production',
      forbiddenToken: 'ksh_noscope_1',
    })
    expect(selection.kaitenRu?.forbiddenToken).toBe('ru-noaccess-1')
    expect(selection.skipped).toEqual([])
  })

  it('rejects a partly configured API, naming what is missing and never the token', () => {
    const error = usageError(() =>
      selectTargets(
        { KAITEN_SH_BASE_URL: sh.KAITEN_SH_BASE_URL, KAITEN_SH_TOKEN: sh.KAITEN_SH_TOKEN },
        'auto',
      ),
    )
    expect(error.message).toContain('KAITEN_SH_INSTANCE')
    expect(error.message).toContain('allowed: all of KAITEN_SH_BASE_URL, KAITEN_SH_TOKEN, KAITEN_SH_INSTANCE')
    expect(error.message).not.toContain(sh.KAITEN_SH_TOKEN)
  })

  it('rejects a base URL that is not http(s), naming the variable, the value and what is allowed', () => {
    const error = usageError(() => selectTargets({ ...ru, KAITEN_RU_BASE_URL: 'ftp://example' }, 'auto'))
    expect(error.message).toBe(
      'KAITEN_RU_BASE_URL: "ftp://example" is not allowed; allowed: an http:// or https:// URL',
    )
  })

  it('rejects credentials in a base URL', () => {
    const error = usageError(() =>
      selectTargets({ ...ru, KAITEN_RU_BASE_URL: 'https://user:pass@example.kaiten.ru/api/latest' }, 'auto'),
    )
    expect(error.message).toMatch(/^KAITEN_RU_BASE_URL: a URL with credentials/)
    expect(error.message).not.toContain('pass@')
  })

  it('refuses --target live without any API configured', () => {
    expect(usageError(() => selectTargets({}, 'live')).message).toMatch(/needs at least one API configured/)
  })
})

describe('parseCliOptions', () => {
  it('defaults to auto, 300 requests and no report files', () => {
    expect(parseCliOptions([], {})).toEqual({
      help: false,
      list: false,
      target: 'auto',
      maxRequests: 300,
      only: [],
      timeoutMs: 15_000,
    })
  })

  it('reads every option', () => {
    const options = parseCliOptions(
      [
        '--target',
        'mocks',
        '--max-requests',
        '120',
        '--junit',
        'r/j.xml',
        '--markdown',
        'r/s.md',
        '--only',
        'kaiten-ru.',
        '--seed',
        '42',
        '--negative',
        'all',
        '--json',
        'r/run.json',
        '--record',
        'r/exchanges.ndjson',
      ],
      {},
    )
    expect(options).toMatchObject({
      target: 'mocks',
      maxRequests: 120,
      junitPath: 'r/j.xml',
      markdownPath: 'r/s.md',
      only: ['kaiten-ru.'],
      seed: 42,
      negativeCases: 'all',
      jsonPath: 'r/run.json',
      recordPath: 'r/exchanges.ndjson',
    })
  })

  it('takes the budget from KAITEN_CONTRACT_MAX_REQUESTS unless --max-requests is given', () => {
    expect(parseCliOptions([], { KAITEN_CONTRACT_MAX_REQUESTS: '50' }).maxRequests).toBe(50)
    expect(parseCliOptions(['--max-requests', '7'], { KAITEN_CONTRACT_MAX_REQUESTS: '50' }).maxRequests).toBe(
      7,
    )
  })

  it.each([
    [['--max-requests', '0'], '--max-requests: "0" is not allowed; allowed: an integer ≥ 1'],
    [['--max-requests', 'many'], '--max-requests: "many" is not allowed; allowed: an integer ≥ 1'],
    [['--target', 'staging'], '--target: "staging" is not allowed; allowed: auto, mocks, live'],
    [['--seed=-1'], '--seed: "-1" is not allowed; allowed: an integer from 0 to 2147483647'],
    [
      ['--seed', '2147483648'],
      '--seed: "2147483648" is not allowed; allowed: an integer from 0 to 2147483647',
    ],
    [['--negative', 'some'], '--negative: "some" is not allowed; allowed: sample, all'],
    [['--json', ''], '--json: "" is not allowed; allowed: a file path'],
    [['--timeout=-5'], '--timeout: "-5" is not allowed; allowed: an integer ≥ 1'],
    [
      ['--timeout', '2147483648'],
      '--timeout: "2147483648" is not allowed; allowed: at most 2147483647 (ms), the longest timer Node keeps',
    ],
  ])('rejects %j with a message naming the parameter, value and what is allowed', (argv, message) => {
    expect(usageError(() => parseCliOptions(argv, {})).message).toBe(message)
  })

  it('takes the dotenv file from --dotenv or --env-file, remembering which, and refuses both at once', () => {
    expect(parseCliOptions(['--dotenv', '.env'], {}).envFile).toEqual({ option: '--dotenv', path: '.env' })
    expect(parseCliOptions(['--env-file=ci.env'], {}).envFile).toEqual({
      option: '--env-file',
      path: 'ci.env',
    })
    expect(usageError(() => parseCliOptions(['--dotenv', 'a', '--env-file', 'b'], {})).message).toBe(
      '--dotenv and --env-file name the same file; allowed: one of them',
    )
  })

  it('reads options after a leading `--`, which pnpm passes on from `pnpm contract -- --list`', () => {
    expect(parseCliOptions(['--', '--list', '--target', 'mocks'], {})).toMatchObject({
      list: true,
      target: 'mocks',
    })
  })

  it('rejects an unknown option', () => {
    expect(usageError(() => parseCliOptions(['--verbose'], {})).message).toMatch(/--verbose/)
  })

  it('documents every environment variable in --help', () => {
    const help = helpText()
    for (const variable of variables) expect(help).toContain(variable.name)
    expect(help).toMatch(/Exit codes:/)
  })
})

describe('checkSelector (--only)', () => {
  const selected = (values: string[]) => {
    const accepts = checkSelector(values)
    return accepts ? allCheckIds.filter((id) => accepts(id)) : allCheckIds
  }

  it('selects every check without --only', () => {
    expect(checkSelector([])).toBeUndefined()
  })

  it('selects by id or the start of one, and by group over both APIs', () => {
    expect(selected(['kaiten-ru.errors.401'])).toEqual([
      'kaiten-ru.errors.401-missing-token',
      'kaiten-ru.errors.401-invalid-token',
    ])
    const filters = selected(['filters'])
    expect(filters).toContain('kaiten-sh.filters.event-name')
    expect(filters).toContain('kaiten-ru.filters.id')
    expect(filters.every((id) => id.split('.')[1] === 'filters')).toBe(true)
  })

  it.each([[''], ['  ']])('rejects %j, which would select everything, naming what is allowed', (value) => {
    expect(usageError(() => checkSelector(['kaiten-ru.', value])).message).toBe(
      `--only: ${JSON.stringify(value)} is not allowed; allowed: a check id or the start of one (e.g. kaiten-ru.errors; see --list), or a group: pagination, filters, errors, access, rate-limit, invariants, schema, drift`,
    )
  })

  it('rejects every value that selects nothing, at once', () => {
    expect(usageError(() => checkSelector(['errors', 'kaiten-ru.nothing', 'Pagination'])).message).toMatch(
      /^--only: "kaiten-ru.nothing", "Pagination" matches no check; allowed: a check id/,
    )
  })
})
