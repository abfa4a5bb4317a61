// Reads a package tarball as the registry stores it: the file list and the text of any file, without unpacking.

import { gunzipSync } from 'node:zlib'

/** The files of a package tarball (paths below `package/`) and their contents. */
export interface Tarball {
  files: readonly string[]
  /** The UTF-8 text of a file, or undefined when the tarball has no such file. */
  text(path: string): string | undefined
}

const BLOCK = 512

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length)
  const end = raw.indexOf(0)
  return raw.subarray(0, end === -1 ? length : end).toString('utf8')
}

/** `path=…` from a pax extended header, which tar writes for names that do not fit the 100-byte field. */
function paxPath(data: Buffer): string | undefined {
  let offset = 0
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset)
    if (space === -1) break
    const length = Number(data.subarray(offset, space).toString('ascii'))
    if (!Number.isInteger(length) || length <= 0) break
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8')
    if (record.startsWith('path=')) return record.slice('path='.length)
    offset += length
  }
  return undefined
}

/** Parses a gzipped ustar archive; throws when it is not one. */
export function readTarball(gzipped: Uint8Array): Tarball {
  let archive: Buffer
  try {
    archive = gunzipSync(gzipped)
  } catch (error) {
    throw new Error(`tarball: not gzip data (${String(error)})`)
  }
  if (archive.length < BLOCK || archive.length % BLOCK !== 0) {
    throw new Error(`tarball: not a tar archive (${archive.length} bytes, not whole ${BLOCK}-byte blocks)`)
  }
  const contents = new Map<string, Buffer>()
  let nextName: string | undefined
  for (let offset = 0; offset + BLOCK <= archive.length; ) {
    const header = archive.subarray(offset, offset + BLOCK)
    if (header.every((byte) => byte === 0)) break
    if (field(header, 257, 5) !== 'ustar') throw new Error('tarball: not a tar archive (no ustar header)')
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8)
    const type = field(header, 156, 1)
    const data = archive.subarray(offset + BLOCK, offset + BLOCK + size)
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x') {
      nextName = paxPath(data) ?? nextName
      continue
    }
    if (type === 'L') {
      nextName = field(data, 0, data.length)
      continue
    }
    if (type === 'g') continue
    const prefix = field(header, 345, 155)
    const name = nextName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    nextName = undefined
    // Regular files only ('0', or NUL in old archives); directories and links carry no package content.
    if (type !== '0' && type !== '') continue
    contents.set(name.replace(/^[^/]+\//, ''), Buffer.from(data))
  }
  return {
    files: [...contents.keys()],
    text: (path) => contents.get(path)?.toString('utf8'),
  }
}
