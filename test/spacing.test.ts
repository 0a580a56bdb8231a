/**
 * `spacing`: spacing artefacts of MT, tokenisation and scraping. The
 * examples in `rules/spacing/examples.json` run in `rule-examples.test.ts`;
 * here are spans and replacements, the must-stay-quiet cases (decimals,
 * abbreviations, URLs, names with dots, code), the bundled example, the
 * false-alarm rate on well-edited English, and linear time.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findingsOf} from './helpers.js'

const ruleId = 'spacing'
const findings = (text: string) => findingsOf(ruleId, text)

const shared = path.join(import.meta.dirname, '..', '..', 'shared')
const example = path.join(shared, 'examples', 'belarus-russia-news.mt.txt')

describe('missing space after a mark', () => {
  it('replaces only the mark, adding the space after it', async () => {
    const {summary, result} = await findings('He said,“We will respond”;then left.Russia noted:the talks failed.')
    expect(summary).toEqual([
      [',', ', ', true],
      [';', '; ', true],
      ['.', '. ', true],
      [':', ': ', true]
    ])
    expect(result.fixed).toBe('He said, “We will respond”; then left. Russia noted: the talks failed.')
    expect((await findings(result.fixed)).mine).toEqual([])
  })

  it('splits `Name.Word` only before a word that opens sentences', async () => {
    expect((await findings('It ended in Moscow.The talks resume.')).summary).toEqual([['.', '. ', true]])
    expect((await findings('Use Yandex.Market and Sber.Pay now.')).mine).toEqual([])
    expect((await findings('It was in 2019.The year after.')).summary).toEqual([['.', '. ', true]])
    expect((await findings('See section 1.Introduction now.')).mine).toEqual([])
  })

  it('stays quiet on numbers, abbreviations, web addresses, names and code', async () => {
    for (const text of [
      'It rose 3.5% to 3,500 at 10:30 on 12.05.2020.',
      'The U.S.-Russia talks, e.g.a test, and Ph.D.s.',
      'Mail info@news.ru or see https://news.ru/a,b,c and www.News.ru now.',
      'Our fs.Dirent and console.log calls, and the bodyParser,urlencoded middleware.',
      'Run npm run test:cov and connect:session here.',
      'TL;DR: the CAAC,IAAI mappings work.',
      'He went to St Petersburg, not N,N-dimethyl land.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('space before a mark', () => {
  it('removes all the space before a comma or full stop, and adds one after a glued comma', async () => {
    const {summary, result} = await findings('Well  , yes ,no and done   .')
    expect(summary).toEqual([
      ['  ,', ',', true],
      [' ,', ', ', true],
      ['   .', '.', true]
    ])
    expect(result.fixed).toBe('Well, yes, no and done.')
  })

  it('leaves ellipses, decimals, domains and line starts alone', async () => {
    for (const text of [
      'And then ... nothing.',
      'It is .5 mm and the .NET runtime and .com domains.',
      'First line\n, second line starts with a comma.',
      'See https://example.com .'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('quotation marks', () => {
  it('removes spaces inside curly quotes without touching a closing quote typed the wrong way', async () => {
    expect((await findings('He said “ yes ” twice.')).result.fixed).toBe('He said “yes” twice.')
    // `“…“`: the second mark closes; the space after it is right.
    expect((await findings('He said “yes“ twice.')).mine).toEqual([])
  })

  it('pairs straight quotes only when they pair cleanly', async () => {
    expect((await findings('The term " black holes " was coined.')).result.fixed).toBe(
      'The term "black holes" was coined.'
    )
    // Odd count: unsure which is which.
    expect((await findings('He said " yes and left.')).mine).toEqual([])
  })

  it('turns guillemets into English quotes, single ones inside double', async () => {
    const {result} = await findings('The party «United Russia» won; “they said «no»,” he wrote.')
    expect(result.fixed).toBe('The party “United Russia” won; “they said ‘no’,” he wrote.')
  })

  it('flags an unpaired guillemet without a fix, but not a navigation separator', async () => {
    expect((await findings('He said «yes and left.')).summary).toEqual([['«', '“', false]])
    expect((await findings('Home » News » Politics')).mine).toEqual([])
  })
})

describe('doubled full stops', () => {
  it('keeps one after an abbreviation, and makes an ellipsis of Russian `..` elsewhere', async () => {
    const {summary, mine, result} = await findings('They sold boats etc.. It was the U.S.. It was over.. We left. Ah.. well.')
    expect(summary).toEqual([
      ['..', '.', true],
      ['..', '.', true],
      ['..', '...', true],
      ['..', '...', true]
    ])
    expect(mine[2]!.expected).toEqual(['...', '.'])
    expect(result.fixed).toBe('They sold boats etc. It was the U.S. It was over... We left. Ah... well.')
    expect((await findings(result.fixed)).mine).toEqual([])
  })

  it('leaves ellipses, code ranges and dots after digits alone', async () => {
    for (const text of ['Wait... what.... no.', 'Use {a..e} or A..Z here.', 'Version 2.. and .. alone.']) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('tokenisation artefacts', () => {
  it('joins a URL cut into tokens, changing only white space, up to where it ends', async () => {
    const text = 'See https: / / t.me / slivgolih2 or so https: / / echo.msk.ru / code / 1582608-echo / (at the end).'
    const {summary, result} = await findings(text)
    expect(summary).toEqual([
      [' / / t.me / ', '//t.me/', true],
      [' / / echo.msk.ru / code / 1582608-echo ', '//echo.msk.ru/code/1582608-echo', true]
    ])
    expect(result.fixed).toBe('See https://t.me/slivgolih2 or so https://echo.msk.ru/code/1582608-echo/ (at the end).')
  })

  it('leaves whole URLs and text after a URL alone', async () => {
    for (const text of [
      'See https://example.com/a / b for details.',
      'The scheme http: is old, and https: / (none) too.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })

  it('joins a slash between lower-case words and Reddit handles, not between names', async () => {
    const {result} = await findings('Girls / women, and / or u / DonVandemon, in Moscow / Kyiv and Evening News / Ziniu News.')
    expect(result.fixed).toBe('Girls / women, and/or u/DonVandemon, in Moscow / Kyiv and Evening News / Ziniu News.')
  })

  it('decodes an HTML entity split after its ampersand, and only a known one', async () => {
    expect((await findings('Politics & amp; Society & quot;no& quot; & foo; AT& T')).result.fixed).toBe(
      'Politics & Society "no" & foo; AT& T'
    )
  })
})

describe('spacing on real text', () => {
  it.runIf(fs.existsSync(example))('finds nothing in the bundled example (NEWS.ru stays)', async () => {
    const {mine} = await findings(fs.readFileSync(example, 'utf8'))
    expect(mine).toEqual([])
  })

  it('is linear on a long paragraph of artefacts and on one huge chunk', async () => {
    const text = 'said,Russia word , etc.. “ x ” «a» '.repeat(20_000) + 'a.b,c:d'.repeat(50_000)
    const started = performance.now()
    const {mine} = await findings(text)
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(mine.length).toBeGreaterThan(100_000)
  })
})
