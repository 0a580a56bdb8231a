/**
 * Which files the CLI lints: named files as they are, folders searched for
 * text files, glob patterns expanded, minus what an ignore file
 * (`.mtlintignore`, gitignore syntax, searched up from the working folder)
 * excludes, as other unified CLIs do. `-` is standard input.
 */
import fs from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'
import ignore, {type Ignore} from 'ignore'
import {InputError} from './input.js'

export const ignoreName = '.mtlintignore'
/**
 * Extensions searched in folders. JSON is not among them: a folder holds
 * many JSON files that are no catalogues (`package.json`, lockfiles,
 * configs); name catalogues with a glob (`locales/**\/*.json`) or `--ext`.
 */
export const defaultExtensions = ['txt', 'text', 'md', 'markdown', 'po', 'xlf', 'xliff']

/** Folders never searched: dependencies and version control. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn'])

export interface Expanded {
  /** Paths to lint, in the order given; `-` for standard input. */
  files: string[]
  /** Arguments that matched nothing. */
  errors: InputError[]
}

export interface ExpandOptions {
  extensions?: string[] | undefined
  cwd?: string | undefined
  /** An ignore file to use instead of searching for `.mtlintignore`. */
  ignorePath?: string | undefined
}

export async function expandInputs(
  inputs: string[],
  options: ExpandOptions = {}
): Promise<Expanded> {
  const cwd = options.cwd ?? process.cwd()
  const extensions = new Set(
    (options.extensions ?? defaultExtensions).map((ext) => ext.replace(/^\./, '').toLowerCase())
  )
  const ignored = loadIgnore(cwd, options.ignorePath)
  const files: string[] = []
  const seen = new Set<string>()
  const errors: InputError[] = []

  const add = (file: string): void => {
    const key = path.resolve(cwd, file)
    if (seen.has(key)) return
    seen.add(key)
    files.push(file)
  }

  for (const input of inputs) {
    if (input === '-') {
      add('-')
      continue
    }

    const stat = statOrUndefined(path.resolve(cwd, input))
    if (stat?.isDirectory()) {
      for (const file of walk(path.resolve(cwd, input), extensions, ignored)) {
        add(path.relative(cwd, file) || file)
      }
    } else if (stat) {
      // A file named on the command line is linted whatever its extension.
      add(input)
    } else if (hasMagic(input)) {
      const matches = await glob(input, {cwd, nodir: true, dot: false})
      const kept = matches.filter((file) => !ignored.test(file)).sort()
      if (kept.length === 0) errors.push(new InputError(input, 'no files match this pattern'))
      for (const file of kept) add(file)
    } else {
      errors.push(new InputError(input, 'no such file'))
    }
  }

  return {files, errors}
}

interface IgnoreTest {
  test(file: string): boolean
}

function loadIgnore(cwd: string, ignorePath: string | undefined): IgnoreTest & {base: string} {
  const file = ignorePath ? path.resolve(cwd, ignorePath) : findUp(cwd, ignoreName)
  if (!file) return {base: cwd, test: () => false}
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new InputError(file, 'cannot read ignore file')
  }

  const base = path.dirname(file)
  const matcher: Ignore = ignore().add(text)
  return {
    base,
    test(candidate: string) {
      const relative = path.relative(base, path.resolve(cwd, candidate))
      // Files outside the ignore file's folder are not its business.
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false
      return matcher.ignores(relative.split(path.sep).join('/'))
    }
  }
}

function* walk(
  folder: string,
  extensions: Set<string>,
  ignored: IgnoreTest
): Generator<string> {
  const stack = [folder]
  while (stack.length > 0) {
    const current = stack.pop()!
    const entries = fs.readdirSync(current, {withFileTypes: true})
      .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    const files: string[] = []
    for (const entry of entries) {
      const full = path.join(current, entry.name)
      if (entry.name.startsWith('.') || ignored.test(full)) continue
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) stack.push(full)
      } else if (entry.isFile() && extensions.has(path.extname(entry.name).slice(1).toLowerCase())) {
        files.push(full)
      }
    }

    yield* files.reverse()
  }
}

function findUp(from: string, name: string): string | undefined {
  let current = path.resolve(from)
  for (;;) {
    const candidate = path.join(current, name)
    if (fs.existsSync(candidate)) return candidate
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file)
  } catch {
    return undefined
  }
}
