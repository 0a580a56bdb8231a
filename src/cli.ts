#!/usr/bin/env node
/**
 * mtlint [options] [file|folder|glob ...]
 *
 * Lints machine-translated English and proposes fixes. Exit codes: 0 no
 * findings, 1 findings, 2 usage, config or input errors. A bad input (missing,
 * unreadable, binary, invalid UTF-8) is a one-line error naming the file; it
 * is never written, and the other files are still linted.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {check, type CheckResult} from './api.js'
import {ConfigError, findConfig, loadConfigFile, type FoundConfig} from './config.js'
import {defaultExtensions, expandInputs} from './files.js'
import {decodeText, InputError, readTextFile} from './input.js'
import type {MtlintOptions} from './preset.js'
import {formatReport, formats, type Format} from './report.js'

const help = `Usage: mtlint [options] [file|folder|glob ...]

Find the typical errors of machine-translated English and propose fixes.
With no file, or with \`-\`, reads standard input.

Options:
  --diff               print a unified diff of all proposed fixes (report goes to stderr)
  --fix                apply the proposed fixes in place (stdin: print the fixed text)
  -f, --format NAME    report format: ${formats.join(', ')} (default: stylish)
  --config FILE        use this config file instead of searching for .mtlintrc.json
  --no-config          use no config file
  --ext LIST           extensions searched in folders (default: ${defaultExtensions.join(',')})
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
    let result = await check(text, {...options, path: name})
    if (result.patch) patches.push(result.patch)

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
      result = await check(result.fixed, {...options, path: name})
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
