/**
 * `calque`: a phrase translated word for word from Russian, Ukrainian,
 * Polish or German, where English says it otherwise.
 *
 * Flagged, with a fix (examples from `calques.json`):
 *
 * - `…on the one hand to demonstrate loyalty…, with another — scare` →
 *   `…, on the other hand, scare` (с одной стороны … с другой —);
 * - `already the second for last two weeks` → `… in the last two weeks`;
 * - `in the frames of the programme` → `within the framework of …` (в рамках, w ramach);
 * - a byline `Of: Hans Müller` (German `Von:`) → `By Hans Müller`;
 * - `made a photo with the governor` → `took a photo …` (сделать фото);
 * - `depends from`, `consisted from`, `explain me why`, `in 1985 year`,
 *   `listens music`, `play on the piano`, `the same like`, and the rest of
 *   the list.
 *
 * Flagged without a fix, where English has several renderings:
 * `in the first turn` (first of all / primarily), `reports with reference
 * to` (citing), `criticism in the address of` (against / of).
 *
 * Not flagged: the English uses of the same words, which each pattern's
 * context rules out — `stood in the frame of the door`, `in the frame of
 * reference`, `made the photos public`, `a photo album`, `for last year`,
 * `resulted in the end of the season`, `every host in the Internet`,
 * `finished in the same time`, `for the most part of the year`, `explain
 * them`; and a phrase quoted as a phrase (`“make a photo”`).
 *
 * How it matches: the patterns (see `calques.json` for the notation) are
 * phrase patterns over the parser's word and punctuation tokens, not
 * regular expressions over the text. Each has an anchor, the first run of
 * plain words in its replaced part, indexed by its first word; at each word
 * of a paragraph one hash look-up finds the patterns anchored there, and
 * the rest of each pattern (optional words, classes, bounded gaps, the
 * context before and after) is checked left and right of the anchor. Every
 * check is bounded by the pattern, so the work is linear in the text.
 * (`nlcst-search` found the anchors in a first version, at 1.6 s per MB —
 * five times the parse; the index does the same in a fraction of it.)
 *
 * Most words start no pattern that can match there, so a first pass over a
 * paragraph's nodes only notes the words of each pattern's required steps;
 * patterns are tried only within their reach of a place where all their
 * required words stand, and tokens are built only when a match asks.
 */
import type {Paragraph, Root, RootContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {report} from '../../src/rule-kit.js'
import data from './calques.json' with {type: 'json'}

const ruleId = 'calque'

export interface CalqueEntry {
  id: string
  pattern: string
  replacement: string
  alternatives?: string[]
  fix: boolean
  source: Record<string, string>
  note?: string
  example: {text: string; fixed?: string; actual?: string; origin: string}
  quiet?: string[]
}

export const calques = data.calques as CalqueEntry[]

export interface CalqueOptions {
  /** Entry ids to leave out. */
  skip?: string[]
}

// Word classes a pattern may name as `<name>`.
const numberWords = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred'
])
const periods = new Set([
  'seconds', 'minutes', 'hours', 'days', 'nights', 'weeks', 'weekends', 'months', 'years',
  'decades', 'centuries'
])
const months = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'
])
const languages = new Set([
  'russian', 'english', 'ukrainian', 'polish', 'german', 'french', 'spanish', 'chinese',
  'belarusian', 'italian', 'japanese', 'kazakh', 'georgian', 'armenian', 'latvian',
  'lithuanian', 'estonian', 'hebrew', 'arabic', 'turkish', 'czech', 'slovak', 'romanian',
  'hungarian', 'finnish', 'swedish', 'norwegian', 'danish', 'dutch', 'portuguese', 'korean',
  'hindi', 'uzbek', 'tatar', 'yiddish', 'latin', 'greek', 'bulgarian', 'serbian', 'croatian'
])
/** Classes that are closed lists of words or marks, by name. */
const wordClasses: Record<string, ReadonlySet<string>> = {
  period: periods,
  month: months,
  lang: languages,
  colon: new Set([':']),
  qmark: new Set(['?']),
  pipe: new Set(['|'])
}
/**
 * The most frequent English words: a pattern's step that takes only these
 * is in nearly every paragraph, so it is no use for passing paragraphs over.
 */
const frequentWords = new Set([
  'the', 'of', 'and', 'to', 'a', 'an', 'in', 'is', 'it', 'you', 'that', 'he', 'she', 'was', 'for',
  'on', 'are', 'with', 'as', 'i', 'his', 'her', 'they', 'be', 'at', 'one', 'have', 'has', 'this',
  'from', 'or', 'had', 'by', 'not', 'but', 'what', 'all', 'were', 'we', 'when', 'your', 'can',
  'there', 'which', 'do', 'their', 'if', 'will', 'about', 'these', 'those', 'so', 'my', 'our',
  'its', 'them', 'us', 'me', 'him', 'no', 'some', 'any', 'would', 'could', 'should', 'also'
])
const dashes = new Set(['—', '–', '-', '--', '―'])
const stops = new Set(['.', '!', '?', '…', '...', '?!', '!?'])
const openers = new Set(['“', '"', '‘', "'", '«', '(', '['])
const closers = new Set(['”', '"', '’', "'", '»', ')', ']'])

/** A word or mark of the paragraph; the objects are reused from paragraph to paragraph. */
class Token {
  word = false
  text = ''
  start = 0
  end = 0
  /** A line break in the space before this token. */
  breakBefore = false
  /** `gateKey(text)`. */
  key = 0
  private normal: string | undefined

  /** Lower case, typographic apostrophe made straight; worked out when first asked. */
  get norm(): string {
    if (this.normal === undefined) this.normal = normalise(this.text)
    return this.normal
  }

  set(word: boolean, text: string, start: number, end: number, breakBefore: boolean, key: number): void {
    this.word = word
    this.text = text
    this.start = start
    this.end = end
    this.breakBefore = breakBefore
    this.key = key
    this.normal = undefined
  }
}

/**
 * The tokens of one paragraph. Reading the paragraph only records each
 * token's kind, offsets and text; a token object is filled in when a match
 * first asks for it, so the tokens far from any possible match are never
 * built. All arrays and objects are kept for the next paragraph: nothing is
 * allocated once they are as long as the longest paragraph so far. No node
 * is kept, and `release` lets go of the texts once a piece is read: held in
 * these long-lived arrays, they would outlive their piece's tree.
 */
class TokenList {
  length = 0
  private texts: string[] = []
  private words = new Uint8Array(256)
  private starts = new Int32Array(256)
  private ends = new Int32Array(256)
  private keys = new Int32Array(256)
  private breaks = new Uint8Array(256)
  private readonly items: Token[] = []
  /** The paragraph for which `items[index]` was filled in. */
  private filled = new Int32Array(256)
  private paragraph = 1
  /** The most tokens since the last `release`. */
  private used = 0

  clear(): void {
    this.length = 0
    this.paragraph++
  }

  /** Forget every text (the piece is done). */
  release(): void {
    this.texts.fill('', 0, this.used)
    for (let index = 0; index < Math.min(this.used, this.items.length); index++) this.items[index]!.text = ''
    this.used = 0
    this.clear()
  }

  /** Record the next token: a word or other node, its offsets, its text and its `gateKey`. */
  push(word: boolean, start: number, end: number, text: string, key: number, breakBefore: boolean): void {
    const index = this.length++
    if (index === this.keys.length) this.grow()
    if (this.length > this.used) this.used = this.length
    this.texts[index] = text
    this.words[index] = word ? 1 : 0
    this.starts[index] = start
    this.ends[index] = end
    this.keys[index] = key
    this.breaks[index] = breakBefore ? 1 : 0
  }

  /** The token at `index`, or undefined outside the paragraph. */
  get(index: number): Token | undefined {
    if (index < 0 || index >= this.length) return undefined
    let token = this.items[index]
    if (token && this.filled[index] === this.paragraph) return token
    if (!token) {
      while (this.items.length <= index) this.items.push(new Token())
      token = this.items[index]!
    }

    token.set(
      this.words[index] === 1,
      this.texts[index]!,
      this.starts[index]!,
      this.ends[index]!,
      this.breaks[index] === 1,
      this.keys[index]!
    )
    this.filled[index] = this.paragraph
    return token
  }

  private grow(): void {
    const size = this.keys.length * 2
    this.words = larger(this.words, new Uint8Array(size))
    this.starts = larger(this.starts, new Int32Array(size))
    this.ends = larger(this.ends, new Int32Array(size))
    this.keys = larger(this.keys, new Int32Array(size))
    this.breaks = larger(this.breaks, new Uint8Array(size))
    this.filled = larger(this.filled, new Int32Array(size))
  }
}

/** `to` holding `from` at its start. */
function larger<Array extends Uint8Array | Int32Array>(from: Array, to: Array): Array {
  to.set(from)
  return to
}

type Atom =
  | {kind: 'literal'; value: string}
  | {kind: 'class'; name: string}
  | {kind: 'any'}

type Step =
  | {type: 'token'; atoms: Atom[]; optional: boolean; index: number}
  | {type: 'gap'; max: number}
  | {type: 'assert'; atoms: Atom[]; negative: boolean}

interface Compiled {
  entry: CalqueEntry
  steps: Step[]
  /** Steps (by position) of the replaced part, inclusive. */
  spanFrom: number
  spanTo: number
  /** Steps of the anchor, inclusive: consecutive plain words. */
  anchorFrom: number
  anchorTo: number
  /** The steps after the anchor in order, and those before it nearest first. */
  after: PlacedStep[]
  before: PlacedStep[]
  /**
   * The required steps that say what a paragraph must have for the pattern
   * to match there: see `RequiredStep`.
   */
  required: RequiredStep[]
  /** The most tokens a match spans: one per word step, a gap's most per gap. */
  reach: number
}

/**
 * A required step as a filter: a paragraph has a token that is one of
 * `words` (at a line start, if `lineStart`), or one that starts with a
 * digit if `digits`. Steps that take any word, or a very frequent one, are
 * left out: nearly every paragraph has those.
 */
interface RequiredStep {
  words: string[]
  digits: boolean
  lineStart: boolean
}

type TokenStep = Extract<Step, {type: 'token'}>

interface PlacedStep {
  step: Step
  position: number
}

const compiled = calques.map(compile)
const maxReach = Math.max(...compiled.map((pattern) => pattern.reach))

export default function calque(options?: CalqueOptions) {
  const {active, byFirstWord, firstWords, required, requiredWords} = patternIndex(options?.skip ?? [])
  // Per slot and required step: where (in tokens counted over the whole
  // text) a word of it was last seen.
  const lastSeen = new Float64Array(active.length * 32).fill(-Infinity)
  const possible = new Uint8Array(active.length)
  // Patterns with no required step to look for may match anywhere.
  const unfiltered = active.flatMap((pattern, slot) => (pattern.required.length === 0 ? [slot] : []))
  const tokens = new TokenList()
  // Tokens near which some pattern may match: `near[index] === paragraph`.
  let near = new Int32Array(256)
  let paragraphs = 0
  // Token count at the start of the paragraph, and whether a pattern may
  // match in it; while reading it, whether a line break precedes the next
  // token.
  let base = 0
  let any = false
  let breakBefore = false

  return function (tree: Root, file: VFile) {
    const text = String(file)
    // Spans reported, made when the first match is found.
    let reported: Set<string> | undefined

    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      // A pattern can only match where a word of each of its required steps
      // stands within its reach: in most paragraphs no pattern has that, and
      // only near those words are tokens built and patterns tried.
      paragraphs++
      possible.fill(0)
      any = false
      breakBefore = false
      tokens.clear()
      for (const child of paragraph.children) {
        if (child.type !== 'SentenceNode') step(child)
        else for (const node of child.children) step(node)
      }

      const length = tokens.length
      // Far enough on that no pattern reaches back into this paragraph.
      base += length + maxReach + 1
      if (unfiltered.length > 0) {
        for (const slot of unfiltered) possible[slot] = 1
        markNear(0, length)
        any = true
      }

      if (!any) continue

      for (let index = 0; index < length; index++) {
        if (near[index] !== paragraphs) continue
        const token = tokens.get(index)!
        if (!token.word || !firstWords.mayHave(token.key)) continue
        const slots = byFirstWord.get(token.norm)
        if (!slots) continue
        for (const slot of slots) {
          if (possible[slot] === 0) continue
          const pattern = active[slot]!
          const found = matchAt(pattern, tokens, index)
          if (!found) continue
          const key = found.start + ':' + found.end
          reported ??= new Set()
          if (reported.has(key)) continue
          reported.add(key)
          emit(file, text, pattern, found)
        }
      }
    }

    tokens.release()
  }

  /** Record the node as the next token (as `tokenize` would) and note what it is. */
  function step(node: RootContent): void {
    // A plain space changes nothing (and is most of the nodes).
    if (node.type === 'WhiteSpaceNode' && node.value === ' ') return
    const position = node.position
    if (!position || position.start.offset === undefined || position.end.offset === undefined) return
    if (node.type === 'WhiteSpaceNode') {
      if (node.value.includes('\n')) breakBefore = true
      return
    }

    const at = tokens.length
    const value = valueOf(node)
    const key = gateKey(value)
    tokens.push(node.type === 'WordNode', position.start.offset, position.end.offset, value, key, breakBefore)
    const first = value.charCodeAt(0)
    if (first >= 48 && first <= 57) mark(digitKey, at)
    if (requiredWords.mayHave(key)) {
      const norm = normalise(value)
      mark(norm, at)
      // `&<eol>`: the first token, or one after a line break.
      if (at === 0 || breakBefore) mark(lineStartKey + norm, at)
    }

    breakBefore = false
  }

  /**
   * A word of a required step at token `at`: when the pattern now has a
   * word of each step within its reach, it may match with its anchor
   * within that reach of `at`.
   */
  function mark(key: string, at: number): void {
    const list = required.get(key)
    if (!list) return
    const here = base + at
    for (let index = 0; index < list.length; index += 2) {
      const slot = list[index]!
      lastSeen[slot * 32 + list[index + 1]!] = here
      const pattern = active[slot]!
      const from = here - pattern.reach + 1
      let all = true
      for (let bit = 0; bit < pattern.required.length; bit++) {
        if (lastSeen[slot * 32 + bit]! < from) {
          all = false
          break
        }
      }

      if (!all) continue
      possible[slot] = 1
      any = true
      markNear(at - pattern.reach + 1, at + pattern.reach)
    }
  }

  /** Tokens `from` (inclusive) to `to` (exclusive) are near a possible match. */
  function markNear(from: number, to: number): void {
    if (to > near.length) {
      const grown = new Int32Array(Math.max(to, near.length * 2))
      grown.set(near)
      near = grown
    }

    for (let index = Math.max(0, from); index < to; index++) near[index] = paragraphs
  }
}

/**
 * Keys of `required` besides words: a token starting with a digit (what
 * `<num>`, `<year>` and `<decade>` need), and a word that must start a line
 * (after `&<eol>`), prefixed.
 */
const digitKey = '<digit>'
const lineStartKey = '<line>'

/** The look-ups for one set of patterns (all but the skipped ones). */
interface PatternIndex {
  active: Compiled[]
  /** Patterns (by their place in `active`) by the first word of their anchor. */
  byFirstWord: Map<string, number[]>
  firstWords: WordGate
  /** Per key of a required step: pairs of slot and the step's index. */
  required: Map<string, number[]>
  requiredWords: WordGate
}

/** Built once per set of skipped ids: `check()` makes a plugin per text. */
const indexes = new Map<string, PatternIndex>()

function patternIndex(skipped: string[]): PatternIndex {
  const key = [...new Set(skipped)].sort().join(' ')
  const cached = indexes.get(key)
  if (cached) return cached
  const skip = new Set(skipped)
  const active = compiled.filter((pattern) => !skip.has(pattern.entry.id))
  const index: PatternIndex = {
    active,
    byFirstWord: new Map(),
    firstWords: new WordGate(),
    required: new Map(),
    requiredWords: new WordGate()
  }

  for (const [slot, pattern] of active.entries()) {
    const first = pattern.steps[pattern.anchorFrom] as TokenStep
    for (const atom of first.atoms) {
      if (atom.kind !== 'literal') continue
      const list = index.byFirstWord.get(atom.value) ?? []
      if (!list.includes(slot)) list.push(slot)
      index.byFirstWord.set(atom.value, list)
      index.firstWords.add(atom.value)
    }

    for (const [bit, step] of pattern.required.entries()) {
      for (const word of step.words) {
        const key = step.lineStart ? lineStartKey + word : word
        const list = index.required.get(key) ?? []
        list.push(slot, bit)
        index.required.set(key, list)
        index.requiredWords.add(word)
      }

      if (step.digits) {
        const list = index.required.get(digitKey) ?? []
        list.push(slot, bit)
        index.required.set(digitKey, list)
      }
    }
  }

  indexes.set(key, index)
  return index
}

/**
 * A quick no for most words before any look-up: remembers, for a set of
 * plain ASCII words, their length, first two and last characters (lower-
 * cased), hashed into a bit table. `mayHave` answers for the key of a word
 * as written; a word with other characters there always passes.
 * Lower-casing never changes the length of a word whose result is ASCII,
 * so a `no` is always right.
 */
class WordGate {
  private readonly bits = new Uint32Array(1 << 11)
  private open = false

  add(word: string): void {
    const key = gateKey(word)
    if (key < 0 || !/^[\x20-\x7e]+$/.test(word)) this.open = true
    else this.bits[key >>> 5]! |= 1 << (key & 31)
  }

  /** Whether a word with this `gateKey` may be one of the words. */
  mayHave(key: number): boolean {
    return this.open || key < 0 || (this.bits[key >>> 5]! & (1 << (key & 31))) !== 0
  }
}

/**
 * A 16-bit hash of a word's length and first, second and last characters
 * (small enough a table to stay in the processor's cache); -1 past ASCII.
 */
function gateKey(word: string): number {
  const length = word.length
  let first = word.charCodeAt(0)
  let second = length > 1 ? word.charCodeAt(1) : 0
  let last = word.charCodeAt(length - 1)
  if (first >= 128 || second >= 128 || last >= 128) return -1
  if (first >= 65 && first <= 90) first += 32
  if (second >= 65 && second <= 90) second += 32
  if (last >= 65 && last <= 90) last += 32
  const key = (Math.min(length, 31) << 21) | (first << 14) | (second << 7) | last
  return (key ^ (key >>> 13) ^ (key >>> 21)) & 0xffff
}

interface Match {
  start: number
  end: number
  /** The matched phrase around the span, up to any gap: for the message. */
  phraseStart: number
  phraseEnd: number
  /** Per span word (1-based order): its text and matched alternative. */
  words: Array<{text: string; alternative: number} | undefined>
}

function emit(file: VFile, text: string, pattern: Compiled, found: Match): void {
  const {entry} = pattern
  const actual = text.slice(found.start, found.end)
  const replacement = keepCase(actual, fill(entry.replacement, found))
  const sources = Object.entries(entry.source)
    .map(([language, phrase]) => `${language} \`${phrase}\``)
    .join(', ')
  const phrase = text.slice(found.phraseStart, found.phraseEnd)
  const english =
    text.slice(found.phraseStart, found.start) + replacement + text.slice(found.end, found.phraseEnd)
  report(file, {
    ruleId,
    reason: `\`${phrase}\` is a word-for-word translation (${sources}): English says \`${english}\``,
    start: found.start,
    end: found.end,
    expected: [replacement, ...(entry.alternatives ?? [])],
    fix: entry.fix,
    note: entry.note
  })
}

/** Fill `{N}` and `{N:a|b}` from the span's words; tidy the spaces left. */
function fill(template: string, found: Match): string {
  return template
    .replace(/\{(\d+)(?::([^}]*))?\}/g, (_, number: string, choices: string | undefined) => {
      const word = found.words[Number(number) - 1]
      if (!word) return ''
      if (choices === undefined) return word.text
      const options = choices.split('|')
      return options[word.alternative] ?? options[options.length - 1]!
    })
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** The fix keeps a capital at the start (`In the frames` → `Within …`) and all capitals. */
function keepCase(actual: string, replacement: string): string {
  const letters = actual.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase()
  }

  const first = actual.match(/\p{L}/u)?.[0]
  if (first && first !== first.toLowerCase() && /^\p{Ll}/u.test(replacement)) {
    return replacement[0]!.toUpperCase() + replacement.slice(1)
  }

  return replacement
}

/**
 * Match `pattern` with its anchor starting at token `from`: the anchor,
 * then the steps after it left to right and those before it right to left.
 */
function matchAt(pattern: Compiled, tokens: TokenList, from: number): Match | undefined {
  const {steps, anchorFrom, anchorTo} = pattern

  // The anchor: consecutive words, each one of its step's spellings.
  // Checked before anything is allocated: most look-ups stop here.
  let at = from
  for (let step = anchorFrom; step <= anchorTo; step++, at++) {
    const current = steps[step]!
    if (current.type !== 'token') return undefined
    if (matchToken(current.atoms, tokens.get(at)) < 0 || (at > from && tokens.get(at)!.breakBefore)) return undefined
  }

  const bound = new Map<number, {at: number; alternative: number}>()
  at = from
  for (let step = anchorFrom; step <= anchorTo; step++, at++) {
    const current = steps[step] as Extract<Step, {type: 'token'}>
    bound.set(step, {at, alternative: matchToken(current.atoms, tokens.get(at))})
  }

  const to = at - 1
  if (!walk(pattern.after, 0, to + 1, 1, tokens, bound)) return undefined
  if (!walk(pattern.before, 0, from - 1, -1, tokens, bound)) return undefined

  let first = Number.POSITIVE_INFINITY
  let last = -1
  const words: Match['words'] = []
  for (let position = pattern.spanFrom; position <= pattern.spanTo; position++) {
    const step = steps[position]!
    if (step.type !== 'token') continue
    const hit = bound.get(position)
    words.push(hit ? {text: tokens.get(hit.at)!.text, alternative: hit.alternative} : undefined)
    if (!hit) continue
    first = Math.min(first, hit.at)
    last = Math.max(last, hit.at)
  }

  if (last < 0) return undefined
  const start = tokens.get(first)!.start
  const end = tokens.get(last)!.end
  let phraseFirst = first
  let phraseLast = last
  for (let position = pattern.spanFrom - 1; position >= 0 && steps[position]!.type !== 'gap'; position--) {
    const hit = bound.get(position)
    if (hit) phraseFirst = Math.min(phraseFirst, hit.at)
  }

  for (let position = pattern.spanTo + 1; position < steps.length && steps[position]!.type !== 'gap'; position++) {
    const hit = bound.get(position)
    if (hit) phraseLast = Math.max(phraseLast, hit.at)
  }

  // A phrase quoted as a phrase (`“make a photo”`) is talked about, not used.
  const opener = tokens.get(phraseFirst - 1)
  const closer = tokens.get(phraseLast + 1)
  if (
    opener &&
    closer &&
    openers.has(opener.text) &&
    closers.has(closer.text) &&
    opener.end === tokens.get(phraseFirst)!.start &&
    closer.start === tokens.get(phraseLast)!.end
  ) {
    return undefined
  }


  return {start, end, words, phraseStart: tokens.get(phraseFirst)!.start, phraseEnd: tokens.get(phraseLast)!.end}
}

/**
 * Match `steps` from token `at` going in `direction`, binding consumed
 * tokens. An optional word is taken when it is there; gaps are tried
 * shortest first. Both are bounded by the pattern, so the search is too.
 */
function walk(
  steps: PlacedStep[],
  index: number,
  at: number,
  direction: 1 | -1,
  tokens: TokenList,
  bound: Map<number, {at: number; alternative: number}>
): boolean {
  if (index === steps.length) return true
  const {step, position} = steps[index]!

  if (step.type === 'assert') {
    const holds = assertion(step.atoms, tokens, at, direction)
    return holds !== step.negative && walk(steps, index + 1, at, direction, tokens, bound)
  }

  if (step.type === 'gap') {
    for (let skip = 0; skip <= step.max; skip++) {
      const next = at + skip * direction
      if (next < -1 || next > tokens.length) break
      if (walk(steps, index + 1, next, direction, tokens, bound)) return true
    }

    return false
  }

  // An optional word that is there is taken, for good: `in the frame of
  // the door` must not match by leaving `the` out to dodge `!door`.
  const alternative = matchToken(step.atoms, tokens.get(at))
  if (alternative >= 0) {
    bound.set(position, {at, alternative})
    if (walk(steps, index + 1, at + direction, direction, tokens, bound)) return true
    bound.delete(position)
    return false
  }

  return step.optional && walk(steps, index + 1, at, direction, tokens, bound)
}

/** The index of the alternative `token` matches, or -1. */
function matchToken(atoms: Atom[], token: Token | undefined): number {
  if (!token) return -1
  for (let index = 0; index < atoms.length; index++) {
    if (atomMatches(atoms[index]!, token)) return index
  }

  return -1
}

function atomMatches(atom: Atom, token: Token): boolean {
  if (atom.kind === 'any') return token.word
  if (atom.kind === 'literal') return token.norm === atom.value
  const {text, norm} = token
  switch (atom.name) {
    case 'dash':
      return !token.word && dashes.has(text)
    case 'comma':
      return text === ','
    case 'colon':
      return text === ':'
    case 'qmark':
      return text === '?'
    case 'pipe':
      return text === '|'
    case 'punct':
      return !token.word
    case 'end':
      return !token.word && stops.has(text)
    case 'word':
      return token.word
    case 'cap':
      return token.word && /^\p{Lu}/u.test(text)
    case 'num':
      return token.word && (/^\d+$/.test(text) || numberWords.has(norm))
    case 'year':
      return /^(?:1\d|20)\d\d$/.test(text)
    case 'decade':
      return /^\d{2,4}['’]?s$/.test(text)
    case 'period':
      return periods.has(norm)
    case 'month':
      return months.has(norm)
    case 'lang':
      return languages.has(norm)
    default:
      return false
  }
}

/**
 * A zero-width check on the next token in `direction` (the one at `at`):
 * `<eol>` is a line or paragraph edge, `<start>` a sentence start (looking
 * back past opening quotes and brackets), `<end>` a sentence end or a line
 * edge; anything else is matched as a token.
 */
function assertion(atoms: Atom[], tokens: TokenList, at: number, direction: 1 | -1): boolean {
  for (const atom of atoms) {
    if (atom.kind === 'class') {
      if (atom.name === 'eol' && atEdge(tokens, at, direction)) return true
      if (atom.name === 'end' && atEdge(tokens, at, direction)) return true
      if (atom.name === 'start' && direction === -1 && atSentenceStart(tokens, at)) return true
    }

    const token = tokens.get(at)
    if (token && !atEdge(tokens, at, direction) && atomMatches(atom, token)) return true
  }

  return false
}

/** No token at `at` on this line, looking in `direction`. */
function atEdge(tokens: TokenList, at: number, direction: 1 | -1): boolean {
  if (at < 0 || at >= tokens.length) return true
  return direction === 1 ? tokens.get(at)!.breakBefore : tokens.get(at + 1)?.breakBefore === true
}

function atSentenceStart(tokens: TokenList, at: number): boolean {
  let index = at
  while (index >= 0 && !atEdge(tokens, index, -1) && openers.has(tokens.get(index)!.text)) index--
  if (atEdge(tokens, index, -1)) return true
  const token = tokens.get(index)!
  if (!token.word) return stops.has(token.text)
  // The parser glues a full stop to a word before a lower-case word: `ended.`.
  return /\p{Ll}\.$/u.test(token.text) && token.text.indexOf('.') === token.text.length - 1
}

/** What a paragraph needs for `step` to match in it, if that is worth looking for. */
function asFilter(step: TokenStep, lineStart: boolean): RequiredStep | undefined {
  const words: string[] = []
  let digits = false
  for (const atom of step.atoms) {
    if (atom.kind === 'literal') {
      words.push(atom.value)
    } else if (atom.kind === 'class' && atom.name in wordClasses) {
      words.push(...wordClasses[atom.name]!)
    } else if (atom.kind === 'class' && (atom.name === 'year' || atom.name === 'decade')) {
      digits = true
    } else if (atom.kind === 'class' && atom.name === 'num') {
      words.push(...numberWords)
      digits = true
    } else {
      return undefined
    }
  }

  if (!lineStart && words.some((word) => frequentWords.has(word))) return undefined
  return {words, digits, lineStart}
}

/** Read a pattern of `calques.json` into steps, its span and its anchor. */
function compile(entry: CalqueEntry): Compiled {
  const steps: Step[] = []
  let spanFrom = -1
  let spanTo = -1
  let tokenIndex = 0

  for (let part of entry.pattern.split(' ')) {
    if (part.startsWith('[')) {
      spanFrom = steps.length
      part = part.slice(1)
    }

    let closes = false
    if (part.endsWith(']')) {
      closes = true
      part = part.slice(0, -1)
    }

    if (part.startsWith('...')) {
      steps.push({type: 'gap', max: Number(part.slice(3))})
    } else if (part.startsWith('&') || part.startsWith('!')) {
      steps.push({type: 'assert', atoms: atoms(part.slice(1)), negative: part[0] === '!'})
    } else if (part.startsWith('?')) {
      steps.push({type: 'token', atoms: atoms(part.slice(1)), optional: true, index: tokenIndex++})
    } else {
      steps.push({type: 'token', atoms: atoms(part), optional: false, index: tokenIndex++})
    }

    if (closes) spanTo = steps.length - 1
  }

  if (spanFrom < 0 || spanTo < spanFrom) throw new Error(`calque ${entry.id}: no [span]`)

  // The anchor: the first run of required plain words, inside the span if possible.
  const anchor = plainRun(steps, spanFrom, spanTo) ?? plainRun(steps, 0, steps.length - 1)
  if (!anchor) throw new Error(`calque ${entry.id}: no plain word to anchor on`)
  const [anchorFrom, anchorTo] = anchor
  const placed = steps.map((step, position) => ({step, position}))
  const after = placed.slice(anchorTo + 1)
  const before = placed.slice(0, anchorFrom).reverse()
  const required: RequiredStep[] = []
  for (const [position, step] of steps.entries()) {
    if (step.type !== 'token' || step.optional) continue
    // `&<eol> [of …`: the word must open a line (a frequent word will do then).
    const previous = steps[position - 1]
    const lineStart =
      previous?.type === 'assert' &&
      !previous.negative &&
      previous.atoms.length === 1 &&
      previous.atoms[0]!.kind === 'class' &&
      previous.atoms[0]!.name === 'eol'
    const filter = asFilter(step, lineStart)
    if (filter) required.push(filter)
  }

  if (required.length > 32) required.length = 32
  let reach = 0
  for (const step of steps) {
    if (step.type === 'token') reach++
    else if (step.type === 'gap') reach += step.max
  }
  return {entry, steps, spanFrom, spanTo, anchorFrom, anchorTo, after, before, required, reach}
}

function plainRun(steps: Step[], from: number, to: number): [number, number] | undefined {
  for (let start = from; start <= to; start++) {
    if (!isPlain(steps[start]!)) continue
    let end = start
    while (end + 1 <= to && isPlain(steps[end + 1]!)) end++
    return [start, end]
  }

  return undefined
}

function isPlain(step: Step): boolean {
  return (
    step.type === 'token' &&
    !step.optional &&
    step.atoms.every((atom) => atom.kind === 'literal' && !/[^\p{L}\p{N}'-]/u.test(atom.value))
  )
}

function atoms(spec: string): Atom[] {
  return spec.split('|').map((value): Atom => {
    if (value === '*') return {kind: 'any'}
    if (value.startsWith('<') && value.endsWith('>')) return {kind: 'class', name: value.slice(1, -1)}
    return {kind: 'literal', value: normalise(value)}
  })
}

function normalise(word: string): string {
  // Most words are already plain lower-case ASCII: no new string for them.
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code > 127) {
      const lower = word.toLowerCase()
      return lower.includes('’') ? lower.replace(/’/g, "'") : lower
    }
  }

  return word
}

/** A token's text: a word is nearly always one text node, whose value is taken as it is. */
function valueOf(node: RootContent): string {
  if (node.type === 'WordNode') {
    const {children} = node
    const only = children.length === 1 ? children[0]! : undefined
    return only && only.type === 'TextNode' ? only.value : toString(node)
  }

  return 'value' in node ? node.value : toString(node)
}
