// Runs the export in this process and reports its peak resident set size, so the benchmark measures the exporter alone.
import { PassThrough } from 'node:stream'
import { main } from '../dist/cli.js'

const code = await main(
  process.argv.slice(2),
  process.env,
  {
    stdout: new PassThrough(),
    stderr: (text) => process.stderr.write(text),
    progress: false,
    cwd: process.cwd(),
  },
  new AbortController().signal,
)
process.stdout.write(`${JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS })}\n`)
