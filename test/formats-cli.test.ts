/**
 * The real `mtlint` binary (dist/src/cli.js, built by `npm test`) on
 * translation files: type by extension and `--type`, `--source`, parse
 * errors naming file and line (exit 2) while other files are still linted,
 * `--diff` showing only changed strings, `--fix` in place, `--format github`.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {applyPatch} from 'diff'
import gettextParser from 'gettext-parser'
import {beforeEach, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '..', 'dist', 'src', 'cli.js')
let folder: string

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: folder, input, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function write(name: string, content: string): void {
  const file = path.join(folder, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, content)
}

function read(name: string): string {
  return fs.readFileSync(path.join(folder, name), 'utf8')
}

const po = `msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

#: src/a.c:1
msgid "Удалить файл?"
msgstr "Delete the the file?"

#: src/a.c:2
msgid "Готово"
msgstr "Done"

#: src/a.c:3
msgid "Скидка 3,5%"
msgstr "A discount of 35%"
`

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mtlint-formats-'))
  // Only two well-known rules and the source ones, so other rules cannot change these results.
  write(
    '.mtlintrc.json',
    JSON.stringify({
      rules: Object.fromEntries(
        ['stray-capitalisation', 'number-format', 'mixed-script', 'translated-name', 'name-consistency', 'dash-attribution', 'spacing', 'sentence-spacing'].map((id) => [id, false])
      )
    })
  )
})

describe('translation files on the command line', () => {
  it('reads a PO file by its extension and reports at its lines', () => {
    write('en.po', po)
    const result = run(['--format', 'json', 'en.po'])
    expect(result.code).toBe(1)
    const messages = (JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string; place: {start: {line: number}}; actual: string}>}>)[0]!.messages
    expect(messages.map((m) => [m.ruleId, m.place.start.line, m.actual])).toEqual([
      ['repeated-words', 6, 'the the'],
      ['source-numbers', 14, '35']
    ])
  })

  it('--diff shows only the changed strings and applies to the file', () => {
    write('en.po', po)
    const result = run(['--diff', 'en.po'])
    const changed = result.stdout.split('\n').filter((line) => /^[-+][^-+]/.test(line))
    expect(changed).toEqual(['-msgstr "Delete the the file?"', '+msgstr "Delete the file?"', '-msgstr "A discount of 35%"', '+msgstr "A discount of 3.5%"'])
    expect(applyPatch(po, result.stdout)).toBe(po.replace('the the', 'the').replace('35%', '3.5%'))
  })

  it('--fix rewrites only the fixed strings; gettext-parser reads the rest unchanged', () => {
    write('en.po', po)
    expect(run(['--fix', 'en.po']).code).toBe(0)
    const after = read('en.po')
    expect(after).toBe(po.replace('the the', 'the').replace('35%', '3.5%'))
    const entries = gettextParser.po.parse(after).translations['']!
    expect(entries['Готово']!.msgstr).toEqual(['Done'])
    expect(run(['en.po']).code).toBe(0)
  })

  it('--format github annotates the PO line', () => {
    write('locale/en.po', po)
    const result = run(['--format', 'github', 'locale/en.po'])
    expect(result.stdout).toContain('::warning file=locale/en.po,line=6,endLine=6,col=16,endColumn=23,title=mtlint repeated-words::')
  })

  it('an unparsable file is an error naming file and line, exit 2; the other files are still linted', () => {
    write('broken.po', 'msgid "x"\nmsgstr "no end\n')
    write('broken.xlf', '<xliff version="1.2"><file><body><trans-unit id="1"><target>x</trget></trans-unit></body></file></xliff>')
    write('broken.json', '{"a": "x",}')
    write('good.json', '{"title": "It was the the best."}')
    const result = run(['--fix', 'broken.po', 'broken.xlf', 'broken.json', 'good.json'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('mtlint: broken.po:2:1: end of line within a string')
    expect(result.stderr).toMatch(/mtlint: broken\.xlf:1:\d+: XML: /)
    expect(result.stderr).toMatch(/mtlint: broken\.json:1:11: JSON: /)
    expect(read('broken.po')).toBe('msgid "x"\nmsgstr "no end\n')
    expect(read('good.json')).toBe('{"title": "It was the best."}')
  })

  it('--type overrides the extension; standard input is plain text unless --type says otherwise', () => {
    write('strings.txt', '{"title": "It was the the best."}')
    const asJson = run(['--type', 'json', '--fix', 'strings.txt'])
    expect(asJson.code).toBe(0)
    expect(read('strings.txt')).toBe('{"title": "It was the best."}')
    const stdin = run(['--type', 'po', '--fix', '-'], 'msgid "x"\nmsgstr "It was the the end"\n')
    expect(stdin.stdout).toBe('msgid "x"\nmsgstr "It was the end"\n')
    expect(run(['--type', 'docx', 'strings.txt']).code).toBe(2)
  })

  it('--source pairs a plain-text translation with its source', () => {
    write('news.en.txt', 'Growth was 35% last year.\nThe talks ended.\n')
    write('news.ru.txt', 'Рост составил 3,5% в прошлом году.\nПереговоры завершились.\n')
    const result = run(['--source', 'news.ru.txt', '--diff', 'news.en.txt'])
    expect(result.stdout).toContain('+Growth was 3.5% last year.')
    expect(result.stderr).toContain('source-numbers')
    // One input only, and not for files that carry their own source.
    write('other.txt', 'x\n')
    expect(run(['--source', 'news.ru.txt', 'news.en.txt', 'other.txt']).stderr).toContain('--source needs exactly one file')
    write('en.po', po)
    expect(run(['--source', 'news.ru.txt', 'en.po']).stderr).toContain('carries its own source')
  })

  it('folders are searched for PO and XLIFF files, not JSON', () => {
    write('locales/en.po', po)
    write('locales/en.xlf', '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>It was the the best.</target></trans-unit></body></file></xliff>')
    write('locales/package.json', '{"description": "the the"}')
    const result = run(['--format', 'json', 'locales'])
    const paths = (JSON.parse(result.stdout) as Array<{path: string}>).map((file) => file.path).sort()
    expect(paths).toEqual(['locales/en.po', 'locales/en.xlf'])
  })
})
