#!/usr/bin/env node
/**
 * mtlint [options] [file|folder|glob ...]
 *
 * Lints machine-translated English and proposes fixes. Exit codes: 0 no
 * findings, 1 findings, 2 usage, config or input errors. A bad input (missing,
 * unreadable, binary, invalid UTF-8) is a one-line error naming the file; it
 * is never written, and the other files are still linted.
 */
import './heap.js'
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {check, type CheckResult} from './api.js'
import {ConfigError, findConfig, loadConfigFile, type FoundConfig} from './config.js'
import {defaultExtensions, expandInputs} from './files.js'
import {fileTypes, FormatError, isFileType, typeFromPath, typesWithSource, type FileType} from './formats/index.js'
import {decodeText, InputError, readTextFile} from './input.js'
import type {MtlintOptions} from './preset.js'
import {formatReport, formats, type Format} from './report.js'

const help = `Usage: mtlint [options] [file|folder|glob ...]

Find the typical errors of machine-translated English and propose fixes.
With no file, or with \`-\`, reads standard input.

Files are read by extension: .md Markdown, .po/.pot gettext, .xlf/.xliff
XLIFF 1.2 and 2.x, .json/.arb catalogues, anything else plain text. In
catalogues only the translations are linted, and fixes keep the file's
escaping and every other byte.

Options:
  --diff               print a unified diff of all proposed fixes (report goes to stderr)
  --fix                apply the proposed fixes in place (stdin: print the fixed text)
  -f, --format NAME    report format: ${formats.join(', ')} (default: stylish)
  --config FILE        use this config file instead of searching for .mtlintrc.json
  --no-config          use no config file
  --ext LIST           extensions searched in folders (default: ${defaultExtensions.join(',')})
  --type TYPE          read every input as: ${fileTypes.join(', ')} (default: by extension)
  --source FILE        the source text the one input translates, for the
                       source-aware rules (plain text: paired line by line or
                       paragraph by paragraph; JSON: by key path; PO and XLIFF
                       carry their own source)
  --ignore-path FILE   ignore file to use instead of searching for .mtlintignore
  --color, --no-color  colour in the stylish report (default: when stderr/stdout is a terminal)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no findings, 1 findings, 2 usage, config or input errors.`

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<Uint8Array>
  cwd: string
  isTty: boolean
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        diff: {type: 'boolean', default: false},
        fix: {type: 'boolean', default: false},
        format: {type: 'string', short: 'f', default: 'stylish'},
        config: {type: 'string'},
        'no-config': {type: 'boolean', default: false},
        ext: {type: 'string'},
        type: {type: 'string'},
        source: {type: 'string'},
        'ignore-path': {type: 'string'},
        color: {type: 'boolean'},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    io.stderr(`mtlint: ${(error as Error).message}\nTry \`mtlint --help\`.\n`)
    return 2
  }

  const {values} = parsed
  if (values.help) {
    io.stdout(help + '\n')
    return 0
  }

  if (values.version) {
    io.stdout((await version()) + '\n')
    return 0
  }

  const format = values.format as Format
  if (!formats.includes(format)) {
    io.stderr(`mtlint: unknown format \`${values.format}\` (expected ${formats.join(', ')})\n`)
    return 2
  }

  if (values.type !== undefined && !isFileType(values.type)) {
    io.stderr(`mtlint: unknown type \`${values.type}\` (expected ${fileTypes.join(', ')})\n`)
    return 2
  }

  let explicitConfig: FoundConfig | undefined
  try {
    if (values.config !== undefined) {
      explicitConfig = loadConfigFile(path.resolve(io.cwd, values.config))
    }
  } catch (error) {
    io.stderr(`mtlint: ${(error as Error).message}\n`)
    return 2
  }

  const inputs = parsed.positionals.length > 0 ? parsed.positionals : ['-']
  let expanded
  try {
    expanded = await expandInputs(inputs, {
      cwd: io.cwd,
      extensions: values.ext?.split(',').filter(Boolean),
      ignorePath: values['ignore-path']
    })
  } catch (error) {
    io.stderr(`mtlint: ${(error as Error).message}\n`)
    return 2
  }

  const errors: string[] = expanded.errors.map((error) => error.message)
  let source: string | undefined
  if (values.source !== undefined) {
    if (expanded.files.length !== 1) {
      io.stderr(`mtlint: --source needs exactly one file to lint (got ${expanded.files.length})\n`)
      return 2
    }

    try {
      source = await readTextFile(path.resolve(io.cwd, values.source))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      io.stderr(`mtlint: ${values.source}: ${error.problem} (the --source file)\n`)
      return 2
    }
  }

  const results: CheckResult[] = []
  const configCache = new Map<string, FoundConfig>()
  // Report and diff go to stdout unless stdout carries the diff or fixed text.
  const stdinFix = values.fix && expanded.files.includes('-')
  const reportTo = values.diff || stdinFix ? io.stderr : io.stdout
  const patches: string[] = []
  let written = 0

  for (const file of expanded.files) {
    let text: string
    let options: MtlintOptions
    try {
      text =
        file === '-'
          ? decodeText(await io.readStdin(), '<stdin>')
          : await readTextFile(path.resolve(io.cwd, file))
      options = values['no-config']
        ? {}
        : (explicitConfig ?? findConfig(path.dirname(path.resolve(io.cwd, file)), configCache))
            .options
    } catch (error) {
      if (error instanceof InputError) {
        errors.push(file === '-' ? error.message : `${file}: ${error.problem}`)
        continue
      }

      if (error instanceof ConfigError) {
        errors.push(`${error.message} (config for ${file})`)
        continue
      }

      throw error
    }

    const name = file === '-' ? undefined : file
    const type: FileType = (values.type as FileType | undefined) ?? (file === '-' ? 'text' : typeFromPath(file))
    if (source !== undefined && typesWithSource.has(type)) {
      errors.push(`${file}: a ${type} file carries its own source; --source is for text, markdown and json`)
      continue
    }

    let result: CheckResult
    try {
      result = await check(text, {...options, path: name, type, source})
    } catch (error) {
      if (error instanceof FormatError) {
        const where = error.line === undefined ? ' ' : `${error.line}:${error.column ?? 1}: `
        errors.push(`${file === '-' ? '<stdin>' : file}:${where}${error.problem}, not linted`)
        continue
      }

      throw error
    }

    if (values.diff && result.patch) patches.push(result.patch)

    if (values.fix && result.fixed !== text) {
      if (file === '-') {
        io.stdout(result.fixed)
      } else {
        try {
          await writeAtomically(path.resolve(io.cwd, file), text, result.fixed)
          written++
        } catch (error) {
          errors.push(error instanceof InputError ? `${file}: ${error.problem}` : String(error))
          results.push(result)
          continue
        }
      }

      // Report what is left, at its place in the fixed text.
      result = await check(result.fixed, {...options, path: name, type, source})
    } else if (values.fix && file === '-') {
      io.stdout(text)
    }

    results.push(result)
  }

  if (values.diff) io.stdout(patches.join(''))

  const report = formatReport(
    results.map((result) => result.file),
    format,
    {color: values.color ?? (io.isTty && format === 'stylish')}
  )
  if (report) reportTo(report.endsWith('\n') ? report : report + '\n')
  if (values.fix && written > 0) io.stderr(`mtlint: fixed ${written} file${written === 1 ? '' : 's'}\n`)
  for (const error of errors) io.stderr(`mtlint: ${error}\n`)

  if (errors.length > 0) return 2
  return results.some((result) => result.messages.length > 0) ? 1 : 0
}

/**
 * Write `after` over `file` through a temporary file beside it and a rename,
 * so that a crash never leaves a half-written file; refuse when the file
 * changed since it was read.
 */
async function writeAtomically(file: string, before: string, after: string): Promise<void> {
  const current = await readTextFile(file)
  if (current !== before) throw new InputError(file, 'changed while being linted, not written')
  const stat = await fs.stat(file)
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.mtlint-${process.pid}-${Date.now()}.tmp`
  )
  try {
    await fs.writeFile(temporary, after, {mode: stat.mode, flag: 'wx'})
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw new InputError(file, 'cannot write: ' + (error as Error).message)
  }
}

async function version(): Promise<string> {
  const pkg = JSON.parse(
    await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')
  ) as {version: string}
  return pkg.version
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks)
}

const isMain =
  process.argv[1] !== undefined &&
  (await fs.realpath(process.argv[1]).catch(() => process.argv[1])) ===
    (await fs.realpath(new URL(import.meta.url).pathname).catch(() => ''))

if (isMain) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    cwd: process.cwd(),
    isTty: Boolean(process.stdout.isTTY)
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`mtlint: internal error: ${(error as Error).stack ?? String(error)}\n`)
      process.exitCode = 2
    }
  )
}
