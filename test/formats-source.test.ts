/**
 * The source-aware rules (`source-name`, `source-numbers`, `untranslated`)
 * on real Russian→English pairs from MLQE-PE (`../shared/data`): in a PO
 * catalogue built from them, in plain text with a source file, and quiet
 * on the professional post-edits.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {check} from '../src/api.js'
import {alignSource, chineseNumbers, numbersIn, spelledNumbers} from '../src/source-checks.js'

const sourceRules = ['source-name', 'source-numbers', 'untranslated']
const only = {rules: Object.fromEntries(rules.map((rule) => [rule.id, sourceRules.includes(rule.id)]))}

interface Pair {
  id: string
  source: string
  mt: string
  reference_or_postedit?: string | null
}

const data = path.join(import.meta.dirname, '..', '..', 'shared', 'data', 'mlqe-pe-ruen.jsonl')
const pairs: Pair[] = fs.existsSync(data)
  ? fs.readFileSync(data, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Pair)
  : []
const byId = new Map(pairs.map((pair) => [pair.id.replace('mlqe-pe-ruen/', ''), pair]))

function pair(id: string): Pair {
  const found = byId.get(id)
  if (!found) throw new Error(`MLQE-PE pair ${id} not found in ${data}`)
  return found
}

/** Real pairs: MT errors the rules must find, and clean ones. */
const chosen = [
  'train/5703', // Пётр Офицеров → Pyotr Officers
  'train/1802', // За что они убили Мороза? → Why did they kill Frost?
  'test21/600', // (23999р.) → (2399р.)
  'train/0', // clean
  'train/4672', // 21:10 → 9: 10 p.m.
  'train/2221', // 166,7 тыс. → 166,700 (and more)
  'train/3570' // 1,95 тысячи долларов → 1.95 thousand dollars
]

function poString(value: string): string {
  return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"'
}

describe.skipIf(pairs.length === 0)('on real MLQE-PE pairs', () => {
  it('in a PO catalogue: names and numbers lost in translation, fixed where sure', async () => {
    const po =
      'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' +
      chosen.map((id) => `#: ${id}\nmsgid ${poString(pair(id).source)}\nmsgstr ${poString(pair(id).mt)}\n`).join('\n')
    const result = await check(po, {type: 'po', path: 'mlqe.po', ...only})
    expect(result.messages.map((m) => [m.ruleId, m.actual, m.expected, m.fix])).toEqual([
      ['source-name', 'Officers', ['Ofitserov'], true],
      ['source-name', 'Frost', ['Moroz'], true],
      ['source-numbers', '2399', [], false]
    ])
    expect(result.fixed).toContain('msgstr "Pyotr Ofitserov - There will be no trial')
    expect(result.fixed).toContain('msgstr "Why did they kill Moroz?"')
  })

  it('in plain text with a source file, paired line by line', async () => {
    const text = chosen.map((id) => pair(id).mt).join('\n') + '\n'
    const source = chosen.map((id) => pair(id).source).join('\n') + '\n'
    const result = await check(text, {source, ...only})
    expect(result.messages.map((m) => [m.ruleId, m.actual, m.line])).toEqual([
      ['source-name', 'Officers', 1],
      ['source-name', 'Frost', 2],
      ['source-numbers', '2399', 3]
    ])
    // Without the source the rules are silent.
    expect((await check(text, only)).messages).toEqual([])
  })

  it('is quiet on the professional post-edits (below 1 flag per 10,000 words)', async () => {
    let words = 0
    const flagged: string[] = []
    for (const item of pairs) {
      const text = item.reference_or_postedit
      // Post-edits left in Russian are flagged by `untranslated`, rightly.
      if (!text || /\p{Script=Cyrillic}/u.test(text)) continue
      words += text.split(/\s+/).length
      const result = await check(text, {source: item.source, ...only})
      for (const message of result.messages) flagged.push(`${item.id} ${message.ruleId} ${message.actual}`)
    }

    expect(words).toBeGreaterThan(100_000)
    expect((flagged.length / words) * 10_000).toBeLessThan(1)
  })

  it('flags a post-edit left in the source language as untranslated', async () => {
    const left = pairs.find((item) => item.reference_or_postedit === item.source && /\p{Script=Cyrillic}/u.test(item.source))!
    const result = await check(left.source, {source: left.source, ...only})
    expect(result.messages.map((m) => m.ruleId)).toEqual(['untranslated'])
  })
})

describe('source-numbers', () => {
  const flags = async (source: string, target: string) =>
    (await check(target, {source, ...only})).messages.map((m) => [m.actual, m.expected[0] ?? null])

  it('flags a number not in the source; fixes a lost decimal comma', async () => {
    expect(await flags('Рост составил 3,5% за год.', 'Growth was 35% for the year.')).toEqual([['35', '3.5']])
    expect(await flags('В 2018 году было 15 случаев.', 'In 2019, there were 15 cases.')).toEqual([['2019', null]])
  })

  it('is quiet on the same value in another notation', async () => {
    const same: Array<[string, string]> = [
      ['3,5 млн рублей', '3.5 million rubles'],
      ['3,5 млн рублей', '3,500,000 rubles'],
      ['1 000 000 человек', '1,000,000 people'],
      ['в 18.00', 'at 18:00'],
      ['в 21:10', 'at 9:10 p.m.'],
      ['в 90-х годах', 'in the 1990s'],
      ['в XX веке', 'in the 20th century'],
      ['Евро-2020', 'Euro 2020'],
      ['пять человек', '5 people'],
      ['четырёх тысяч церквей', '4,000 churches'],
      ['в течение суток', 'within 24 hours'],
      ['COVID-19 распространяется', 'The coronavirus COVID-19 spreads'],
      ['两百五十万个部分', '2.5 million parts'],
      ['出口315.1亿美元', 'exports of $31.51 billion']
    ]
    for (const [source, target] of same) expect(await flags(source, target), `${source} → ${target}`).toEqual([])
  })

  it('reads numbers with every value they may stand for', () => {
    expect(numbersIn('3,5')[0]!.values).toContain(3.5)
    expect(numbersIn('1,000')[0]!.values).toEqual(expect.arrayContaining([1000, 1]))
    expect(numbersIn('1 234,5')[0]!.values).toContain(1234.5)
    expect(numbersIn('A4 and COVID-19')).toEqual([])
    expect(numbersIn('COVID-19', {glued: true}).map((n) => n.raw)).toEqual(['19'])
    expect(chineseNumbers('一万六七千')).toEqual(expect.arrayContaining([16000, 17000]))
    expect(spelledNumbers('двух тысяч').scales).toEqual([1000])
  })
})

describe('untranslated', () => {
  const flagged = async (source: string, target: string) =>
    (await check(target, {source, ...only})).messages.map((m) => m.ruleId)

  it('flags a target that is the non-English source again', async () => {
    expect(await flagged('Сохранить файл', 'Сохранить файл')).toEqual(['untranslated'])
    expect(await flagged('Datei speichern und schließen', 'Datei speichern und schließen')).toEqual(['untranslated'])
  })

  it('is quiet on English sources, names, placeholders and different targets', async () => {
    expect(await flagged('Save file', 'Save file')).toEqual([])
    expect(await flagged('Google Chrome', 'Google Chrome')).toEqual([])
    expect(await flagged('%s', '%s')).toEqual([])
    expect(await flagged('Сохранить файл', 'Save file')).toEqual([])
  })
})

describe('source-name', () => {
  const flags = async (source: string, target: string) =>
    (await check(target, {source, ...only})).messages.map((m) => [m.actual, m.expected[0], m.fix])

  it('a lexicon surname translated as a word, with the article', async () => {
    expect(await flags('Москва лишь использует опросы, заключает Усов.', 'Moscow only uses polls, concludes a Mustache.')).toEqual([
      ['a Mustache', 'Usov', true]
    ])
    expect(await flags('Песков заявил, что добавить нечего.', 'Sands said there was nothing to add.')).toEqual([['Sands', 'Peskov', true]])
  })

  it('any surname after a given name kept in the translation, in the nominative', async () => {
    expect(await flags('Мнение Павла Усова известно.', "Pavel Moustache's opinion is known.")).toEqual([['Moustache', 'Usov', true]])
    expect(await flags('Об этом рассказал Павел Усов.', 'This was told by Pavel Moustache.')).toEqual([['Moustache', 'Usov', true]])
    expect(await flags('Об этом рассказала Анна Кузнецова.', 'This was told by Anna Blacksmith.')).toEqual([
      ['Blacksmith', 'Kuznetsova', true]
    ])
    expect(await flags('Так считает Дмитрий Сергеевич Кузнецов.', 'So thinks Dmitry Sergeyevich Blacksmith.')).toEqual([])
  })

  it('is quiet when the name is there, or the word is the noun', async () => {
    expect(await flags('Об этом рассказал Павел Усов.', 'This was told by Pavel Usov.')).toEqual([])
    expect(await flags('Мороз ударил ночью.', 'Frost struck at night.')).toEqual([])
    expect(await flags('Волков бояться — в лес не ходить.', 'Wolves should not be afraid to go into the forest.')).toEqual([])
    expect(await flags('Реакция, отмечает "Радио Свобода".', 'The reaction, notes Radio Liberty.')).toEqual([])
    expect(await flags('Иван Грозный', 'Ivan the Terrible')).toEqual([])
  })
})

describe('alignSource', () => {
  it('pairs lines, else paragraphs, else the whole text', () => {
    expect(alignSource('a\nb\n', 'x\ny\n').map((p) => p.source)).toEqual(['x', 'y'])
    expect(alignSource('a\nb\n\nc\n', 'x y\n\nz\n').map((p) => p.source)).toEqual(['x y', 'z'])
    expect(alignSource('a\nb\nc', 'x').map((p) => [p.start, p.end, p.source])).toEqual([[0, 5, 'x']])
  })
})
