import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // A guard against hangs, not a verdict on speed: tests assert logical schedules, so a busy machine may be slow.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
  },
})
