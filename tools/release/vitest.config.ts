import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // These tests run git, tar and pnpm for real; a busy machine may take seconds per process. The deadline only
    // stops a hung process, it is not what the tests assert.
    testTimeout: 60_000,
  },
})
