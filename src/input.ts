/**
 * Reading a text file strictly: a linter must never guess at bytes.
 * A missing or unreadable file, a binary file (NUL bytes) and invalid UTF-8
 * are errors that name the file and the problem; a BOM is kept as text so
 * that fixes keep it too.
 */
import fs from 'node:fs/promises'

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'InputError'
  }
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Read `path` as UTF-8 text, or throw an `InputError`. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    throw new InputError(path, describeFsError(error))
  }

  return decodeText(bytes, path)
}

/** Decode bytes as UTF-8 text, or throw an `InputError` naming `name`. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    throw new InputError(name, `binary file (NUL byte at byte ${nul}), not linted`)
  }

  try {
    return decoder.decode(bytes)
  } catch {
    throw new InputError(
      name,
      `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}, not linted (convert it to UTF-8 first)`
    )
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied, cannot read'
  return 'cannot read: ' + String((error as Error | undefined)?.message ?? error)
}

/** Byte offset of the first byte that breaks UTF-8 (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    let length = 0
    let min = 0
    if (byte < 0x80) length = 1
    else if (byte >= 0xc2 && byte <= 0xdf) length = 2
    else if (byte >= 0xe0 && byte <= 0xef) (length = 3), (min = 0x800)
    else if (byte >= 0xf0 && byte <= 0xf4) (length = 4), (min = 0x10000)
    else return index

    if (length > 1) {
      if (index + length > bytes.length) return index
      let code = byte & (0xff >> (length + 1))
      for (let k = 1; k < length; k++) {
        const next = bytes[index + k]!
        if ((next & 0xc0) !== 0x80) return index
        code = (code << 6) | (next & 0x3f)
      }

      if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return index
      }
    }

    index += length
  }

  return index
}
