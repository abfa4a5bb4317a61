import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // These tests start real servers and write real files on a machine shared with other builds: generous, explicit.
    testTimeout: 60_000,
  },
})
