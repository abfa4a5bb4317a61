import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../src/cli-args.js'

describe('parseCliArgs', () => {
  it('has safe defaults: loopback, random ports, seed 1, rate limit on, no request log', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      seed: 1,
      rateLimit: true,
      host: '127.0.0.1',
      log: false,
      ports: { kaitenSh: 0, kaitenRu: 0 },
      scenarios: [],
    })
  })

  it('reads every flag, with the value as the next argument or after =', () => {
    expect(
      parseCliArgs([
        '--port-sh',
        '6000',
        '--port-ru=6001',
        '--seed=42',
        '--no-rate-limit',
        '--host',
        '::1',
        '--log',
        '--scenario',
        'server-errors:status=503,times=2',
        '--scenario=cursor-envelope',
        '--help',
      ]),
    ).toMatchObject({
      help: true,
      seed: 42,
      rateLimit: false,
      host: '::1',
      log: true,
      ports: { kaitenSh: 6000, kaitenRu: 6001 },
    })
  })

  it('keeps every --scenario, in order, checked', () => {
    const { scenarios } = parseCliArgs([
      '--scenario',
      'server-errors:status=503,times=2',
      '--scenario=cursor-envelope',
      '--scenario',
      ' latency : ms = 20 , api = kaiten-ru ',
    ])
    expect(scenarios.map(String)).toEqual([
      'server-errors:status=503,times=2',
      'cursor-envelope',
      'latency:ms=20,api=kaiten-ru',
    ])
    expect(scenarios.map((scenario) => scenario.apis)).toEqual([
      ['kaiten-sh', 'kaiten-ru'],
      ['kaiten-sh'],
      ['kaiten-ru'],
    ])
  })

  it.each([
    [
      'an unknown name',
      'nope',
      /^--scenario: scenario "nope" is not allowed; allowed: latency, server-errors, .*cursor-envelope$/,
    ],
    ['no value', '', /^--scenario: scenario "" is not allowed; allowed: latency,/],
    [
      'an unknown option',
      'server-errors:colour=red',
      /^--scenario: scenario server-errors: option "colour" is not allowed; allowed: status \(an integer from 500 to 599, default 500\), times/,
    ],
    [
      'a value out of range',
      'server-errors:status=404',
      /^--scenario: scenario server-errors, status: "404" is not allowed; allowed: an integer from 500 to 599$/,
    ],
    [
      'a value that is not an integer',
      'latency:ms=1.5',
      /^--scenario: scenario latency, ms: "1.5" is not allowed; allowed: an integer from 0 to 600000$/,
    ],
    [
      'a missing required option',
      'latency',
      /^--scenario: scenario latency, ms: missing; allowed: an integer from 0 to 600000$/,
    ],
    [
      'an api the scenario does not apply to',
      'cursor-envelope:api=kaiten-ru',
      /^--scenario: scenario cursor-envelope, api: "kaiten-ru" is not allowed; allowed: kaiten-sh$/,
    ],
    [
      'a pair without =',
      'server-errors:503',
      /^--scenario: scenario server-errors: "503" is not allowed; allowed: key=value pairs/,
    ],
    [
      'an option twice',
      'server-errors:times=1,times=2',
      /"times" given twice is not allowed; allowed: each option once$/,
    ],
  ])('refuses --scenario with %s, naming the value and what is allowed', (_what, spec, message) => {
    expect(() => parseCliArgs(['--scenario', spec])).toThrow(message)
  })

  it('takes -h for --help', () => {
    expect(parseCliArgs(['-h']).help).toBe(true)
  })

  it.each(['0.0.0.0', 'localhost', '192.168.10.4', 'mock.internal'])('accepts --host %s', (host) => {
    expect(parseCliArgs(['--host', host]).host).toBe(host)
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
      /"--verbose" is not allowed; allowed: --port-sh, --port-ru, --seed, --no-rate-limit, --host, --log, --scenario, --help/,
    ],
    [['-x'], /"-x" is not allowed; allowed: --port-sh/],
    [['4'], /"4" is not allowed; allowed: --port-sh/],
    [['--log=yes'], /--log: "yes" is not allowed; allowed: no value/],
    [['--no-rate-limit=false'], /--no-rate-limit: "false" is not allowed; allowed: no value/],
    [['--host'], /--host: "" is not allowed; allowed: an IP address or a host name/],
    [['--host', 'a b'], /--host: "a b" is not allowed; allowed: an IP address or a host name/],
    [['--host', 'http://x'], /--host: "http:\/\/x" is not allowed/],
    [
      ['--port-sh', '7000', '--port-ru', '7000'],
      /--port-ru: 7000 is not allowed; allowed: a port other than --port-sh/,
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message)
  })
})
