// The few git questions the release checks ask, each with a deadline.

import { execFileSync } from 'node:child_process'

const GIT_TIMEOUT_MS = 30_000

function git(root: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', root, ...args], {
    encoding: 'utf8',
    timeout: GIT_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** The commit where HEAD left `ref`; throws naming the ref when git does not know it. */
export function mergeBase(root: string, ref: string): string {
  try {
    return git(root, ['merge-base', 'HEAD', ref]).trim()
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error)
    throw new Error(
      `--since: ${JSON.stringify(ref)} is not allowed; allowed: a ref HEAD shares history with, e.g. origin/main (fetch it first; in CI check out with fetch-depth: 0). git: ${detail}`,
    )
  }
}

/** Files that differ from `base` in the working tree, staged or not, plus untracked files not ignored. */
export function changedFiles(root: string, base: string): string[] {
  const tracked = git(root, ['diff', '--name-only', '--no-renames', base]).split('\n')
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard']).split('\n')
  return [...new Set([...tracked, ...untracked].filter((file) => file !== ''))].sort()
}

/** The text of `path` at `commit`, or undefined when it did not exist there. */
export function fileAt(root: string, commit: string, path: string): string | undefined {
  try {
    return git(root, ['show', `${commit}:${path}`])
  } catch {
    return undefined
  }
}
