/**
 * The language server, end to end: the built server process
 * (`node dist/src/language-server.js --stdio`, built by `npm test` first)
 * driven by a real LSP client (vscode-jsonrpc) over stdio, on a document in
 * a temporary folder: diagnostics, quick fixes applied, edits, formatting and
 * config files. Every finding and fix is compared with `check` on the same
 * text (one engine), so the test holds whichever rules are registered; the
 * text it adds (`the the`, `ceremony,as`) makes sure there is something to fix.
 *
 * The client answers `workspace/configuration` with `null`, as Neovim, Helix
 * and eglot do when they have no settings for the server.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection
} from 'vscode-jsonrpc/node.js'
import type {
  CodeAction,
  Diagnostic,
  PublishDiagnosticsParams,
  TextEdit
} from 'vscode-languageserver'
// The build the server runs, so that the comparison is with the same code.
import {check, type CheckOptions} from '../dist/src/api.js'
import {shapeQuickFixes} from '../dist/src/language-server.js'
import type {MtlintMessage} from '../dist/src/rule-kit.js'

const root = path.join(import.meta.dirname, '..')
const serverPath = path.join(root, 'dist', 'src', 'language-server.js')
const exampleName = 'belarus-russia-news.mt.txt'
const waitLimit = 20_000
/** The end of the server's stderr, shown when a wait times out. */
let serverStderr = ''

/** Text this test controls, so there is always something to fix. */
const added =
  '\nThey said that the the delegation attended the ceremony,as planned.\n'

describe('mtlint-language-server', () => {
  let folder: string
  let server: ChildProcess
  let connection: MessageConnection
  let events: Events
  let uri: string
  let text: string

  beforeAll(async () => {
    if (!fs.existsSync(serverPath)) {
      throw new Error(`${serverPath} is missing: build first (npx tsc -p .)`)
    }

    if (
      fs.statSync(serverPath).mtimeMs <
      fs.statSync(path.join(root, 'src', 'language-server.ts')).mtimeMs
    ) {
      throw new Error(`${serverPath} is older than its source: build first (npx tsc -p .)`)
    }

    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mtlint-lsp-')))
    const file = path.join(folder, exampleName)
    fs.copyFileSync(findExample(), file)
    fs.appendFileSync(file, added)
    text = fs.readFileSync(file, 'utf8')
    uri = pathToFileURL(file).href

    server = spawn(process.execPath, [serverPath, '--stdio'], {
      cwd: folder,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    server.stderr!.on('data', (chunk) => {
      serverStderr = (serverStderr + String(chunk)).slice(-4000)
    })
    connection = createMessageConnection(
      new StreamMessageReader(server.stdout!),
      new StreamMessageWriter(server.stdin!)
    )
    events = new Events(connection)
    connection.listen()

    const folderUri = pathToFileURL(folder).href
    const result = await connection.sendRequest<{capabilities: Record<string, unknown>}>(
      'initialize',
      {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{uri: folderUri, name: 'mtlint-test'}],
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeWatchedFiles: {dynamicRegistration: true}
          },
          textDocument: {
            publishDiagnostics: {versionSupport: true, codeDescriptionSupport: true},
            codeAction: {
              isPreferredSupport: true,
              codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix']}}
            }
          }
        }
      }
    )
    expect(result.capabilities).toMatchObject({
      codeActionProvider: {codeActionKinds: ['quickfix']},
      documentFormattingProvider: true
    })

    const registered = events.request('client/registerCapability', (params) =>
      JSON.stringify(params).includes('workspace/didChangeWatchedFiles')
    )
    await connection.sendNotification('initialized', {})
    // The server asks to be told when config files change.
    expect(JSON.stringify(await registered)).toContain('**/.mtlintrc.json')
  })

  afterAll(async () => {
    if (connection) {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown')
        await connection.sendNotification('exit')
      } catch {
        // The server is killed below anyway.
      }
    }

    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      await Promise.race([exited, delay(5000)])
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGKILL')
        await exited
      }
    }

    connection?.dispose()
    if (folder) fs.rmSync(folder, {recursive: true, force: true})
  })

  it('publishes the findings of `check` as diagnostics when a document opens', async () => {
    const published = events.diagnostics(uri, (params) => params.version === 1)
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {uri, languageId: 'plaintext', version: 1, text}
    })
    const {diagnostics} = await published

    expect(diagnostics).toEqual(await expectedDiagnostics(text))
    const line = text.split('\n').length - 2
    expect(find(diagnostics, 'repeated-words', line)).toMatchObject({
      source: 'mtlint',
      severity: 2,
      codeDescription: {
        href: expect.stringMatching(/\/rules\/repeated-words\/README\.md$/)
      }
    })
    expect(find(diagnostics, 'spacing', line)).toBeDefined()
  })

  it('offers each proposed fix as one preferred quick fix, and guesses never as preferred', async () => {
    const {diagnostics} = events.latest(uri)
    const {messages} = await check(text)
    expect(diagnostics).toHaveLength(messages.length)

    for (const [index, diagnostic] of diagnostics.entries()) {
      const message = messages[index]!
      const actions = await codeActions(diagnostic)
      const preferred = actions.filter((action) => action.isPreferred)

      if (message.fix && message.expected![0] === message.actual) {
        // A no-op: the CLI applies nothing, so nothing is offered.
        expect(actions, message.reason).toEqual([])
      } else if (message.fix) {
        expect(actions, message.reason).toHaveLength(1)
        expect(preferred).toHaveLength(1)
        expect(actions[0]!.kind).toBe('quickfix')
        expect(edits(actions[0]!)).toEqual([
          {range: diagnostic.range, newText: message.expected![0]}
        ])
      } else {
        expect(preferred, message.reason).toHaveLength(0)
        expect(actions.map((action) => edits(action)[0]!.newText)).toEqual(
          message.expected ?? []
        )
      }
    }
  })

  it('answers a suggestion without a sure fix with a quick fix that is not preferred', async () => {
    // As published for a `fix: false` message with one suggestion.
    const [message] = shaped({fix: false, actual: 'President', expected: ['president']})
    const actions = await codeActions({
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 5}},
      message: 'A capital inside a sentence',
      data: {expected: message!.expected}
    })
    expect(actions).toHaveLength(1)
    expect(actions[0]!.isPreferred).toBeFalsy()
    expect(edits(actions[0]!)[0]!.newText).toBe('president')
  })

  it('applies a quick fix and updates the diagnostics as the document changes', async () => {
    const line = text.split('\n').length - 2
    const spacing = find(events.latest(uri).diagnostics, 'spacing', line)!
    const [action] = await codeActions(spacing)
    const fixed = applyEdits(text, edits(action!))
    expect(fixed).toBe(text.replace('ceremony,as', 'ceremony, as'))

    let published = events.diagnostics(uri, (params) => params.version === 2)
    await connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [{text: fixed}]
    })
    let {diagnostics} = await published
    expect(find(diagnostics, 'spacing', line)).toBeUndefined()
    expect(find(diagnostics, 'repeated-words', line)).toBeDefined()
    expect(diagnostics).toEqual(await expectedDiagnostics(fixed))

    text = fixed + 'We met them in the the morning.\n'
    published = events.diagnostics(uri, (params) => params.version === 3)
    await connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 3},
      contentChanges: [{text}]
    })
    ;({diagnostics} = await published)
    expect(find(diagnostics, 'repeated-words', line + 1)).toBeDefined()
    expect(diagnostics).toEqual(await expectedDiagnostics(text))
  })

  it('formats a document to the text with every proposed fix applied', async () => {
    const result = await withTimeout(
      connection.sendRequest<TextEdit[] | null>('textDocument/formatting', {
        textDocument: {uri},
        options: {tabSize: 2, insertSpaces: true}
      }),
      waitLimit,
      'formatting'
    )
    const {fixed} = await check(text)
    expect(fixed).not.toBe(text)
    expect(applyEdits(text, result ?? [])).toBe(fixed)
  })

  it('reads the config file of the document folder, and reports a malformed one', async () => {
    const rc = path.join(folder, '.mtlintrc.json')

    fs.writeFileSync(rc, JSON.stringify({rules: {'repeated-words': false}}) + '\n')
    let published = events.diagnostics(
      uri,
      (params) => !params.diagnostics.some((d) => d.code === 'repeated-words')
    )
    await changedFiles(rc, 1)
    let {diagnostics} = await published
    expect(diagnostics).toEqual(
      await expectedDiagnostics(text, {rules: {'repeated-words': false}})
    )

    // A malformed config: one clear error, logged too, and no crash.
    fs.writeFileSync(rc, '{"rules": {"repeated-words": false}\n')
    const logged = events.notification('window/logMessage', (params) =>
      String(params.message).includes('.mtlintrc.json')
    )
    published = events.diagnostics(uri, (params) =>
      params.diagnostics.some((d) => d.code === 'config')
    )
    await changedFiles(rc, 2)
    ;({diagnostics} = await published)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({
      code: 'config',
      source: 'mtlint',
      severity: 1,
      message: expect.stringContaining(rc + ': invalid JSON')
    })
    expect(String((await logged).message)).toContain('config error')

    // Fixed again: back to every finding.
    fs.rmSync(rc)
    published = events.diagnostics(uri, (params) =>
      params.diagnostics.some((d) => d.code === 'repeated-words')
    )
    await changedFiles(rc, 3)
    ;({diagnostics} = await published)
    expect(diagnostics).toEqual(await expectedDiagnostics(text))
    expect(server.exitCode).toBeNull()
  })

  it('leaves alone a document that `.mtlintignore` names, as the CLI does', async () => {
    fs.writeFileSync(path.join(folder, '.mtlintignore'), 'skipped.txt\n')
    const value = 'They said that the the delegation left.\n'
    const opened: Record<string, PublishDiagnosticsParams> = {}

    for (const name of ['skipped.txt', 'checked.txt']) {
      const file = path.join(folder, name)
      fs.writeFileSync(file, value)
      const other = pathToFileURL(file).href
      const published = events.diagnostics(other, () => true)
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: {uri: other, languageId: 'plaintext', version: 1, text: value}
      })
      opened[name] = await published
    }

    expect(opened['skipped.txt']!.diagnostics).toEqual([])
    expect(opened['checked.txt']!.diagnostics).toEqual(await expectedDiagnostics(value))
    expect(opened['checked.txt']!.diagnostics.length).toBeGreaterThan(0)
  })

  it('lints Markdown as the CLI does: code is never flagged', async () => {
    const file = path.join(folder, 'notes.md')
    const value = '# Notes\n\n```\nthe the\n```\n\nIt was the the end.\n'
    fs.writeFileSync(file, value)
    const other = pathToFileURL(file).href
    const published = events.diagnostics(other, () => true)
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {uri: other, languageId: 'markdown', version: 1, text: value}
    })
    const {diagnostics} = await published
    const repeated = diagnostics.filter((d) => d.code === 'repeated-words')
    expect(repeated.map((d) => d.range.start.line)).toEqual([6])
  })

  it('clears the diagnostics of a closed document', async () => {
    const published = events.diagnostics(uri, (params) => params.diagnostics.length === 0)
    await connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await published
  })

  async function codeActions(diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await withTimeout(
      connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
        textDocument: {uri},
        range: diagnostic.range,
        context: {diagnostics: [diagnostic], only: ['quickfix']}
      }),
      waitLimit,
      'codeAction'
    )
    return result ?? []
  }

  function edits(action: CodeAction): TextEdit[] {
    return action.edit?.changes?.[uri] ?? []
  }

  async function changedFiles(file: string, type: 1 | 2 | 3): Promise<void> {
    await connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{uri: pathToFileURL(file).href, type}]
    })
  }

  async function expectedDiagnostics(
    value: string,
    options: CheckOptions = {}
  ): Promise<Diagnostic[]> {
    const {messages} = await check(value, options)
    return messages.map((message) => toDiagnostic(message))
  }
})

describe('shapeQuickFixes', () => {
  it('keeps the one proposed fix, drops a no-op, and never lets a guess be preferred', () => {
    const messages = shaped(
      {fix: true, actual: 'a', expected: ['an', 'the']},
      {fix: true, actual: 'a', expected: ['a']},
      {fix: false, actual: 'President', expected: ['president']},
      {fix: false, actual: 'x', expected: ['y', 'z']},
      {fix: false, actual: 'x', expected: []}
    )
    expect(messages.map((message) => message.expected)).toEqual([
      ['an'],
      [],
      ['president', null],
      ['y', 'z'],
      []
    ])
  })
})

function shaped(
  ...fields: Array<{fix: boolean; actual: string; expected: string[]}>
): MtlintMessage[] {
  const messages = fields.map(
    (field) => ({...field, expected: [...field.expected]}) as unknown as MtlintMessage
  )
  shapeQuickFixes(messages)
  return messages
}

/** The diagnostic a message should become (as unified-language-server maps it). */
function toDiagnostic(message: MtlintMessage): Diagnostic {
  const place = message.place!
  if (!('start' in place)) throw new Error('expected a range: ' + message.reason)
  const diagnostic: Diagnostic = {
    range: {
      start: {line: place.start.line - 1, character: place.start.column - 1},
      end: {line: place.end.line - 1, character: place.end.column - 1}
    },
    message: message.reason + (message.note ? '\n' + message.note : ''),
    severity: message.fatal ? 1 : message.fatal === false ? 2 : 3,
    code: message.ruleId!,
    source: 'mtlint'
  }
  if (message.url) diagnostic.codeDescription = {href: message.url}
  if (message.expected) {
    const [copy] = shaped({fix: message.fix, actual: message.actual ?? '', expected: message.expected})
    diagnostic.data = {expected: copy!.expected}
  }

  return diagnostic
}

function find(
  diagnostics: Diagnostic[],
  code: string,
  line: number
): Diagnostic | undefined {
  return diagnostics.find(
    (diagnostic) => diagnostic.code === code && diagnostic.range.start.line === line
  )
}

/** Apply LSP text edits (non-overlapping) to `value`. */
function applyEdits(value: string, textEdits: TextEdit[]): string {
  const lineStarts = [0]
  for (let index = 0; index < value.length; index++) {
    if (value.charCodeAt(index) === 10) lineStarts.push(index + 1)
  }

  const offset = ({line, character}: {line: number; character: number}) =>
    line >= lineStarts.length ? value.length : lineStarts[line]! + character

  let result = value
  const sorted = [...textEdits].sort(
    (a, b) => offset(b.range.start) - offset(a.range.start)
  )
  for (const edit of sorted) {
    result =
      result.slice(0, offset(edit.range.start)) +
      edit.newText +
      result.slice(offset(edit.range.end))
  }

  return result
}

function findExample(): string {
  for (const candidate of [
    path.join(root, 'corpus', exampleName),
    path.join(root, '..', 'shared', 'examples', exampleName),
    path.join('/work/shared/examples', exampleName)
  ]) {
    if (fs.existsSync(candidate)) return candidate
  }

  throw new Error(`cannot find the bundled example ${exampleName}`)
}

/**
 * What the server sends: diagnostics, notifications and requests to the
 * client, each awaited with a predicate and a time limit (never a sleep).
 */
class Events {
  private readonly published = new Map<string, PublishDiagnosticsParams>()
  private waiters: Array<{
    method: string
    accept: (params: any) => boolean
    resolve: (params: any) => void
  }> = []

  constructor(connection: MessageConnection) {
    connection.onNotification((method, params: any) => {
      if (method === 'textDocument/publishDiagnostics') {
        this.published.set(params.uri, params)
      }

      this.settle(method, params)
    })
    connection.onRequest((method, params: any) => {
      this.settle(method, params)
      if (method === 'workspace/configuration') {
        return params.items.map(() => null)
      }

      return null
    })
  }

  /** The next diagnostics for `uri` that `accept` accepts. */
  diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean
  ): Promise<PublishDiagnosticsParams> {
    return this.notification('textDocument/publishDiagnostics', (params) =>
      params.uri === uri && accept(params)
    )
  }

  latest(uri: string): PublishDiagnosticsParams {
    const params = this.published.get(uri)
    if (!params) throw new Error('no diagnostics published for ' + uri)
    return params
  }

  notification(method: string, accept: (params: any) => boolean): Promise<any> {
    return this.wait(method, accept)
  }

  request(method: string, accept: (params: any) => boolean): Promise<any> {
    return this.wait(method, accept)
  }

  private wait(method: string, accept: (params: any) => boolean): Promise<any> {
    return withTimeout(
      new Promise((resolve) => {
        this.waiters.push({method, accept, resolve})
      }),
      waitLimit,
      method
    )
  }

  private settle(method: string, params: unknown): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.method !== method || !waiter.accept(params)) return true
      waiter.resolve(params)
      return false
    })
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${serverStderr || '(empty)'}`)), ms)
    })
  ])
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
