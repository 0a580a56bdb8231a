#!/usr/bin/env node
/**
 * `mtlint-language-server`: mtlint in editors, over the Language Server
 * Protocol (`mtlint-language-server --stdio`).
 *
 * Built on `unified-language-server`, which runs a unified processor through
 * unified-engine on every open document, publishes the vfile messages as
 * diagnostics (rule id as `code`, the rule's doc as `codeDescription.href`)
 * and turns `expected` into quick fixes. The processor given to it lints
 * each document exactly as the CLI does: the options of the `.mtlintrc.json`
 * / `package.json` that `findConfig` finds from the document's folder, then
 * `check` on the text, so findings and fixes are the CLI's and the API's.
 *
 * What the editor layer adds, and why:
 * - a proposed fix (`fix: true`) becomes exactly one quick fix, marked
 *   preferred; a finding without a sure fix (`fix: false`) offers its
 *   suggestions as quick fixes that are never preferred, so an editor's
 *   "auto fix" cannot apply a guess;
 * - "Format Document" returns the text with every proposed fix applied, the
 *   `fixed` text of `check`;
 * - a malformed config is one error diagnostic at the top of the document
 *   (and a log line), and the document is not linted until it is fixed.
 *
 * Markdown is linted as `check` lints it (given the document's path): as
 * text for now.
 */
import './heap.js'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {Root} from 'nlcst'
import {unified, type Processor, type Transformer} from 'unified'
import type {VFile} from 'vfile'
import {check} from './api.js'
import {ConfigError, findConfig, rcName} from './config.js'
import {ignoreName} from './files.js'
import {FormatError, typeFromPath} from './formats/index.js'
import type {MtlintOptions} from './preset.js'
import {source, type MtlintMessage} from './rule-kit.js'

/** The settings section a client may send (`workspace/configuration`). */
export const configurationSection = 'mtlint'

/**
 * The processor the server runs: lint with the config found for the file,
 * shape the findings into quick fixes; stringifying (for "Format Document")
 * gives the text with every proposed fix applied.
 */
export const processor = unified()
  .use(deferParsing)
  .use(mtlintWithConfig)
  .use(quickFixes)
  .use(fixedText)
  .freeze()

/**
 * unified-engine needs a parser; `check` parses the document itself, piece by
 * piece (linear time, flat memory), so parsing it here too would only cost
 * time on every keystroke. The tree is an empty root.
 */
function deferParsing(this: Processor<any, any, any, any, any>): void {
  this.parser = (): Root => ({
    type: 'RootNode',
    children: [],
    position: {
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 1, offset: 0}
    }
  })
}

/**
 * Lint the file as the CLI does: the options of the config found for it
 * (searched up from its folder, and read again on every run so an edited
 * config applies at the next check), then `check`.
 */
function mtlintWithConfig(): Transformer<Root, Root> {
  return async function (_tree, file) {
    let options: MtlintOptions
    try {
      options = findConfig(file.dirname ?? file.cwd).options
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      reportConfigError(file, error)
      return
    }

    // Markdown, PO, XLIFF and JSON are linted as the CLI lints them: by
    // extension. A catalogue half-way through an edit may not parse; say so.
    let result
    try {
      result = await check(String(file), {
        ...options,
        path: file.path,
        type: file.path ? typeFromPath(file.path) : 'text'
      })
    } catch (error) {
      if (!(error instanceof FormatError)) throw error
      const message = file.message(`mtlint cannot read this file: ${error.message}`, {
        place: {line: error.line ?? 1, column: error.column ?? 1},
        ruleId: 'parse',
        source
      })
      message.fatal = true
      return
    }

    file.messages.push(...result.messages)
    fixedTexts.set(file, result)
  }
}

/**
 * Per file, the result whose `fixed` text `fixedText` gives (built only
 * when "Format Document" asks for it).
 */
const fixedTexts = new WeakMap<VFile, {readonly fixed: string}>()

const loggedConfigErrors = new Set<string>()

function reportConfigError(file: VFile, error: ConfigError): void {
  const message = file.message(
    'mtlint config error, this document is not checked until it is fixed: ' +
      error.message,
    {place: {line: 1, column: 1}, ruleId: 'config', source}
  )
  message.fatal = true
  // Once per distinct problem: documents are checked on every keystroke.
  if (!loggedConfigErrors.has(error.message)) {
    loggedConfigErrors.add(error.message)
    console.error('mtlint: config error: ' + error.message)
  }
}

/**
 * unified-language-server offers one quick fix per `expected` entry and marks
 * it preferred when `expected` has exactly one entry; it skips entries that
 * are not strings. So a proposed fix keeps only `expected[0]` (one preferred
 * quick fix, the replacement the CLI applies; none when it changes nothing,
 * as the CLI applies nothing), and a lone suggestion without a sure fix gets
 * a `null` companion so that it is offered but never preferred.
 */
function quickFixes(): Transformer<Root, Root> {
  return function (_tree, file) {
    shapeQuickFixes(file.messages as MtlintMessage[])
  }
}

/** Set `expected` of each message as the quick fixes it should become. */
export function shapeQuickFixes(messages: MtlintMessage[]): void {
  for (const message of messages) {
    const expected = message.expected
    if (!expected) continue
    if (message.fix === true) {
      const replacement = expected[0]
      message.expected =
        replacement !== undefined && replacement !== message.actual ? [replacement] : []
    } else if (expected.length === 1) {
      message.expected = [expected[0], null] as unknown as string[]
    }
  }
}

/** Compile to the text with every proposed fix applied: `check`'s `fixed`. */
function fixedText(this: Processor<any, any, any, any, any>): void {
  this.compiler = (_tree: unknown, file: VFile) => fixedTexts.get(file)?.fixed ?? String(file)
}

/** Start the server on the transport named in `process.argv` (`--stdio`). */
export async function startServer(): Promise<void> {
  // A failure while checking one document must not take the editor's
  // server down; it is logged (to the client's log over `--stdio`).
  process.on('unhandledRejection', (reason) => {
    console.error('mtlint-language-server: ' + describe(reason))
  })

  const adapted = adaptConnection()
  // Loaded after `adaptConnection` so that its import binds the wrapper.
  const {createUnifiedLanguageServer} = await import('unified-language-server')
  createUnifiedLanguageServer({
    // unified-language-server loads the processor by module specifier from
    // the workspace; this module's own URL always resolves to this module, so
    // every workspace gets this engine, never another mtlint it may install.
    processorName: import.meta.url,
    processorSpecifier: 'processor',
    configurationSection,
    // Files the CLI skips are not checked in the editor either.
    ignoreName
    // No `rcName` / `packageField`: unified-engine's config format is not
    // ours; `mtlintWithConfig` reads mtlint's config for each file.
  })

  if (!adapted()) {
    console.error(
      'mtlint-language-server: could not adapt the connection; a client that ' +
        'answers `workspace/configuration` with null gets no diagnostics'
    )
  }
}

/**
 * Two gaps of unified-language-server 4.1, closed on its connection:
 *
 * - it reads `requireConfig` from the client's answer to
 *   `workspace/configuration` without checking it, and Neovim, Helix and
 *   eglot answer `null` for a section they have no settings for: every
 *   document then failed to be checked. A missing section now reads as `{}`.
 *   (`requireConfig` is dropped too, see `asSettings`).
 * - it re-checks open documents when the client reports changed files, but
 *   asks for no such reports: when the client allows it, the server now
 *   registers watchers for `.mtlintrc.json`, `package.json` and
 *   `.mtlintignore`, so an edited config applies at once.
 *
 * The connection is made by vscode-languageserver's `createConnection`
 * (resolved from unified-language-server, so the same module instance),
 * which is wrapped; the returned function tells whether it was used.
 */
function adaptConnection(): () => boolean {
  const fromServer = createRequire(createRequire(import.meta.url).resolve('unified-language-server'))
  const server = fromServer('vscode-languageserver/node.js') as Record<string, any>
  const create = server['createConnection'] as (...parameters: unknown[]) => any
  let used = false

  server['createConnection'] = function (...parameters: unknown[]) {
    const connection = create(...parameters)
    used = true

    const workspace = connection.workspace
    const getConfiguration = workspace.getConfiguration.bind(workspace)
    workspace.getConfiguration = async (request?: unknown) => {
      const value: unknown = await getConfiguration(request)
      return Array.isArray(request) && Array.isArray(value)
        ? value.map((section) => asSettings(section))
        : asSettings(value)
    }

    let canWatch = false
    const onInitialize = connection.onInitialize.bind(connection)
    connection.onInitialize = (handler: (params: any, ...rest: unknown[]) => unknown) =>
      onInitialize((params: any, ...rest: unknown[]) => {
        canWatch = Boolean(
          params?.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration
        )
        return handler(params, ...rest)
      })

    const onInitialized = connection.onInitialized.bind(connection)
    connection.onInitialized = (handler: (params: unknown) => void) =>
      onInitialized((params: unknown) => {
        handler(params)
        if (!canWatch) return
        connection.client
          .register(server['DidChangeWatchedFilesNotification'].type, {
            watchers: [rcName, 'package.json', ignoreName].map((name) => ({
              globPattern: '**/' + name
            }))
          })
          .catch((error: unknown) => {
            console.error('mtlint-language-server: cannot watch config files: ' + describe(error))
          })
      })

    return connection
  }

  return () => used
}

/**
 * A client's settings section, or `{}` when it has none. `requireConfig` is
 * dropped: unified-language-server implements it with unified-engine's own
 * config files, which mtlint does not use, so it would silence every document.
 */
function asSettings(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return {}
  const {requireConfig: _, ...rest} = value as Record<string, unknown>
  return rest
}

function describe(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)
}

function isMain(): boolean {
  const main = process.argv[1]
  if (!main) return false
  try {
    return fs.realpathSync(main) === fs.realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) await startServer()
