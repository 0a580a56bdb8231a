/**
 * `number-format`: source-language number conventions. The examples in
 * `rules/number-format/examples.json` run in `rule-examples.test.ts`; here
 * are the details of spans and replacements, the must-stay-quiet cases
 * around them, the bundled example, the false-alarm rate on well-edited
 * English, and linear time on hostile input.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findingsOf} from './helpers.js'

const ruleId = 'number-format'
const findings = (text: string) => findingsOf(ruleId, text)

const shared = path.join(import.meta.dirname, '..', '..', 'shared')
const example = path.join(shared, 'examples', 'belarus-russia-news.mt.txt')

describe('decimal comma', () => {
  it('replaces only the number, keeping the unit and the spacing', async () => {
    const {summary, result} = await findings('GDP fell by 2,5 % and the bridge is 1,2-km long; 0,75 percentage points.')
    expect(summary).toEqual([
      ['2,5', '2.5', true],
      ['1,2', '1.2', true],
      ['0,75', '0.75', true]
    ])
    expect(result.fixed).toBe('GDP fell by 2.5 % and the bridge is 1.2-km long; 0.75 percentage points.')
  })

  it('needs a unit or a currency sign: a bare `3,5` is not surely a decimal', async () => {
    expect((await findings('Rooms 3,5 and 7 are free.')).mine).toEqual([])
    expect((await findings('The input [0,0] gives 1.')).mine).toEqual([])
    // `$1,5` has one digit after the comma: cents have two.
    expect((await findings('It was $1,5 each.')).mine).toEqual([])
  })

  it('leaves English thousands and comma lists before units alone', async () => {
    for (const text of [
      'It cost 3,500 million dollars.',
      'There were 1,250 percent more.',
      'He scored 1,2,3 points in three games.',
      'The A4,5 format is 2 km wide.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('spaced thousands', () => {
  it('joins groups of three with commas, also across no-break spaces', async () => {
    const {summary} = await findings('It employs 1 250 people, has 3\u00a0400\u00a0000 euros and 12\u2009000 tons.')
    expect(summary).toEqual([
      ['1 250', '1,250', true],
      ['3\u00a0400\u00a0000', '3,400,000', true],
      ['12\u2009000', '12,000', true]
    ])
  })

  it('stays quiet on phones, dates, numbered things and two numbers in a row', async () => {
    for (const text of [
      'Call +7 926 531 or 8 800 555 35 35.',
      'On June 5 300 people came, page 12 345 words.',
      'Tel. 495 123 then.',
      'The number is 5 000.',
      'They came in 1 000-strong groups.'
    ]) {
      expect((await findings(text)).mine, text).toEqual([])
    }
  })
})

describe('abbreviations and the numero sign', () => {
  it('keeps a full stop that ends the sentence and drops one that belongs to the abbreviation', async () => {
    expect((await findings('It lost 5 mln. Then it closed.')).result.fixed).toBe('It lost 5 million. Then it closed.')
    expect((await findings('It lost 5 mln. dollars.')).result.fixed).toBe('It lost 5 million dollars.')
    expect((await findings('It lost 5 mln.')).result.fixed).toBe('It lost 5 million.')
  })

  it('suggests rubles/roubles as the document writes them, singular after 1, without a fix', async () => {
    const one = await findings('It costs 1 руб. now.')
    expect(one.mine.map((m) => [m.expected?.[0], m.fix])).toEqual([['ruble', false]])
    expect(one.result.fixed).toBe('It costs 1 руб. now.')
    const british = await findings('It costs 500 руб. now, 300 roubles before.')
    expect(british.mine.map((m) => m.expected?.[0])).toEqual(['roubles'])
  })

  it('only after a number', async () => {
    expect((await findings('The mln and bln columns are empty.')).mine).toEqual([])
  })

  it('writes `No.` with a space before a glued number, `Nos.` for a double sign', async () => {
    expect((await findings('Law №№ 5 and №12.')).result.fixed).toBe('Law Nos. 5 and No. 12.')
  })
})

describe('number-format on real text', () => {
  it.runIf(fs.existsSync(example))('finds nothing in the bundled example', async () => {
    const {mine} = await findings(fs.readFileSync(example, 'utf8'))
    expect(mine).toEqual([])
  })

  it('is linear on long runs of digits and separators', async () => {
    const text = '1 000 '.repeat(40_000) + '1,5 '.repeat(40_000) + '5 mln '.repeat(20_000)
    const started = performance.now()
    const {mine} = await findings(text)
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(mine.length).toBeGreaterThan(0)
  })
})
