/**
 * The real `mtlint` binary (dist/src/cli.js, built by `npm test`), spawned
 * as a user would run it: exit codes, formats, --diff, --fix, config and
 * the input errors that must name the file and write nothing.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {applyPatch} from 'diff'
import {beforeEach, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '..', 'dist', 'src', 'cli.js')
const faulty = 'It was the the best.  He said,Russia was there.\n'
const clean = 'The talks ended. The presidents left.\n'
let folder: string

function run(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: folder, input, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(folder, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, content)
  return file
}

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mtlint-cli-'))
})

describe('exit codes', () => {
  it('0 when there is nothing to report, including an empty file', () => {
    write('clean.txt', clean)
    write('empty.txt', '')
    const result = run(['clean.txt', 'empty.txt'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('no issues found')
  })

  it('1 with findings, reported as file:line:column  warning  message  rule-id', () => {
    write('doc.txt', faulty)
    const result = run(['doc.txt'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/1:8-1:15\s+warning\s+Unexpected repeated `the`.*repeated-words/)
  })

  it('2 on an unknown option or format', () => {
    expect(run(['--nope']).code).toBe(2)
    const format = run(['--format', 'xml', 'x.txt'])
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('unknown format')
  })
})

describe('bad input: a one-line error naming the file, exit 2, nothing written', () => {
  it.each([
    ['missing.txt', undefined, 'missing.txt: no such file'],
    ['binary.txt', Buffer.from('abc\0def'), 'binary.txt: binary file'],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'latin1.txt: invalid UTF-8 at byte 3']
  ])('%s', (name, content, error) => {
    if (content) write(name, content)
    write('doc.txt', faulty)
    const result = run(['--fix', name, 'doc.txt'])
    expect(result.code).toBe(2)
    const lines = result.stderr.split('\n').filter((line) => line.includes(name))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(error)
    if (content) expect(fs.readFileSync(path.join(folder, name))).toEqual(content)
    // The good file is still linted and fixed.
    expect(fs.readFileSync(path.join(folder, 'doc.txt'), 'utf8')).toBe('It was the best. He said, Russia was there.\n')
  })

  it('an unreadable file', () => {
    if (process.getuid?.() === 0) return // root reads everything
    write('secret.txt', faulty)
    fs.chmodSync(path.join(folder, 'secret.txt'), 0)
    const result = run(['secret.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('secret.txt: permission denied')
  })
})

describe('--diff and --fix', () => {
  it('--diff prints a patch that applies to the original', () => {
    write('doc.txt', faulty)
    const result = run(['--diff', 'doc.txt'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('--- a/doc.txt')
    expect(applyPatch(faulty, result.stdout)).toBe('It was the best. He said, Russia was there.\n')
    // The report goes to stderr so that stdout is a clean patch.
    expect(result.stderr).toContain('repeated-words')
  })

  it('--fix writes fixes in place, keeps CRLF and BOM, and leaves fixless files untouched', () => {
    const crlf = '\uFEFFIt was the the best.\r\nSecond line.\r\n'
    write('crlf.txt', crlf)
    const cleanFile = write('clean.txt', clean)
    const before = fs.statSync(cleanFile).mtimeMs
    const result = run(['--fix', 'crlf.txt', 'clean.txt'])
    expect(result.code).toBe(0)
    expect(fs.readFileSync(path.join(folder, 'crlf.txt'), 'utf8')).toBe('\uFEFFIt was the best.\r\nSecond line.\r\n')
    expect(fs.statSync(cleanFile).mtimeMs).toBe(before)
    // No temporary file is left behind.
    expect(fs.readdirSync(folder).sort()).toEqual(['clean.txt', 'crlf.txt'])
    // A second run has nothing left to fix.
    expect(run(['--fix', 'crlf.txt']).code).toBe(0)
  })

  it('reads standard input; with --fix prints the fixed text', () => {
    const report = run([], faulty)
    expect(report.code).toBe(1)
    const fixed = run(['--fix', '-'], faulty)
    expect(fixed.stdout).toBe('It was the best. He said, Russia was there.\n')
  })
})

describe('formats', () => {
  it('json carries place, ruleId, actual, expected and fix', () => {
    write('doc.txt', faulty)
    const result = run(['--format', 'json', 'doc.txt'])
    const data = JSON.parse(result.stdout) as Array<{path: string; messages: Array<Record<string, unknown>>}>
    const message = data[0]!.messages.find((m) => m.ruleId === 'repeated-words')!
    expect(message).toMatchObject({source: 'mtlint', actual: 'the the', expected: ['the'], fix: true})
    expect(message.place).toMatchObject({start: {line: 1, column: 8, offset: 7}, end: {offset: 14}})
  })

  it('github prints workflow annotations', () => {
    write('doc.txt', faulty)
    const result = run(['--format', 'github', 'doc.txt'])
    expect(result.stdout).toContain('::warning file=doc.txt,line=1,endLine=1,col=8,endColumn=15,title=mtlint repeated-words::')
  })

  it('sarif is SARIF 2.1.0 with fixes', () => {
    write('doc.txt', faulty)
    const data = JSON.parse(run(['--format', 'sarif', 'doc.txt']).stdout)
    expect(data.version).toBe('2.1.0')
    const result = data.runs[0].results.find((r: {ruleId: string}) => r.ruleId === 'repeated-words')
    expect(result.locations[0].physicalLocation.region).toMatchObject({startLine: 1, startColumn: 8})
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('the')
  })
})

describe('files, folders, globs, ignore file and config', () => {
  it('expands folders to text files and honours .mtlintignore', () => {
    write('docs/a.txt', faulty)
    write('docs/b.md', faulty)
    write('docs/skip/c.txt', faulty)
    write('docs/image.png', 'not text')
    write('.mtlintignore', 'docs/skip/\n')
    const result = run(['--format', 'json', 'docs'])
    const paths = (JSON.parse(result.stdout) as Array<{path: string}>).map((f) => f.path).sort()
    expect(paths).toEqual(['docs/a.txt', 'docs/b.md'])
  })

  it('expands globs', () => {
    write('x/one.txt', faulty)
    write('x/two.txt', clean)
    const result = run(['--format', 'json', 'x/*.txt'])
    expect((JSON.parse(result.stdout) as Array<{path: string}>).map((f) => f.path)).toEqual(['x/one.txt', 'x/two.txt'])
  })

  it('finds .mtlintrc.json up from the file, and package.json#mtlint', () => {
    write('a/.mtlintrc.json', JSON.stringify({rules: {'repeated-words': false}}))
    write('a/deep/doc.txt', faulty)
    write('b/package.json', JSON.stringify({name: 'x', mtlint: {rules: {spacing: false}}}))
    write('b/doc.txt', faulty)
    const data = JSON.parse(run(['--format', 'json', 'a/deep/doc.txt', 'b/doc.txt']).stdout) as Array<{messages: Array<{ruleId: string}>}>
    const ids = data.map((file) => file.messages.map((m) => m.ruleId))
    expect(ids[0]).not.toContain('repeated-words')
    expect(ids[0]).toContain('spacing')
    expect(ids[1]).toContain('repeated-words')
    expect(ids[1]).not.toContain('spacing')
  })

  it('--config points at one file; allow drops findings on listed words', () => {
    write('conf.json', JSON.stringify({allow: ['the']}))
    write('doc.txt', faulty)
    const data = JSON.parse(run(['--config', 'conf.json', '--format', 'json', 'doc.txt']).stdout) as Array<{messages: Array<{ruleId: string}>}>
    expect(data[0]!.messages.map((m) => m.ruleId)).not.toContain('repeated-words')
  })

  it('a malformed config is a clear error with exit 2', () => {
    write('.mtlintrc.json', '{"rules": {')
    write('doc.txt', faulty)
    const result = run(['doc.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/\.mtlintrc\.json: invalid JSON/)
    write('.mtlintrc.json', JSON.stringify({rules: {'no-such-rule': false}}))
    const unknown = run(['doc.txt'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown rule `no-such-rule`')
    expect(run(['--config', 'nope.json', 'doc.txt']).stderr).toContain('nope.json: no such config file')
  })
})
