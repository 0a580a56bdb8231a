/**
 * The engine's passes: rules that need the whole document see every piece
 * collected before any check; rules that only look back run in one pass;
 * `finish` comes last.
 */
import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {check} from '../src/api.js'
import {lintDocument} from '../src/engine.js'
import {cutPieces} from '../src/parse.js'
import mtlint from '../src/preset.js'
import type {DocumentRun, PreparedRules} from '../src/preset.js'

function recorder(log: string[], name: string, inOrder: boolean): DocumentRun {
  const first = (tree: {position?: {start: {offset?: number}}}) => tree.position?.start.offset
  return {
    rule: {id: name, description: '', plugin: () => undefined},
    inOrder,
    collect: (tree) => log.push(`${name} collect ${first(tree)}`),
    check: (tree) => log.push(`${name} check ${first(tree)}`),
    finish: () => log.push(`${name} finish`)
  }
}

function run(text: string, runs: DocumentRun[]): void {
  const prepared: PreparedRules = {begin: () => runs, finish: () => {}}
  lintDocument(new VFile(text), prepared)
}

const text = 'One para.\n\nTwo para.\n\nThree para.\n'

describe('lintDocument', () => {
  it('collects and checks each piece in turn when every rule looks only back', () => {
    const log: string[] = []
    run(text, [recorder(log, 'a', true)])
    expect(log).toEqual([
      'a collect 0', 'a check 0', 'a collect 11', 'a check 11', 'a collect 22', 'a check 22', 'a finish'
    ])
  })

  it('collects every piece before any check when a rule needs the whole document', () => {
    const log: string[] = []
    run(text, [recorder(log, 'a', true), recorder(log, 'b', false)])
    expect(log.indexOf('a check 0')).toBeGreaterThan(log.indexOf('b collect 22'))
    expect(log.slice(-2)).toEqual(['a finish', 'b finish'])
  })

  it('gives the same positions in both modes, for long documents too', () => {
    const long = 'Para one is here.\n\n'.repeat(20_000)
    for (const inOrder of [true, false]) {
      const log: string[] = []
      run(long, [recorder(log, 'a', inOrder)])
      const checks = log.filter((line) => line.includes('check'))
      expect(checks).toHaveLength(20_000)
      expect(checks[1]).toBe('a check 19')
    }
  })
})

/**
 * The engine cuts long paragraphs into pieces (see `cutPieces`); it must
 * find there what the preset finds on the whole paragraph, parsed at once.
 */
describe('pieces find what the whole paragraph gives', () => {
  const corpus = path.join(import.meta.dirname, '..', 'corpus', 'mt')
  const prose = fs
    .readdirSync(corpus)
    .filter((name) => name.endsWith('.mt.txt'))
    .sort()
    .map((name) => fs.readFileSync(path.join(corpus, name), 'utf8').replace(/\s+/g, ' ').trim())
    .join(' ')
    .slice(0, 60_000)
    // Straight quotes left unpaired by MT pair differently over 60,000
    // characters than over one piece, whole or cut: only the snippets quote.
    .replace(/["“”«»]/g, '')
  // Findings that span a line end, a run of spaces or a quotation.
  const snippets = [
    'He said that the\nthe report was late.',
    'They left.  Then it rained.  Nobody came.',
    'The minister said: " We will respond ", and left.',
    '“It is over,” — he said.',
    'of Course, they came. It is is true.'
  ]

  /** `prose` with a snippet after every 40 words, so that some fall where pieces are cut. */
  function seeded(): string[] {
    const words = prose.split(' ')
    const out: string[] = []
    words.forEach((word, index) => {
      out.push(word)
      if (index % 40 === 39) out.push(snippets[(index / 40) % snippets.length | 0]!)
    })
    return out
  }

  /** The seeded prose wrapped into lines of ~70 characters. */
  function wrapped(lineEnd: string): string {
    const words = seeded()
    const lines: string[] = []
    let line = ''
    for (const word of words) {
      if (line.length + word.length > 70) {
        lines.push(line)
        line = ''
      }
      line += (line ? ' ' : '') + word
    }

    lines.push(line)
    return lines.map((each) => each.replaceAll('\n', lineEnd)).join(lineEnd)
  }

  function summary(messages: VFileMessage[]): string[] {
    return messages.map((m) => `${m.ruleId} ${m.place && 'start' in m.place ? m.place.start.offset : ''} ${m.actual} → ${m.expected?.[0]}`)
  }

  const cases: Array<[string, string]> = [
    ['one long line', seeded().join(' ')],
    ['a hard-wrapped paragraph', wrapped('\n')],
    ['CRLF line ends', wrapped('\r\n')],
    ['lone CR line ends', wrapped('\r')]
  ]

  it.each(cases)('%s', async (_name, text) => {
    const pieces = [...cutPieces(text)]
    expect(pieces.length).toBeGreaterThan(5)
    const file = new VFile(text)
    await unified().use(retextEnglish).use(mtlint).run(unified().use(retextEnglish).parse(text), file)
    const {messages} = await check(text)
    expect(summary(messages).sort()).toEqual(summary(file.messages).sort())
    expect(messages.length).toBeGreaterThan(snippets.length)
  })
})
