// Whether every published package whose public surface changed since a ref is released by a changeset added since.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { changedFiles, fileAt, mergeBase } from './git.js'
import {
  type Changeset,
  parseChangeset,
  type SurfaceChange,
  surfaceChanges,
  uncoveredChanges,
} from './public-surface.js'
import { parseCatalog, publishablePackages } from './workspace.js'

/** What the check found. */
export interface ChangesetCheck {
  base: string
  changes: SurfaceChange[]
  changesets: { file: string; changeset: Changeset }[]
  uncovered: SurfaceChange[]
}

/** Compares the working tree of the repository at `root` with where it left `since`. */
export function checkChangesets(root: string, since: string): ChangesetCheck {
  const base = mergeBase(root, since)
  const files = changedFiles(root, base)
  const packages = publishablePackages(root).map((pkg) => {
    const before = fileAt(root, base, `${pkg.path}/package.json`)
    return {
      name: pkg.name,
      path: pkg.path,
      before: before ? JSON.parse(before) : undefined,
      after: pkg.manifest,
    }
  })
  const changes = surfaceChanges({
    packages,
    changedFiles: files,
    catalogBefore: parseCatalog(fileAt(root, base, 'pnpm-workspace.yaml') ?? ''),
    catalogAfter: parseCatalog(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')),
  })
  const changesets = files
    .filter((file) => /^\.changeset\/[^/]+\.md$/.test(file) && file !== '.changeset/README.md')
    .filter((file) => existsSync(join(root, file)))
    .map((file) => {
      try {
        return { file, changeset: parseChangeset(readFileSync(join(root, file), 'utf8')) }
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`)
      }
    })
  return {
    base,
    changes,
    changesets,
    uncovered: uncoveredChanges(
      changes,
      changesets.map((entry) => entry.changeset),
    ),
  }
}
