/**
 * `calque`: every entry of `calques.json` is tested on its own example and
 * its must-stay-quiet texts; plus the bundled article, the pattern notation
 * (gaps, optional words, context, case) and speed.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {check} from '../src/api.js'
import {rules} from '../rules/index.js'
import {calques} from '../rules/calque/index.js'

const ruleId = 'calque'

function settings(ruleOptions: boolean | Record<string, unknown> = true) {
  return {
    rules: Object.fromEntries(
      rules.map((rule) => [rule.id, rule.id === ruleId ? ruleOptions : false])
    )
  }
}

async function lint(text: string, ruleOptions?: Record<string, unknown>) {
  const result = await check(text, settings(ruleOptions))
  return {...result, mine: result.messages.filter((message) => message.ruleId === ruleId)}
}

const bundled = path.join(import.meta.dirname, '..', '..', 'shared', 'examples', 'belarus-russia-news.mt.txt')

describe('calque data', () => {
  it('has well-formed entries with a source phrase and an example', () => {
    const ids = new Set<string>()
    for (const entry of calques) {
      expect(ids.has(entry.id), entry.id).toBe(false)
      ids.add(entry.id)
      expect(entry.pattern, entry.id).toMatch(/\[.+\]/)
      expect(Object.keys(entry.source).length, entry.id).toBeGreaterThan(0)
      expect(entry.example.origin, entry.id).toBeTruthy()
      expect(entry.fix ? entry.example.fixed : entry.example.actual, entry.id).toBeTruthy()
    }

    expect(calques.length).toBeGreaterThanOrEqual(40)
  })
})

describe('calque entries', () => {
  for (const entry of calques) {
    it(`${entry.id}: its example`, async () => {
      const {mine, fixed} = await lint(entry.example.text)
      expect(mine.length, entry.id).toBeGreaterThan(0)
      if (entry.fix) {
        expect(fixed).toBe(entry.example.fixed)
        expect((await lint(fixed)).mine).toEqual([])
      } else {
        expect(mine.every((message) => !message.fix)).toBe(true)
        expect(mine.map((message) => message.actual)).toContain(entry.example.actual)
        expect(fixed).toBe(entry.example.text)
      }
    })

    for (const text of entry.quiet ?? []) {
      it(`${entry.id}: quiet on ${text.slice(0, 50)}`, async () => {
        expect((await lint(text)).mine).toEqual([])
      })
    }
  }
})

describe('calque', () => {
  it.skipIf(!fs.existsSync(bundled))('changes only the two calques of the bundled article', async () => {
    const text = fs.readFileSync(bundled, 'utf8')
    const {mine, fixed} = await lint(text)
    expect(mine.map((message) => [message.actual, message.expected?.[0]])).toEqual([
      ['for last', 'in the last'],
      ['with another —', 'on the other hand,']
    ])
    expect(fixed).toContain('already the second in the last two weeks.')
    expect(fixed).toContain('on the one hand to demonstrate loyalty to the allied obligations, on the other hand, scare,')
    expect(fixed.length - text.length).toBe('in the'.length - 'for'.length + 'on the other hand,'.length - 'with another —'.length)
  })

  it('bounds the gap: `with another —` far from `on the one hand` is left alone', async () => {
    const near = 'On the one hand we wait, with another — we act.'
    expect((await lint(near)).fixed).toBe('On the one hand we wait, on the other hand, we act.')
    const far = 'On the one hand ' + 'we wait and '.repeat(20) + 'with another — we act.'
    expect((await lint(far)).mine).toEqual([])
    // And the pair must be in order.
    expect((await lint('With another — we act, on the one hand.')).mine).toEqual([])
  })

  it('keeps the case of the original', async () => {
    expect((await lint('In the frames of the deal, prices fell.')).fixed).toBe(
      'Within the framework of the deal, prices fell.'
    )
    expect((await lint('Made a photo with the mayor.')).fixed).toBe('Took a photo with the mayor.')
  })

  it('picks the inflected replacement that matches the verb', async () => {
    const {fixed} = await lint(
      'She makes a selfie. They were making photos at the gate. He made a conclusion. We make our homework at night.'
    )
    expect(fixed).toBe(
      'She takes a selfie. They were taking photos at the gate. He drew a conclusion. We do our homework at night.'
    )
  })

  it('reports the finding on the replaced words only, with the phrase in the reason', async () => {
    const text = 'Tourists made a photo with the governor.'
    const [message] = (await lint(text)).mine
    expect(message!.actual).toBe('made')
    expect(message!.reason).toContain('`made a photo`')
    expect(message!.reason).toContain('`took a photo`')
    const place = message!.place as {start: {offset: number}; end: {offset: number}}
    expect(text.slice(place.start.offset, place.end.offset)).toBe('made')
  })

  it('flags unsure calques with suggestions and no fix', async () => {
    const [message] = (await lint('The minister made harsh statements in the address of the opposition.')).mine
    expect(message!.fix).toBe(false)
    expect(message!.expected).toEqual(['against', 'of', 'towards'])
  })

  it('takes a byline only at the start of a line', async () => {
    expect((await lint('Von: Anna Schmidt, Berlin\n\nText.')).fixed).toBe('By Anna Schmidt, Berlin\n\nText.')
    expect((await lint('The list of: Anna Schmidt\n\nText.')).mine).toEqual([])
  })

  it('can leave entries out', async () => {
    expect((await lint('Tourists made a photo.', {skip: ['make-a-photo']})).mine).toEqual([])
  })

  it('stays linear on long text', async () => {
    const unit = 'On the one hand we wait, with another — we act for last two weeks in the frames of it. '
    const t0 = performance.now()
    await lint(unit.repeat(500))
    const t1 = performance.now()
    const {mine} = await lint(unit.repeat(4000))
    const t2 = performance.now()
    expect(mine.length).toBeGreaterThanOrEqual(12000)
    expect(t2 - t1).toBeLessThan(Math.max(20 * (t1 - t0), 3000))
  })
})
