import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../src/cli-args.js'

describe('parseCliArgs', () => {
  it('has safe defaults: random ports, seed 1, rate limit on', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      seed: 1,
      rateLimit: true,
      ports: { kaitenSh: 0, kaitenRu: 0 },
    })
  })

  it('reads every flag, with the value as the next argument or after =', () => {
    expect(
      parseCliArgs(['--port-sh', '6000', '--port-ru=6001', '--seed=42', '--no-rate-limit', '--help']),
    ).toEqual({
      help: true,
      seed: 42,
      rateLimit: false,
      ports: { kaitenSh: 6000, kaitenRu: 6001 },
    })
  })

  it('skips the -- separator that pnpm passes through', () => {
    expect(parseCliArgs(['--', '--seed', '4']).seed).toBe(4)
  })

  it.each([
    [['--port-sh', 'abc'], /--port-sh: "abc" is not allowed; allowed: a port from 0 to 65535/],
    [['--port-ru', '70000'], /--port-ru: "70000" is not allowed/],
    [['--seed'], /--seed: "" is not allowed; allowed: an integer from 0 to 4294967295/],
    [['--seed', '-3'], /--seed: "-3" is not allowed/],
    [
      ['--verbose'],
      /"--verbose" is not allowed; allowed: --port-sh, --port-ru, --seed, --no-rate-limit, --help/,
    ],
    [
      ['--port-sh', '7000', '--port-ru', '7000'],
      /--port-ru: 7000 is not allowed; allowed: a port other than --port-sh/,
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message)
  })
})
