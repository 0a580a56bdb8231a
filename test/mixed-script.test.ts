/**
 * `mixed-script`: look-alike letters and Cyrillic left untranslated. The
 * examples in `rules/mixed-script/examples.json` run in
 * `rule-examples.test.ts`; here are the suggestions, the glosses it must
 * leave alone, the bundled example, the false-alarm rate on well-edited
 * English, and linear time.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findingsOf} from './helpers.js'

const ruleId = 'mixed-script'
const findings = (text: string) => findingsOf(ruleId, text)

const shared = path.join(import.meta.dirname, '..', '..', 'shared')
const example = path.join(shared, 'examples', 'belarus-russia-news.mt.txt')

describe('look-alike letters', () => {
  it('fixes the word only, keeping case, and a second run is clean', async () => {
    const text = 'In МOSCOW and Mоscow’s suburbs, the Kremlіn-backed party won.'
    const {summary, result} = await findings(text)
    expect(summary).toEqual([
      ['МOSCOW', 'MOSCOW', true],
      ['Mоscow', 'Moscow', true],
      ['Kremlіn', 'Kremlin', true]
    ])
    expect(result.fixed).toBe('In MOSCOW and Moscow’s suburbs, the Kremlin-backed party won.')
    expect((await findings(result.fixed)).mine).toEqual([])
  })

  it('flags a Cyrillic word with Latin look-alikes as Cyrillic, with a suggestion only', async () => {
    // `Мoсквa`: Cyrillic М, с, к, в with Latin o and a.
    const {summary} = await findings('The talks in Мoсквa ended.')
    expect(summary).toEqual([['Мoсквa', 'Moskva', false]])
  })

  it('fixes a lone Cyrillic `а` or `Не` only in an English sentence', async () => {
    expect((await findings('It was а good day.')).result.fixed).toBe('It was a good day.')
    // `а также` is Russian: a phrase left untranslated, not a look-alike.
    expect((await findings('It was а также good.')).summary).toEqual([['а также', undefined, false]])
  })

  it('leaves Greek symbols and units alone and fixes only known words', async () => {
    expect((await findings('Let α be 5 μm and Δx the βeta step.')).mine).toEqual([])
    expect((await findings('The ΝATO summit.')).result.fixed).toBe('The NATO summit.')
  })
})

describe('untranslated Cyrillic', () => {
  it('proposes a transliteration for names, never as a fix', async () => {
    const {summary} = await findings('Yesterday Зеленский met Алексей Навальный and then left for Київ.')
    expect(summary).toEqual([
      ['Зеленский', 'Zelenskii', false],
      ['Алексей Навальный', 'Aleksei Navalnii', false],
      ['Київ', 'Kyiv', false]
    ])
  })

  it('takes a capitalised word at a sentence start as a name only with a surname ending', async () => {
    const {summary} = await findings('Лукашенко met Putin. Источник said so.')
    expect(summary).toEqual([
      ['Лукашенко', 'Lukashenko', false],
      ['Источник', undefined, false]
    ])
  })

  it('flags a common word without a suggestion', async () => {
    const {mine} = await findings('The price was 500 рублей in total.')
    expect(mine.map((m) => [m.actual, m.expected])).toEqual([['рублей', []]])
  })

  it('stays quiet on the original beside its translation', async () => {
    for (const text of [
      'the newspaper «Коммерсантъ» (Kommersant) reported',
      'the newspaper “Коммерсантъ”, (Kommersant) reported',
      'Kommersant (Russian: «Коммерсантъ») reported',
      'the word “дача” (a country house) is common',
      'Something Better To Come / Человек живет для лучшего (2014)'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })

  it('still flags Cyrillic inside brackets that are not a gloss', async () => {
    const {summary} = await findings('They wrote (the president met Путин) yesterday.')
    expect(summary).toEqual([['Путин', 'Putin', false]])
  })
})

describe('mixed-script on real text', () => {
  it.runIf(fs.existsSync(example))('finds nothing in the bundled example', async () => {
    const {mine} = await findings(fs.readFileSync(example, 'utf8'))
    expect(mine).toEqual([])
  })

  it('is linear on one long chunk of Cyrillic words and slashes', async () => {
    const text = 'See ' + 'а/'.repeat(100_000) + ' and ' + 'Мoscow '.repeat(20_000)
    const started = performance.now()
    const {mine} = await findings(text)
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(mine.length).toBeGreaterThan(0)
  })
})
