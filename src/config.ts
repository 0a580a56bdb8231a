/**
 * Configuration: `.mtlintrc.json`, or an `mtlint` field in `package.json`,
 * found by searching up from each file's folder, as other linters do. The
 * nearest one wins; there is no merging. Shape:
 *
 * ```json
 * {"rules": {"repeated-words": false}, "allow": ["Lukashenka"]}
 * ```
 *
 * A malformed file is a `ConfigError` naming the file and the problem.
 */
import fs from 'node:fs'
import path from 'node:path'
import {validateOptions, OptionsError, type MtlintOptions} from './preset.js'

export const rcName = '.mtlintrc.json'
export const packageField = 'mtlint'

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'ConfigError'
  }
}

export interface FoundConfig {
  /** The file the options came from, or undefined when none was found. */
  file: string | undefined
  options: MtlintOptions
}

/** Read and validate one config file (`.mtlintrc.json` or `package.json`). */
export function loadConfigFile(file: string): FoundConfig {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigError(file, code === 'ENOENT' ? 'no such config file' : 'cannot read config file')
  }

  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(file, 'invalid JSON: ' + (error as Error).message)
  }

  if (path.basename(file) === 'package.json') {
    data = (data as Record<string, unknown> | null)?.[packageField]
    if (data === undefined) return {file: undefined, options: {}}
  }

  try {
    validateOptions(data)
  } catch (error) {
    if (error instanceof OptionsError) throw new ConfigError(file, error.message)
    throw error
  }

  return {file, options: data}
}

/**
 * Find the configuration for files in `folder`: the nearest `.mtlintrc.json`
 * or `package.json` with an `mtlint` field, searching up to the root.
 * Results are cached per folder for the life of `cache`.
 */
export function findConfig(
  folder: string,
  cache: Map<string, FoundConfig> = new Map()
): FoundConfig {
  const visited: string[] = []
  let current = path.resolve(folder)
  let found: FoundConfig | undefined

  while (!found) {
    const cached = cache.get(current)
    if (cached) {
      found = cached
      break
    }

    visited.push(current)
    const rc = path.join(current, rcName)
    if (fs.existsSync(rc)) {
      found = loadConfigFile(rc)
      break
    }

    const pkg = path.join(current, 'package.json')
    if (fs.existsSync(pkg)) {
      const fromPackage = loadConfigFile(pkg)
      if (fromPackage.file) {
        found = fromPackage
        break
      }
    }

    const parent = path.dirname(current)
    if (parent === current) found = {file: undefined, options: {}}
    current = parent
  }

  for (const folderSeen of visited) cache.set(folderSeen, found)
  return found
}
