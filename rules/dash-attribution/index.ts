/**
 * `dash-attribution`: direct speech punctuated the Russian, Ukrainian or
 * Polish way. Those languages mark speech and its attribution with dashes
 * (`— Это рано, — сказал он.`); machine translation copies the dashes into
 * English, and sometimes drops the comma of an attribution that follows.
 *
 * Flagged, with a fix:
 *
 * - a dash between speech and its attribution:
 *   `…of Russia, — he said.` → `…of Russia, he said.`,
 *   `“We will respond,” – said the minister` → `“We will respond,” said the minister`,
 *   `“It is too early” – he said` → `“It is too early,” he said`,
 *   `“It is too early.” – he said` → `“It is too early,” he said`,
 *   `It is too early - he said.` → `It is too early, he said.`;
 * - the dash that resumes the speech after the attribution:
 *   `…, — he said, — and…` → `…, he said, and…`, `he added: — We…` → `he added: We…`;
 * - an inverted attribution at the end of a sentence without its comma:
 *   `…will discuss this concludes Jerman.` → `…will discuss this, concludes Jerman.`,
 *   `“We will respond” said Peskov.` → `“We will respond,” said Peskov.`,
 *   `“It is too early” he said.` → `“It is too early,” he said.`
 *
 * Flagged without a fix (an editor has to add quotation marks):
 * - a dash after `!`, `?` or `…`: `Why are you alive? - asks Navalny`;
 * - a dash reopening the speech after the attribution (`— he said. — We…`);
 * - `…all will be fine today he said.`: a pronoun attribution without its
 *   comma after a clause that plainly ends there (a time word);
 * - only with the option `unquotedSpeech`, speech that no mark opens: a
 *   quotation mark before the attribution with no quotation open
 *   (`…were there, "he said.`), and a dash opening a line of direct speech
 *   whose attribution is dashed too (`— We will respond, — he said.`).
 *   Post-editors who keep the Russian convention write both, so they are
 *   what the rule would find in well-edited text.
 *
 * Not flagged: dashes as English punctuation — parenthetical dashes
 * (`the next meeting — already the second —`, `— he said —` with no other
 * punctuation), ranges (`1990–1995`), lists and titles (`Russia — Belarus
 * President`, `Karl Marx - Political Theory`), a dash followed by anything
 * but an attribution (`- it's a fraud`, `— I think —`); `what he said.`,
 * `as the minister said.`, `the words he said.`, `the said SMS.`,
 * `authorities said Saturday.`, `the teacher asked John.`
 *
 * An attribution is a verb of saying (`verbs.json`) with its speaker: a
 * pronoun, a name, or an article and a noun (`said the minister`,
 * `the human rights activist concluded`), closed by the end of the sentence,
 * a comma or a colon. The rule reads each paragraph as one run of tokens,
 * because the parser ends a sentence at `.”` and starts the next one at the
 * dash.
 */
import type {Paragraph, Root, RootContent, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {report} from '../../src/rule-kit.js'
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import verbData from './verbs.json' with {type: 'json'}

const ruleId = 'dash-attribution'

const speechVerbs = new Set(verbData.speech.words)
/** After a misplaced quotation mark, thinking verbs attribute speech too: `, "he believes.` */
const quoteVerbs = new Set([...verbData.speech.words, ...verbData.quote.words])
const invertedVerbs = new Set(verbData.inverted.words)
const pronounVerbs = new Set(verbData.pronoun.words)
const roles = new Set(verbData.roles.words)
/** Every verb some finding needs. */
const allVerbs = new Set([...quoteVerbs, ...invertedVerbs, ...pronounVerbs])

const dashes = new Set(['—', '–', '-', '--', '―', '‒', '−', '---'])
const pronouns = new Set(['he', 'she', 'they', 'we', 'i', 'you'])
/** Words that open a speaker described by a noun: `the minister`. */
const determiners = new Set([
  'the', 'a', 'an', 'this', 'that', 'our', 'his', 'her', 'their', 'its', 'my', 'your', 'one'
])
/** Words allowed after `told`/`said`: `he told reporters`, `she said in an interview`. */
const objectWords = new Set([
  'reporters', 'journalists', 'me', 'us', 'him', 'her', 'them', 'to', 'the', 'a', 'an',
  'in', 'on', 'at', 'with', 'interview', 'press', 'conference', 'briefing',
  'correspondent', 'correspondents', 'newspaper', 'agency', 'channel', 'tv', 'radio',
  'website', 'magazine', 'portal', 'service', 'during', 'of', 'statement', 'publication',
  'post', 'blog', 'page', 'facebook', 'twitter', 'telegram', 'his', 'her', 'their', 'its'
])
/**
 * A word right before `said Peskov.` that shows the verb is not an inverted
 * attribution: `the said SMS`, `as said Peskov`, `he has said`, `what said`.
 */
const notBeforeInverted = new Set([
  'the', 'a', 'an', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their',
  'i', 'you', 'he', 'she', 'it', 'we', 'they', 'who', 'whom', 'whose', 'which', 'what', 'one',
  'as', 'so', 'thus', 'than', 'and', 'or', 'but', 'nor', 'if', 'when', 'where', 'while',
  'because', 'how', 'why', 'whether', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
  'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could',
  'may', 'might', 'must', 'also', 'never', 'once', 'already', 'just', 'only', 'then', 'not',
  'ever', 'always', 'often', 'first', 'last', 'of', 'in', 'on', 'at', 'to', 'for', 'with',
  'by', 'from', 'about', 'like', 'here', 'there', 'all', 'everyone', 'everybody', 'nobody',
  'someone', 'somebody', 'anyone', 'people'
])
/**
 * Clause-final words after which `he said.` cannot be the end of a relative
 * or `that` clause (`the words he said`, `I am sure he said`).
 */
const clauseEnds = new Set([
  'today', 'tomorrow', 'yesterday', 'tonight', 'soon', 'again', 'already', 'anymore', 'ago'
])
/** Capitalised words after `said` that are not speakers. */
const notSpeakers = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'ok', 'okay', 'yes', 'no', 'amen', 'hello', 'hi', 'goodbye', 'thanks',
  'mass', 'grace', 'nothing', 'something', 'everything', 'anything'
])
const titles = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sir', 'lady', 'lord'])
/** What goes on after `— he said,` in a copied attribution. */
const participles = new Set([
  'adding', 'noting', 'stressing', 'explaining', 'emphasizing', 'emphasising', 'recalling',
  'concluding', 'continuing', 'insisting', 'specifying', 'clarifying', 'pointing'
])
const sentenceEnds = new Set(['.', '!', '?', '…', '...', ';', '?!', '!?'])
const closingQuotes = new Set(['”', '"', '»'])

/**
 * A quick no for most words before a look-up in a set of plain ASCII
 * words: remembers their lengths and first two letters (lower-cased).
 * A word that starts with other characters always passes; lower-casing
 * never changes the length of a word whose result is ASCII.
 */
class WordGate {
  private readonly bits = new Uint32Array(1 << 14)

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const key = gateKey(word)
      if (key < 0) throw new Error(`dash-attribution: not a plain ASCII word: ${word}`)
      this.bits[key >>> 5]! |= 1 << (key & 31)
    }
  }

  mayHave(word: string): boolean {
    const key = gateKey(word)
    return key < 0 || (this.bits[key >>> 5]! & (1 << (key & 31))) !== 0
  }
}

/** Length (up to 31) and first two characters lower-cased; -1 past ASCII. */
function gateKey(word: string): number {
  let first = word.charCodeAt(0)
  let second = word.length > 1 ? word.charCodeAt(1) : 0
  if (first >= 128 || second >= 128) return -1
  if (first >= 65 && first <= 90) first += 32
  if (second >= 65 && second <= 90) second += 32
  return (Math.min(word.length, 31) << 14) | (first << 7) | second
}

/** Turns away most words before a look-up in the verb lists. */
const verbGate = new WordGate(allVerbs)

export interface DashAttributionOptions {
  /**
   * Also flag speech that no mark opens (default false): a quotation mark
   * before the attribution with no quotation open in the paragraph
   * (`…were there, "he said.`), and a dash opening a line of dialogue
   * (`— We will respond, — he said.`). Neither can be fixed where it stands
   * (an editor has to find where the speech begins), and post-editors who
   * keep the Russian convention write both, so in well-edited text these
   * are the findings that fire.
   */
  unquotedSpeech?: boolean
}

export default function dashAttribution(options?: DashAttributionOptions) {
  const unquotedSpeech = options?.unquotedSpeech === true
  return function (tree: Root, file: VFile) {
    const text = String(file)
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode' || !mayHoldFinding(paragraph)) continue
      tokenize(paragraph.children, tokenList)
      new ParagraphScan(file, text, tokenList, unquotedSpeech).run()
    }

    tokenList.release()
  }
}

/** A token of the paragraph; the objects are reused from paragraph to paragraph. */
class Token {
  kind: 'word' | 'punct' | 'space' | 'other' = 'other'
  text = ''
  start = 0
  end = 0
}

/**
 * The tokens of one paragraph, in token objects kept for the next one:
 * building them allocates nothing once the list is as long as the longest
 * paragraph so far.
 */
class TokenList {
  length = 0
  /** The most tokens since the last `release`. */
  private used = 0
  private readonly items: Token[] = []

  /** The token at `index`, or undefined outside the paragraph. */
  get(index: number): Token | undefined {
    return index >= 0 && index < this.length ? this.items[index] : undefined
  }

  clear(): void {
    this.length = 0
  }

  /**
   * Let go of every token's text once a piece is read: held by these
   * long-lived objects, they would outlive the piece's tree.
   */
  release(): void {
    for (let index = 0; index < this.used; index++) this.items[index]!.text = ''
    this.used = 0
    this.length = 0
  }

  add(kind: Token['kind'], text: string, start: number, end: number): void {
    let token = this.items[this.length]
    if (!token) {
      token = new Token()
      this.items.push(token)
    }

    token.kind = kind
    token.text = text
    token.start = start
    token.end = end
    if (++this.length > this.used) this.used = this.length
  }
}

const tokenList = new TokenList()

/** Where an attribution ends: the token that closes it and how. */
interface Attribution {
  /** Index of the closing token (`.`, `,`, `:`), or -1 at a line end. */
  close: number
  how: 'end' | 'comma' | 'colon' | 'line'
  /** What follows the verb: nothing, names (`told Interfax`), or other words. */
  object: 'none' | 'names' | 'other'
}

class ParagraphScan {
  /** Lines (by the index of their first token) with a dashed attribution. */
  private readonly dialogueLines = new Set<number>()
  private readonly lineOpeners: number[] = []
  private readonly done = new Set<number>()
  private lineStarts: Int32Array | undefined

  constructor(
    private readonly file: VFile,
    private readonly text: string,
    private readonly tokens: TokenList,
    /** Whether speech that no mark opens is flagged: see the options. */
    private readonly unquotedSpeech: boolean
  ) {}

  run(): void {
    const {tokens} = this
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens.get(index)!
      if (token.kind === 'word') this.trailing(index)
      else if (token.kind === 'space' || !mayBeMark(token.text.charCodeAt(0))) continue
      else if (token.kind === 'punct' && dashes.has(token.text)) this.dash(index)
      else if (token.text === '"' || token.text === '“') this.misplacedQuote(index)
    }

    if (!this.unquotedSpeech) return
    for (const index of this.lineOpeners) {
      if (!this.dialogueLines.has(index)) continue
      const token = tokens.get(index)!
      report(this.file, {
        ruleId,
        reason:
          'A dash opens this line of direct speech, as in Russian: English puts the speech in quotation marks',
        start: token.start,
        end: token.end,
        fix: false
      })
    }
  }

  private dash(index: number): void {
    if (this.done.has(index)) return
    const {tokens} = this
    const before = this.previous(index)
    const after = this.next(index)
    if (after === -1 || this.lineBreakBetween(index, after)) return

    if (before === -1 || this.lineBreakBetween(before, index)) {
      this.lineOpeners.push(index)
      return
    }

    // `he added: — We will…`
    if (tokens.get(before)!.text === ':' && this.isSpeechVerbAt(this.previous(before))) {
      this.resume(before, index)
      return
    }

    if (tokens.get(after)!.kind !== 'word') return
    const attribution = this.attribution(after)
    if (!attribution) return
    const left = this.cluster(before)
    if (!left) return
    const {start, clusterText, wordEnd} = left
    const bare = clusterText === '' || clusterText === '.'

    if (bare && (attribution.object === 'other' || attribution.how === 'colon')) return
    // `He paused — he said, later, that…` is an English dash before a
    // clause; `It is early - he said, - and…`, `- he said, adding…` and
    // `- he said, and added: -` are not.
    if (bare && attribution.how === 'comma' && !this.continuesSpeech(attribution.close)) return

    let replacement: string | undefined
    if (clusterText === '') replacement = ', '
    else if (clusterText === '.') replacement = ', '
    else if (/^[”"»]?,[”"»]?$/.test(clusterText)) replacement = clusterText + ' '
    else if (closingQuotes.has(clusterText)) replacement = ',' + clusterText + ' '
    else if (/^\.[”"»]$/.test(clusterText)) replacement = ',' + clusterText.slice(1) + ' '
    else if (/^(?:[!?…]|\.\.\.){1,3}[”"»]$/.test(clusterText)) replacement = clusterText + ' '
    else if (!/^(?:[!?…]|\.\.\.){1,3}$/.test(clusterText)) return

    const spanStart = clusterText === '' ? wordEnd : start
    const spanEnd = tokens.get(after)!.start
    this.done.add(index)
    this.dialogueLines.add(this.lineStart(index))

    if (replacement === undefined) {
      report(this.file, {
        ruleId,
        reason:
          'A dash between direct speech and its attribution, as in Russian: English puts the speech in quotation marks (`“Why?” asked Navalny`)',
        start: spanStart,
        end: spanEnd,
        expected: [clusterText + ' '],
        fix: false
      })
    } else {
      report(this.file, {
        ruleId,
        reason:
          'A dash between direct speech and its attribution, as in Russian: English uses a comma (`…, he said`)',
        start: spanStart,
        end: spanEnd,
        expected: [replacement],
        fix: true
      })
    }

    this.afterAttribution(attribution)
  }

  /**
   * `…to shout like that, "she said.`: machine translation turned the
   * Russian `, — сказала она` (or `», — сказала`) into a quotation mark
   * before the attribution. English closes the quotation before it:
   * `…like that," she said.`
   */
  private misplacedQuote(quote: number): void {
    const {tokens} = this
    const mark = quote - 2
    const space = tokens.get(quote - 1)
    const word = tokens.get(quote + 1)
    if (mark < 1 || !space || space.kind !== 'space' || space.text !== ' ') return
    if (!word || word.kind !== 'word' || word.start !== tokens.get(quote)!.end) return
    const punctuation = tokens.get(mark)!
    if (!/^(?:[,.!?…]|\.\.\.)$/.test(punctuation.text) || tokens.get(mark - 1)!.kind !== 'word') return
    if (tokens.get(mark - 1)!.end !== punctuation.start) return
    // `. "He said…` may open a new quotation; `. "he said.` cannot.
    if (punctuation.text === '.' && !isLowerCase(word.text)) return
    const attribution = this.attribution(quote + 1, quoteVerbs)
    if (!attribution || attribution.object === 'other' && attribution.how !== 'end') return

    const open = this.quoteIsOpen(quote)
    if (!open && !this.unquotedSpeech) return
    const comma = punctuation.text === '.' ? ',' : punctuation.text
    report(this.file, {
      ruleId,
      reason: open
        ? 'The closing quotation mark stands after the space, before the attribution: English closes the speech before it (`…like that," she said`)'
        : 'A quotation mark before the attribution, where Russian has `, —`: English puts the speech in quotation marks and closes them before the attribution (`“…like that,” she said`)',
      start: punctuation.start,
      end: tokens.get(quote)!.end,
      expected: [comma + tokens.get(quote)!.text.replace('“', '”') + ' '],
      fix: open,
      note: open ? undefined : 'Add the opening quotation mark where the speech begins.'
    })

    // `…fight, "he continued." And you…` → `…fight," he continued. "And you…`
    if (attribution.how !== 'end' || attribution.close === -1) return
    const reopen = attribution.close + 1
    const after = tokens.get(reopen + 2)
    if (
      open &&
      tokens.get(reopen)?.text === tokens.get(quote)!.text.replace('“', '”') &&
      tokens.get(reopen)!.start === tokens.get(attribution.close)!.end &&
      tokens.get(reopen + 1)?.text === ' ' &&
      after?.kind === 'word' &&
      /^\p{Lu}/u.test(after.text)
    ) {
      const opening = tokens.get(quote)!.text
      report(this.file, {
        ruleId,
        reason: 'The quotation mark that reopens the speech stands before the space: `he continued. "And you…`',
        start: tokens.get(attribution.close)!.start,
        end: after.start,
        expected: [tokens.get(attribution.close)!.text + ' ' + opening],
        fix: true
      })
    }
  }

  /** Whether a quotation is open in this paragraph before token `at`. */
  private quoteIsOpen(at: number): boolean {
    let straight = 0
    let curly = 0
    for (let index = 0; index < at; index++) {
      const text = this.tokens.get(index)!.text
      if (text === '"') straight++
      else if (text === '“') curly++
      else if (text === '”') curly--
    }

    return straight % 2 === 1 || curly > 0
  }

  /** The dash that goes on with the speech after `he said,` or `he said.`. */
  private afterAttribution(attribution: Attribution): void {
    if (attribution.close === -1) return
    const next = this.next(attribution.close)
    if (next === -1 || this.lineBreakBetween(attribution.close, next)) return
    const token = this.tokens.get(next)!
    if (token.kind !== 'punct' || !dashes.has(token.text)) return

    if (attribution.how === 'comma' || attribution.how === 'colon') {
      this.resume(attribution.close, next)
    } else if (this.tokens.get(attribution.close)!.text === '.') {
      const speech = this.next(next)
      if (speech === -1 || this.lineBreakBetween(next, speech)) return
      this.done.add(next)
      report(this.file, {
        ruleId,
        reason:
          'A dash reopens the direct speech after its attribution, as in Russian: English puts the speech in quotation marks',
        start: token.start,
        end: token.end,
        fix: false
      })
    }
  }

  /** `, — and it is good` / `: — We will…` after an attribution: drop the dash. */
  private resume(mark: number, dash: number): void {
    const speech = this.next(dash)
    if (speech === -1 || this.lineBreakBetween(dash, speech)) return
    const {tokens} = this
    if (tokens.get(speech)!.kind !== 'word' && !/^[“"«‘]$/.test(tokens.get(speech)!.text)) return
    this.done.add(dash)
    report(this.file, {
      ruleId,
      reason:
        'A dash that resumes direct speech after its attribution, as in Russian: English needs no dash here',
      start: tokens.get(mark)!.start,
      end: tokens.get(speech)!.start,
      expected: [tokens.get(mark)!.text + ' '],
      fix: true
    })
  }

  /**
   * An attribution starting at word `first`: `he said`, `said the
   * minister`, `Zherebenkov told Interfax`, closed by `.`, `,`, `:` or the
   * end of the line.
   */
  private attribution(first: number, verbs: Set<string> = speechVerbs): Attribution | undefined {
    const words = this.wordRun(first, 10)
    const texts = words.map((index) => this.tokens.get(index)!.text)
    const lower = texts.map((word) => word.toLowerCase())
    const closing = this.closing(words[words.length - 1]!)
    if (!closing) return undefined

    // Verb first: `said the minister`, `concluded the human rights activist`.
    if (isLowerCase(texts[0]!) && verbs.has(lower[0]!)) {
      const speaker = texts.slice(1)
      if (isSpeaker(speaker)) return {...closing, object: 'none'}
      return undefined
    }

    // Speaker first: `he said`, `Zherebenkov told Interfax`, `the minister added`.
    for (let verb = 1; verb <= 5 && verb < texts.length; verb++) {
      if (!isLowerCase(texts[verb]!) || !verbs.has(lower[verb]!)) continue
      if (!isSpeaker(texts.slice(0, verb), true)) return undefined
      const object = texts.slice(verb + 1)
      if (object.length > 4) return undefined
      if (object.length === 0) return {...closing, object: 'none'}
      if (object.every(isNameWord)) return {...closing, object: 'names'}
      if (object.every((word) => objectWords.has(word.toLowerCase()) || isNameWord(word))) {
        return {...closing, object: 'other'}
      }

      return undefined
    }

    return undefined
  }

  /** How the word run ending at `last` is closed, if it is closed at all. */
  private closing(last: number): {close: number; how: Attribution['how']} | undefined {
    const next = this.next(last)
    if (next === -1 || this.lineBreakBetween(last, next)) return {close: -1, how: 'line'}
    const token = this.tokens.get(next)!
    if (token.kind !== 'punct' || token.start !== this.tokens.get(last)!.end) return undefined
    if (sentenceEnds.has(token.text)) return {close: next, how: 'end'}
    if (token.text === ',') return {close: next, how: 'comma'}
    if (token.text === ':') return {close: next, how: 'colon'}
    return undefined
  }

  /**
   * The punctuation between the speech and the dash (`,`, `”`, `.”`, `!`…),
   * read back from the dash: its start, its text, and where the last word
   * of the speech ends.
   */
  private cluster(before: number): {start: number; clusterText: string; wordEnd: number} | undefined {
    const {tokens} = this
    const last = tokens.get(before)!

    if (last.kind === 'word') {
      // The parser glues a full stop to the word before a dash: `early.`.
      if (last.text.endsWith('.')) {
        if (last.text.indexOf('.') !== last.text.length - 1) return undefined
        return {start: last.end - 1, clusterText: '.', wordEnd: last.end - 1}
      }

      return {start: last.end, clusterText: '', wordEnd: last.end}
    }

    // Punctuation glued together and to the last word of the speech.
    let index = before
    let start = last.end
    while (index >= 0 && tokens.get(index)!.kind === 'punct' && tokens.get(index)!.end === start) {
      if (dashes.has(tokens.get(index)!.text)) return undefined
      start = tokens.get(index)!.start
      index--
    }

    const word = tokens.get(index)
    if (index === before || !word || word.kind !== 'word' || word.end !== start) return undefined
    return {start, clusterText: this.text.slice(start, last.end), wordEnd: word.end}
  }

  /**
   * `…will discuss this concludes Jerman.`, `“We will respond” said Peskov.`,
   * `“It is too early” he said.`: an attribution after its clause with no
   * comma, at the end of the sentence.
   */
  private trailing(verb: number): void {
    const {tokens} = this
    const word = tokens.get(verb)!
    if (!isLowerCase(word.text) || !verbGate.mayHave(word.text)) return
    const lower = lowerCase(word.text)

    if (invertedVerbs.has(lower)) {
      const speaker = this.wordRun(verb + 1, 5, true)
      // The sentence ends after the speaker, and the clause before could
      // take a comma; only then is the speaker looked at (a dictionary
      // look-up). With a speaker after the verb, the pronoun reading below
      // cannot apply either way.
      const closing = speaker.length > 0 ? this.closing(speaker[speaker.length - 1]!) : undefined
      if (
        closing &&
        (closing.how === 'end' || closing.how === 'line') &&
        this.commaTarget(verb, 3, false) !== undefined &&
        isInvertedSpeaker(speaker.map((index) => tokens.get(index)!.text))
      ) {
        this.missingComma(verb, 3, false)
        return
      }
    }

    if (pronounVerbs.has(lower)) {
      const subject = this.previous(verb)
      if (subject === -1 || tokens.get(subject)!.kind !== 'word') return
      const pronoun = tokens.get(subject)!.text
      if (!pronouns.has(pronoun.toLowerCase()) || pronoun === 'You' || (pronoun !== 'I' && !isLowerCase(pronoun))) return
      if (tokens.get(subject)!.end + 1 !== word.start) return
      const closing = this.closing(verb)
      if (!closing || (closing.how !== 'end' && closing.how !== 'line')) return
      this.missingComma(subject, 4, true)
    }
  }

  /** Report the missing comma before the attribution starting at `first`. */
  private missingComma(first: number, minimumWords: number, pronoun: boolean): void {
    const target = this.commaTarget(first, minimumWords, pronoun)
    if (target === undefined) return
    if (typeof target === 'number') {
      this.quoteWithoutComma(target)
      return
    }

    report(this.file, {
      ruleId,
      reason: pronoun
        ? 'The attribution at the end of this sentence has no comma before it: `…today, he said.`'
        : 'The attribution at the end of this sentence has no comma before it: `…will discuss this, concludes Jerman.`',
      start: target.start,
      end: target.end,
      expected: [target.text + ','],
      // `he said` after a clause can still close a `that` clause; the
      // inverted form cannot.
      fix: !pronoun
    })
  }

  /**
   * Where the comma before the attribution starting at `first` would go:
   * after the word before it (returned), or inside a closing quotation mark
   * (its index); undefined when the clause does not allow one.
   */
  private commaTarget(first: number, minimumWords: number, pronoun: boolean): Token | number | undefined {
    const {tokens} = this
    const space = first - 1
    if (space < 1 || tokens.get(space)!.kind !== 'space' || tokens.get(space)!.text !== ' ') return undefined
    const before = tokens.get(space - 1)!
    if (before.kind === 'punct' && closingQuotes.has(before.text)) return space - 1
    if (before.kind !== 'word' || !/^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.test(before.text)) return undefined
    const lower = before.text.toLowerCase()
    if (notBeforeInverted.has(lower)) return undefined
    if (pronoun && !clauseEnds.has(lower)) return undefined
    if (!pronoun && lower.endsWith('ly')) return undefined
    if (this.wordsSinceSentenceStart(space - 1) < minimumWords) return undefined
    return before
  }


  /** `“We will respond” said Peskov.` → `“We will respond,” said Peskov.` */
  private quoteWithoutComma(quote: number): void {
    const {tokens} = this
    const closing = tokens.get(quote)!
    let start = closing.start
    let word = quote - 1
    if (word >= 0 && tokens.get(word)!.text === '.' && tokens.get(word)!.end === start) {
      start = tokens.get(word)!.start
      word--
    }

    if (word < 0 || tokens.get(word)!.kind !== 'word' || tokens.get(word)!.end !== start) return
    // The quotation must open the sentence: otherwise `the word “no” she
    // said` is a quoted word in a relative clause.
    if (!this.quotationOpensSentence(word, closing.text)) return

    report(this.file, {
      ruleId,
      reason: 'Direct speech followed by its attribution takes a comma inside the closing quotation mark',
      start,
      end: closing.end,
      expected: [',' + closing.text],
      fix: true
    })
  }

  private quotationOpensSentence(from: number, closing: string): boolean {
    const {tokens} = this
    const opening = closing === '”' ? '“' : closing === '»' ? '«' : '"'
    for (let index = from, seen = 0; index >= 0 && seen < 120; index--, seen++) {
      const token = tokens.get(index)!
      if (token.kind === 'space' && token.text.includes('\n')) return false
      if (token.kind !== 'punct') continue
      if (token.text === opening) {
        const before = this.previous(index)
        return (
          before === -1 ||
          this.lineBreakBetween(before, index) ||
          sentenceEnds.has(tokens.get(before)!.text) ||
          /[.!?]$/.test(tokens.get(before)!.text)
        )
      }

      if (closingQuotes.has(token.text) || token.text === '“') return false
    }

    return false
  }

  private wordsSinceSentenceStart(from: number): number {
    const {tokens} = this
    let count = 0
    for (let index = from; index >= 0 && count < 50 && from - index < 200; index--) {
      const token = tokens.get(index)!
      if (token.kind === 'space' && token.text.includes('\n')) break
      if (token.kind === 'punct' && sentenceEnds.has(token.text)) break
      if (token.kind === 'word') {
        if (index !== from && /[a-z]\.$/.test(token.text) && token.text.indexOf('.') === token.text.length - 1) break
        count++
      }
    }

    return count
  }

  /** Whether the text after an attribution's comma goes on Russian-style. */
  private continuesSpeech(comma: number): boolean {
    const next = this.next(comma)
    if (next === -1) return false
    const token = this.tokens.get(next)!
    if (token.kind === 'punct') return dashes.has(token.text)
    if (participles.has(token.text)) return true
    // `— he said, and added: — …`
    const verb = this.tokens.get(next + 2)
    return token.text === 'and' && verb?.kind === 'word' && pronounVerbs.has(verb.text)
  }

  /** `added` in `he added: — We…` (not `note` in `Note: — see below`). */
  private isSpeechVerbAt(index: number): boolean {
    if (index === -1) return false
    const token = this.tokens.get(index)!
    return (
      token.kind === 'word' &&
      (pronounVerbs.has(token.text) || invertedVerbs.has(token.text))
    )
  }

  /** Consecutive words from `first`, separated by single spaces, on one line. */
  private wordRun(first: number, limit: number, skipSpace = false): number[] {
    const {tokens} = this
    let index = first
    if (skipSpace) {
      if (tokens.get(index)?.kind !== 'space' || tokens.get(index)!.text !== ' ') return []
      index++
    }

    const words: number[] = []
    while (index < tokens.length && words.length < limit) {
      if (tokens.get(index)!.kind !== 'word') break
      words.push(index)
      const space = tokens.get(index + 1)
      if (!space || space.kind !== 'space' || space.text !== ' ') break
      if (tokens.get(index + 2)?.kind !== 'word') break
      index += 2
    }

    return words
  }

  /** The first non-space token of the line of each token, in one pass. */
  private lineStart(index: number): number {
    if (!this.lineStarts) {
      this.lineStarts = new Int32Array(this.tokens.length)
      let start = -1
      for (let at = 0; at < this.tokens.length; at++) {
        const token = this.tokens.get(at)!
        if (token.kind === 'space') {
          if (token.text.includes('\n')) start = -1
        } else if (start === -1) {
          start = at
        }

        this.lineStarts[at] = start
      }
    }

    return this.lineStarts[index]!
  }

  private previous(index: number): number {
    let at = index - 1
    while (at >= 0 && this.tokens.get(at)!.kind === 'space') at--
    return at
  }

  private next(index: number): number {
    let at = index + 1
    while (at < this.tokens.length && this.tokens.get(at)!.kind === 'space') at++
    return at < this.tokens.length ? at : -1
  }

  private lineBreakBetween(from: number, to: number): boolean {
    for (let at = from + 1; at < to; at++) {
      if (this.tokens.get(at)!.text.includes('\n')) return true
    }

    return false
  }
}

/**
 * Whether `words` name a speaker: a pronoun, a name (`Peskov`, `Dm.Bykov`,
 * `Konstantin Eggert`), or an article and a noun phrase (`the human rights
 * activist`). Before the verb a name is at most three words.
 */
function isSpeaker(words: string[], beforeVerb = false): boolean {
  if (words.length === 0) return false
  const first = words[0]!
  if (words.length === 1 && pronouns.has(first.toLowerCase())) {
    return first === 'I' || isLowerCase(first)
  }

  if (words.length <= (beforeVerb ? 3 : 4) && words.every(isNameWord)) return true
  return (
    determiners.has(first) &&
    words.length >= 2 &&
    words.length <= (beforeVerb ? 5 : 6) &&
    !pronouns.has(words[1]!.toLowerCase())
  )
}

/** After an inverted verb: a name (`Jerman`, `Mr Smith`) or `the minister`. */
function isInvertedSpeaker(words: string[]): boolean {
  const first = words[0]!
  if (determiners.has(first) && first !== 'one' && first !== 'that' && first !== 'this') {
    return words.length >= 2 && words.length <= 4 && roles.has(words[words.length - 1]!.toLowerCase())
  }

  if (words.length > 3 || !words.every(isNameWord)) return false
  if (titles.has(first.toLowerCase())) return words.length >= 2
  if (notSpeakers.has(first.toLowerCase())) return false
  return !isCommonWord(first) || isDictionaryName(first)
}

/** A capitalised word that can be (part of) a name: `Peskov`, `Dm.Bykov`, `RIA`. */
function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}.'’-]*$/u.test(word) && !/['’]s$/.test(word)
}

function isLowerCase(word: string): boolean {
  const first = word.charCodeAt(0)
  if (first >= 97 && first <= 122) return true
  if (first < 128) return false
  return word.length > 0 && word[0] === word[0]!.toLowerCase() && word[0] !== word[0]!.toUpperCase()
}

/**
 * Whether `paragraph` can hold a finding, read off the tree without
 * building tokens. Every finding needs a verb of saying: in the run of
 * words right after a dash or quotation mark (an attribution: a speaker of
 * at most five words, then the verb), right before `:` and a dash
 * (`he added: — We…`), or after a word or closing quotation mark without a
 * comma (`…this concludes Jerman`, `…today he said`). Most paragraphs have
 * none of these.
 */
function mayHoldFinding(paragraph: Paragraph): boolean {
  const scan = prefilter.reset()
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      if (scan.other(child)) return true
      continue
    }

    const nodes = child.children
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!
      if (node.type !== 'WordNode') {
        if (scan.other(node)) return true
        continue
      }

      const value = wordValue(node)
      const lower = verbGate.mayHave(value) ? lowerCase(value) : ''
      const verb = lower !== '' && allVerbs.has(lower)
      if (scan.word(value, verb)) return true
      if (!verb) continue
      if (invertedVerbs.has(lower) && mayTrailInverted(nodes, index)) return true
      if (pronounVerbs.has(lower) && mayTrailPronoun(nodes, index)) return true
    }
  }

  return false
}

/** What `mayHoldFinding` has just seen, token by token. */
class PrefilterState {
  /** Words in the unbroken run after the last dash or quotation mark, or -1. */
  private runAfterMark = -1
  /** Whether the run's first word can open a speaker: a pronoun, a capital, a determiner. */
  private speaker = false
  /** Whether the run must follow its mark with no space (a misplaced quotation mark). */
  private glued = false
  /** 1 after a verb, 2 after the verb and `:` (spaces aside), else 0. */
  private verbColon = 0
  /** The last token ended speech (`,` `.` `!` `?` `…`); the last two were that and a space. */
  private lastEnds = false
  private endThenSpace = false

  reset(): this {
    this.runAfterMark = -1
    this.speaker = false
    this.glued = false
    this.verbColon = 0
    this.lastEnds = false
    this.endThenSpace = false
    return this
  }

  /** A word; whether it is a verb that may end an attribution after a mark. */
  word(value: string, verb: boolean): boolean {
    this.verbColon = verb ? 1 : 0
    this.lastEnds = false
    this.endThenSpace = false
    if (this.runAfterMark < 0) return false
    if (this.runAfterMark === 0) this.speaker = mayOpenAttribution(value)
    this.glued = false
    this.runAfterMark++
    // `— said the minister`, or `— the minister said` (a speaker of at most five words).
    if (verb && (this.runAfterMark === 1 || (this.speaker && this.runAfterMark <= 6))) return true
    if (this.runAfterMark > 6) this.runAfterMark = -1
    return false
  }

  /** Any other token; whether it is a dash after `said:`. */
  other(node: RootContent): boolean {
    if (node.type === 'WhiteSpaceNode') {
      // An attribution does not go on past a line end, nor past a space
      // after a misplaced quotation mark.
      if ((node.value !== ' ' && node.value.includes('\n')) || this.glued) this.runAfterMark = -1
      this.endThenSpace = this.lastEnds && node.value === ' '
      this.lastEnds = false
      return false
    }

    const value = 'value' in node ? node.value : ''
    if (isMark(value)) {
      if (this.verbColon === 2) return true
      // `…there, "he said`: a quotation mark after a space after the speech.
      const quote = value === '"' || value === '“'
      this.runAfterMark = quote && !this.endThenSpace ? -1 : 0
      this.glued = quote
      this.verbColon = 0
    } else {
      this.verbColon = this.verbColon === 1 && value === ':' ? 2 : 0
      this.runAfterMark = -1
    }

    this.lastEnds = endsSpeech.has(value)
    this.endThenSpace = false
    return false
  }
}

/** One state for every paragraph: nothing is allocated per paragraph. */
const prefilter = new PrefilterState()

/** Marks that can end the speech before a misplaced quotation mark. */
const endsSpeech = new Set([',', '.', '!', '?', '…', '...'])

/** A pronoun, a capitalised word or a determiner: what a speaker starts with. */
function mayOpenAttribution(value: string): boolean {
  const first = value.charCodeAt(0)
  if ((first >= 65 && first <= 90) || first >= 128) return true
  const lower = lowerCase(value)
  return pronouns.has(lower) || determiners.has(value)
}

/**
 * `…this concludes Jerman`: a word or closing quote, a space, the verb, a
 * space, and a speaker: a capitalised word or a determiner.
 */
function mayTrailInverted(nodes: readonly SentenceContent[], verb: number): boolean {
  return (
    holds(nodes, verb + 1, isSingleSpace) &&
    holds(nodes, verb + 2, mayOpenSpeaker) &&
    holds(nodes, verb - 1, isSingleSpace) &&
    endsClause(nodes, verb - 2, false)
  )
}

function mayOpenSpeaker(node: SentenceContent): boolean {
  if (node.type !== 'WordNode') return false
  const value = wordValue(node)
  const first = value.charCodeAt(0)
  // A capital (`Jerman`, `Ms Smith`), or `the minister` (not `that`, `this`, `one`).
  return (
    (first >= 65 && first <= 90) ||
    first >= 128 ||
    (determiners.has(value) && value !== 'that' && value !== 'this' && value !== 'one')
  )
}

/** `…today he said`: a time word or closing quote, a space, a pronoun, a space, the verb. */
function mayTrailPronoun(nodes: readonly SentenceContent[], verb: number): boolean {
  return (
    holds(nodes, verb - 1, (node) => node.type === 'WhiteSpaceNode') &&
    holds(nodes, verb - 2, (node) => node.type === 'WordNode' && pronouns.has(lowerCase(wordValue(node)))) &&
    holds(nodes, verb - 3, isSingleSpace) &&
    endsClause(nodes, verb - 4, true)
  )
}

/** `test` on the node at `index`; true past the sentence's edges, where the token is elsewhere. */
function holds(
  nodes: readonly SentenceContent[],
  index: number,
  test: (node: SentenceContent) => boolean
): boolean {
  const node = nodes[index]
  return node === undefined || test(node)
}

/**
 * Whether the node at `index` can end the clause before a trailing
 * attribution: a word, or a closing quotation mark after a word or `.`
 * (`…respond" said Peskov`); true past the sentence's edges.
 */
function endsClause(nodes: readonly SentenceContent[], index: number, pronoun: boolean): boolean {
  const node = nodes[index]
  if (node === undefined) return true
  if (node.type === 'WordNode') {
    const lower = lowerCase(wordValue(node))
    // After `as`, `has`, `what`…, or an adverb, the verb is part of the clause.
    if (!pronoun) return !notBeforeInverted.has(lower) && !lower.endsWith('ly')
    return clauseEnds.has(lower)
  }

  if (!('value' in node) || !closingQuotes.has(node.value)) return false
  return holds(nodes, index - 1, (before) => before.type === 'WordNode' || ('value' in before && before.value === '.'))
}

function isSingleSpace(node: SentenceContent): boolean {
  return node.type === 'WhiteSpaceNode' && node.value === ' '
}

/** A dash or a quotation mark that can stand for one. */
function isMark(value: string): boolean {
  return mayBeMark(value.charCodeAt(0)) && (dashes.has(value) || value === '"' || value === '“')
}

/** Whether a token starting with `code` can be a dash or `"`, `“`: most are not. */
function mayBeMark(code: number): boolean {
  return code === 0x2d || code === 0x22 || (code >= 0x2012 && code <= 0x2015) || code === 0x201c || code === 0x2212
}

/**
 * `toLowerCase`, without a new string for a word already in lower case
 * (most are; the document is often a two-byte string, where
 * `toLowerCase` always copies).
 */
function lowerCase(word: string): string {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code > 127) return word.toLowerCase()
  }

  return word
}

/** A word's text: nearly always its one text node. */
function wordValue(node: Word): string {
  const only = node.children.length === 1 ? node.children[0]! : undefined
  return only && only.type === 'TextNode' ? only.value : toString(node)
}

/** The paragraph's tokens in order into `tokens`, sentences flattened. */
function tokenize(children: readonly RootContent[], tokens: TokenList): void {
  tokens.clear()
  addTokens(children, tokens)
}

function addTokens(nodes: readonly RootContent[], tokens: TokenList): void {
  for (const node of nodes) {
    if (node.type === 'SentenceNode') {
      addTokens(node.children, tokens)
      continue
    }

    const position = node.position
    if (!position || position.start.offset === undefined || position.end.offset === undefined) continue
    const kind =
      node.type === 'WordNode'
        ? 'word'
        : node.type === 'WhiteSpaceNode'
          ? 'space'
          : node.type === 'PunctuationNode' || node.type === 'SymbolNode'
            ? 'punct'
            : 'other'
    const text = node.type === 'WordNode' ? wordValue(node) : 'value' in node ? node.value : toString(node)
    tokens.add(kind, text, position.start.offset, position.end.offset)
  }
}
