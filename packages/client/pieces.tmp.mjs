const N = 100000
const bench = (name, fn) => {
  for (let i = 0; i < 1000; i++) fn()
  const t = performance.now()
  for (let i = 0; i < N; i++) fn()
  console.log(name, (((performance.now() - t) / N) * 1000).toFixed(2), 'µs')
}
const url = 'https://example.kaiten.ru/api/latest/audit-logs?limit=100'
const withSignal = new Request(url, {
  headers: { Authorization: 'Bearer x' },
  signal: new AbortController().signal,
})
const without = new Request(url, { headers: { Authorization: 'Bearer x' } })
bench('copy Request w/ signal', () => new Request(withSignal))
bench('copy Request w/o signal', () => new Request(without))
bench('Request from url + never-signal', () => new Request(url, { headers: { Authorization: 'Bearer x' } }))
bench('new AbortController', () => new AbortController())
bench('AbortSignal.any 1', () => AbortSignal.any([new AbortController().signal]))
