/**
 * The evaluation: gold-edit extraction, alignment of proposals with gold
 * edits, edit distance, and a regression guard on the corpus.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {
  align,
  editDistance,
  evaluate,
  goldEdits,
  overlaps,
  readCorpus,
  splitClean,
  type GoldEdit,
  type Proposal
} from '../src/tools/eval.js'

const corpusDir = path.join(import.meta.dirname, '..', 'corpus')

/** Gold edits as `[mt text, replacement, family]`. */
function readable(mt: string, edits: GoldEdit[]): Array<[string, string, string]> {
  return edits.map((e) => [mt.slice(e.start, e.end), e.replacement, e.family])
}

function fix(text: string, actual: string, replacement: string, ruleId = 'r'): Proposal {
  const start = text.indexOf(actual)
  if (start === -1) throw new Error('no ' + actual)
  return {start, end: start + actual.length, replacement, ruleId, fix: true}
}

function gold(text: string, actual: string, replacement: string, family = 'f'): GoldEdit {
  const start = text.indexOf(actual)
  if (start === -1) throw new Error('no ' + actual)
  return {start, end: start + actual.length, replacement, family}
}

describe('gold edits from the diff', () => {
  it('merges changes inside a word or across one space into one minimal edit', () => {
    const mt = 'of Course, they said. The rate is 1 000 000 now.'
    const fixed = 'Of course, they said. The rate is 1,000,000 now.'
    const {edits, problems} = goldEdits(mt, fixed)
    expect(readable(mt, edits)).toEqual([
      ['of Course', 'Of course', 'unlabelled'],
      [' 000 ', ',000,', 'unlabelled']
    ])
    expect(problems).toHaveLength(2)
  })

  it('keeps edits apart when words separate them, and records insertions', () => {
    const mt = 'He said it concludes Jerman and the the end.'
    const fixed = 'He said it, concludes Jerman and the end.'
    const {edits} = goldEdits(mt, fixed)
    expect(readable(mt, edits)).toEqual([
      ['', ',', 'unlabelled'],
      ['the ', '', 'unlabelled']
    ])
    expect(edits[0]!.start).toBe(mt.indexOf(' concludes'))
  })

  it('groups and names edits by their labels', () => {
    const mt = 'Cooperation in the frames of the treaty, said a Mustache.'
    const fixed = 'Cooperation within the treaty, said Usov.'
    const {edits, problems} = goldEdits(mt, fixed, [
      {family: 'calque', mt: 'in the frames of the', fixed: 'within the'},
      {family: 'translated-name', mt: 'a Mustache', fixed: 'Usov'}
    ])
    expect(problems).toEqual([])
    expect(readable(mt, edits)).toEqual([
      ['in the frames of', 'within', 'calque'],
      ['a Mustache', 'Usov', 'translated-name']
    ])
  })

  it('places a label at the occurrence that holds a change', () => {
    const mt = 'Lukashenko met Putin. Later Lukashenko left.'
    const fixed = 'Lukashenko met Putin. Later Lukashenka left.'
    const {edits, problems} = goldEdits(mt, fixed, [
      {family: 'name-consistency', mt: 'Lukashenko', fixed: 'Lukashenka'}
    ])
    expect(problems).toEqual([])
    expect(edits[0]!.start).toBe(mt.lastIndexOf('Lukashenko'))
  })

  it('reports labels that disagree with the fixed text or match nothing', () => {
    const mt = 'the Question is open.'
    const fixed = 'The question is open.'
    expect(goldEdits(mt, fixed, [{family: 'x', mt: 'the Question', fixed: 'The Question'}]).problems[0])
      .toMatch(/do not give the fixed text/)
    expect(goldEdits(mt, fixed, [{family: 'x', mt: 'open', fixed: 'shut'}]).problems[0])
      .toMatch(/matches no change/)
  })

  it('finds nothing when the texts are equal', () => {
    expect(goldEdits('Same text.\n', 'Same text.\n').edits).toEqual([])
  })
})

describe('alignment', () => {
  const text = 'of Course, they said. The electorate is mostly Pro-Russian, concludes a Mustache.'
  const edits = [
    gold(text, 'of Course', 'Of course'),
    gold(text, 'Pro', 'pro'),
    gold(text, 'a Mustache', 'Usov')
  ]

  it('counts a fix with the gold text as correct, whatever its span', () => {
    const result = align(text, [fix(text, 'of Course,', 'Of course,'), fix(text, 'Pro-Russian', 'pro-Russian')], edits)
    expect(result.proposals.map((p) => p.verdict)).toEqual(['correct', 'correct'])
    expect(result.gold.map((g) => g.status)).toEqual(['corrected', 'corrected', 'missed'])
  })

  it('counts a fix with another text as detected, and a flag on a gold edit too', () => {
    const flag: Proposal = {...fix(text, 'a Mustache', ''), fix: false}
    delete flag.replacement
    const result = align(text, [fix(text, 'of Course', 'Of Course'), flag], edits)
    expect(result.proposals.map((p) => p.verdict)).toEqual(['detected', 'detected'])
    expect(result.gold.map((g) => g.status)).toEqual(['detected', 'missed', 'detected'])
  })

  it('counts fixes and flags away from gold edits as false alarms', () => {
    const flag: Proposal = {...fix(text, 'electorate', 'voters'), fix: false}
    const result = align(text, [fix(text, 'they', 'They'), flag], edits)
    expect(result.proposals.map((p) => p.verdict)).toEqual(['false-alarm', 'false-alarm'])
    expect(result.gold.every((g) => g.status === 'missed')).toBe(true)
  })

  it('judges fixes that share a gold edit together', () => {
    const two = [fix(text, 'of', 'Of', 'a'), fix(text, 'Course', 'course', 'b')]
    const result = align(text, two, [edits[0]!])
    expect(result.proposals.map((p) => p.verdict)).toEqual(['correct', 'correct'])
    expect(result.gold[0]!.correctedBy.sort()).toEqual(['a', 'b'])
  })

  it('matches an insertion with a fix that touches it', () => {
    const t = 'I will discuss this concludes Jerman.'
    const at = t.indexOf(' concludes')
    const comma: GoldEdit = {start: at, end: at, replacement: ',', family: 'dash-attribution'}
    expect(align(t, [fix(t, 'this', 'this,')], [comma]).proposals[0]!.verdict).toBe('correct')
    expect(align(t, [fix(t, 'this', 'that')], [comma]).proposals[0]!.verdict).toBe('detected')
    expect(align(t, [fix(t, 'Jerman', 'Dzermant')], [comma]).proposals[0]!.verdict).toBe('false-alarm')
  })

  it('treats empty spans as overlapping what touches them', () => {
    expect(overlaps({start: 3, end: 3}, {start: 0, end: 3})).toBe(true)
    expect(overlaps({start: 0, end: 3}, {start: 3, end: 5})).toBe(false)
    expect(overlaps({start: 4, end: 4}, {start: 0, end: 3})).toBe(false)
  })
})

describe('edit distance', () => {
  it('is the Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
    expect(editDistance('of Course, he said', 'Of course, he said')).toBe(2)
    expect(editDistance('flaw', 'lawn')).toBe(editDistance('lawn', 'flaw'))
  })
})

describe('clean files', () => {
  it('split into documents at header lines', () => {
    const docs = splitClean('x.txt', '%%% a\nOne.\n\nTwo.\n\n%%% b\nThree.\n')
    expect(docs).toEqual([
      {id: 'x.txt#a', text: 'One.\n\nTwo.\n'},
      {id: 'x.txt#b', text: 'Three.\n'}
    ])
  })
})

describe('the corpus', async () => {
  const corpus = readCorpus(corpusDir)
  const results = await evaluate(corpus)

  it('is complete and consistent with its labels', () => {
    expect(results.corpus.problems).toEqual([])
    expect(corpus.documents.length).toBeGreaterThanOrEqual(40)
    expect(Object.keys(results.corpus.sources).length).toBeGreaterThanOrEqual(3)
    expect(results.corpus.cleanWords).toBeGreaterThanOrEqual(100_000)
    expect(results.corpus.goldEdits).toBeGreaterThan(0)
  })

  // The project's bar: every rule under 1 false alarm per 10,000 words of
  // well-edited English (the clean part is clean-english.jsonl by document).
  it('keeps every rule under 1 false alarm per 10,000 words of clean English', () => {
    const over = results.perRule
      .filter((row) => row.cleanPer10k >= 1)
      .map((row) => `${row.rule}: ${row.cleanPer10k.toFixed(2)}`)
    expect(over).toEqual([])
  })

  // Regression guard. Measured on 2026-11-25 with all rules registered:
  // overall precision 88.9 % (32 of 36 applied fixes give the gold text; two
  // of the other four are defensible variants of the gold: `recently` for
  // `lately`, `on the other hand, scare` for `on the other hand to scare`).
  // The floor sits 4 points below, so one more wrong fix among ~36 passes
  // and a second fails. Never set it above the measured value.
  it('keeps overall precision at the measured level', () => {
    expect(results.overall.precision ?? 1).toBeGreaterThanOrEqual(0.85)
  })
})
