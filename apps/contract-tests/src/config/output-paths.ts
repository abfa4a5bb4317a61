// Report paths are checked before the run, so a typo costs a second, not a whole run against a live API.
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { UsageError } from './errors.js'

export interface OutputPath {
  option: string
  path: string
}

const allowed = 'allowed: a file path in a writable directory (missing directories are created)'

/** Throws a UsageError for the first report path that cannot be written, or that two options share. */
export async function checkOutputPaths(cwd: string, outputs: readonly OutputPath[]): Promise<void> {
  const seen = new Map<string, string>()
  for (const { option, path } of outputs) {
    const absolute = resolve(cwd, path)
    const other = seen.get(absolute)
    if (other !== undefined) {
      throw new UsageError(`${option}: ${JSON.stringify(path)} is the file ${other} writes; ${allowed}`)
    }
    seen.set(absolute, option)
    const problem = await whyNotWritable(absolute)
    if (problem !== undefined) {
      throw new UsageError(`${option}: ${JSON.stringify(path)} cannot be written (${problem}); ${allowed}`)
    }
  }
}

async function whyNotWritable(file: string): Promise<string | undefined> {
  let existing: { path: string; isDirectory: boolean }
  try {
    existing = await nearestExisting(file)
  } catch (error) {
    // EACCES on a directory of the path, ELOOP, …: the system's own words say it best.
    return error instanceof Error ? error.message : String(error)
  }
  if (existing.path === file) {
    if (existing.isDirectory) return `${file} is a directory`
    return (await writable(file, constants.W_OK)) ? undefined : `${file} is not writable`
  }
  // The file does not exist yet: the nearest existing ancestor must be a directory we may create entries in.
  if (!existing.isDirectory) return `${existing.path} is not a directory`
  return (await writable(existing.path, constants.W_OK | constants.X_OK))
    ? undefined
    : `${existing.path} is not writable`
}

async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean }> {
  let current = path
  for (;;) {
    try {
      return { path: current, isDirectory: (await stat(current)).isDirectory() }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // ENOTDIR: a file stands where a directory of the path should be; the walk up finds it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    }
    const parent = dirname(current)
    if (parent === current) return { path: current, isDirectory: false }
    current = parent
  }
}

async function writable(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode)
    return true
  } catch {
    return false
  }
}
