/**
 * The public API and the preset in a user's own unified pipeline.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {retext} from 'retext'
import retextEnglish from 'retext-english'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ParseEnglish} from 'parse-english'
import mtlint, {applyFixes, check, checkFile, InputError, parseDocument, rules} from '../src/index.js'
import {breakAtBlankLines, cutPieces, PieceParser} from '../src/parse.js'

describe('check', () => {
  it('returns messages in the retext shape, the fixed text and a patch', async () => {
    const {messages, fixed, patch} = await check('It was the the best.', {path: 'doc.txt'})
    const message = messages.find((m) => m.ruleId === 'repeated-words')!
    expect(message.source).toBe('mtlint')
    expect(message.actual).toBe('the the')
    expect(message.expected).toEqual(['the'])
    expect(message.fix).toBe(true)
    expect(message.url).toMatch(/rules\/repeated-words\/README\.md$/)
    expect(message.place).toMatchObject({start: {line: 1, column: 8, offset: 7}, end: {line: 1, column: 15, offset: 14}})
    expect(fixed).toBe('It was the best.')
    expect(patch).toContain('+It was the best.')
  })

  it('turns rules off and rejects unknown rules and options', async () => {
    const off = await check('It was the the best.', {rules: {'repeated-words': false}})
    expect(off.messages.filter((m) => m.ruleId === 'repeated-words')).toEqual([])
    await expect(check('x', {rules: {nope: false}})).rejects.toThrow('unknown rule `nope`')
    await expect(check('x', {colour: true} as never)).rejects.toThrow('unknown option `colour`')
  })

  it('checkFile reads strictly and finds the config beside the file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mtlint-api-'))
    fs.writeFileSync(path.join(folder, 'doc.txt'), 'It was the the best.')
    fs.writeFileSync(path.join(folder, '.mtlintrc.json'), JSON.stringify({rules: {'repeated-words': false}}))
    const result = await checkFile(path.join(folder, 'doc.txt'))
    expect(result.messages.filter((m) => m.ruleId === 'repeated-words')).toEqual([])
    const without = await checkFile(path.join(folder, 'doc.txt'), {config: false})
    expect(without.fixed).toBe('It was the best.')
    fs.writeFileSync(path.join(folder, 'bad.txt'), Buffer.from([0xff, 0xfe, 0x00]))
    await expect(checkFile(path.join(folder, 'bad.txt'))).rejects.toBeInstanceOf(InputError)
  })
})

describe('the preset in any unified pipeline', () => {
  it('works after retext-english, and its messages feed the fix engine', async () => {
    const text = 'It is a opening.'
    const file = new VFile(text)
    const processor = unified().use(retextEnglish).use(mtlint, {rules: {'indefinite-article': true}})
    await processor.run(processor.parse(file), file)
    expect(file.messages.map((m) => m.ruleId)).toContain('indefinite-article')
    expect(applyFixes(text, file.messages).fixed).toBe('It is an opening.')
  })

  it('runs the README example: process, then apply the fixes', async () => {
    const file = await unified()
      .use(retextEnglish)
      .use(mtlint, {rules: {'repeated-words': false}, allow: ['Lukashenka']})
      .use(retextStringify)
      .process('of Course, they said it was the the end.')
    expect(String(file)).toBe('of Course, they said it was the the end.')
    expect(applyFixes(String(file), file.messages).fixed).toBe('Of course, they said it was the the end.')
  })

  it('keeps opt-in rules off unless turned on, and turns rules off', async () => {
    const text = 'It is a opening.'
    const byDefault = await retext().use(mtlint).process(text)
    expect(byDefault.messages.map((m) => m.ruleId)).not.toContain('indefinite-article')
    const off = await retext().use(mtlint, {rules: {'indefinite-article': false}}).process(text)
    expect(off.messages.map((m) => m.ruleId)).not.toContain('indefinite-article')
  })

  it('exports every rule on its own', () => {
    expect(rules.map((rule) => rule.id)).toContain('repeated-words')
    for (const rule of rules) expect(typeof rule.plugin).toBe('function')
  })
})

describe('parseDocument: linear parsing with document positions', () => {
  it('gives the same positions as parsing the whole text at once', () => {
    const text = 'First para, one.\r\n\r\nSecond 😀 para.\n\n\n  Third one here.\nSame para.\n'
    const whole = unified().use(retextEnglish).parse(text)
    expect(JSON.stringify(parseDocument(text))).toBe(JSON.stringify(whole))
  })

  it('breaks sentences at blank lines as parse-latin does, without its allocations', () => {
    const parser = new PieceParser()
    expect(parser.tokenizeParagraphPlugins).toContain(breakAtBlankLines)
    const texts = [
      'One two.\r\rThree four.',
      'One two\n \n three four, five.\r\n\r\nSix seven\n\n\neight.',
      'A line\nand the next\r\nand a CR\rend.',
      ...fs.readdirSync('corpus/mt').filter((name) => name.endsWith('.txt')).map((name) => fs.readFileSync(`corpus/mt/${name}`, 'utf8'))
    ]
    for (const text of texts) {
      expect(JSON.stringify(parser.parse(text))).toBe(JSON.stringify(new ParseEnglish().parse(text)))
    }
  })

  it('cuts long text into pieces at line ends, or in a long line at a sentence end outside quotes', () => {
    const pieces = (text: string) => [...cutPieces(text)].map((piece) => text.slice(piece.start, piece.end))
    const line = 'A short line of a segment per line file.\n'
    const lines = line.repeat(500)
    const cut = pieces(lines)
    expect(cut.join('')).toBe(lines)
    expect(cut.length).toBeGreaterThan(3)
    for (const piece of cut.slice(0, -1)) expect(piece.endsWith('\n')).toBe(true)

    // One long line: the cuts fall after a full stop, never inside a quote
    // (one shorter than twice the limit; a longer one is cut at a space).
    const quote = '“' + 'Words of a long quotation. '.repeat(150) + '” said he. '
    const long = ('A sentence of the paragraph. '.repeat(100) + quote).repeat(4)
    const parts = pieces(long)
    expect(parts.join('')).toBe(long)
    expect(parts.length).toBeGreaterThan(2)
    for (const part of parts.slice(0, -1)) {
      expect(part.endsWith('. ')).toBe(true)
      const opened = part.lastIndexOf('“')
      expect(opened === -1 || part.lastIndexOf('”') > opened).toBe(true)
    }

    // Hostile input without spaces or line ends is still cut, so parsing stays linear.
    const hostile = '"'.repeat(200_000) + 'x'.repeat(200_000)
    const hard = pieces(hostile)
    expect(hard.join('')).toBe(hostile)
    expect(Math.max(...hard.map((piece) => piece.length))).toBeLessThanOrEqual(65_536 + 1)
  })

  it('keeps offsets right on a long line cut into pieces', () => {
    const sentence = 'The quick 😀 brown fox jumps. '
    const text = sentence.repeat(3000) + 'It was the the end.'
    const tree = parseDocument(text)
    const words: Array<{value: string; start: number}> = []
    const visit = (node: any): void => {
      if (node.type === 'WordNode') words.push({value: node.children.map((c: any) => c.value).join(''), start: node.position.start.offset})
      else for (const child of node.children ?? []) visit(child)
    }

    visit(tree)
    for (const word of words) expect(text.slice(word.start, word.start + word.value.length)).toBe(word.value)
    expect(tree.children.length).toBeGreaterThan(1)
  })
})
