/**
 * `name-consistency`: one name spelled two ways in one document.
 *
 * Machine translation (and the people who edit it) transliterate the same
 * Cyrillic name differently from one sentence to the next: `Lukashenka` ×6
 * and `Lukashenko` ×5 in one article; `Alexey`/`Aleksei`/`Alexei`;
 * `Zelensky`/`Zelenskyy`/`Zelenskiy`. The rule groups the document's
 * capitalised name words by a transliteration-aware key
 * (`transliteration.json`: ks/x, kh/h, tz/ts, ye/e, y/i, -iy/-yy/-y,
 * Belarusian -ka / Russian -ko …) and proposes the spelling the document uses
 * most (ties: the one used first) for the others. A possessive keeps its
 * `'s` (`Lukashenko’s` → `Lukashenka’s`): only the name is replaced.
 *
 * A name written as one word and as two (`He Lifeng` / `He Li Feng`,
 * `Vietnam` / `Viet Nam`) is one name too, when the name word before it is
 * the same (`by Li Feng` is not `He Lifeng`); a tie there is flagged
 * without a fix.
 *
 * Not flagged:
 * - different names that merely look alike: the key never touches a final
 *   a/o/e (`Ivanov`/`Ivanova`, `Maria`/`Mario`, `Zelensky`/`Zelenska`,
 *   `Tikhanovsky`/`Tikhanovskaya`), except the -ka/-ko of long surnames;
 * - two spellings the dictionary knows as names (`Henry`/`Henri`,
 *   `Brian`/`Bryan`): established names of different people;
 * - common words (`Marks`), short names (keys under five letters: `Yuri`),
 *   ALL CAPS;
 * - a spelling used consistently, whatever it is (`Babariko` is not
 *   changed to `Babaryka` unless the document also writes `Babaryka`).
 *
 * One pass collects the spellings of every key (a hash map), a second
 * reports: linear in the document, no comparison of names with each other.
 */
import type {Root, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhasedRule, report} from '../../src/rule-kit.js'
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import transliteration from './transliteration.json' with {type: 'json'}

const ruleId = 'name-consistency'

const steps = transliteration.steps.map((step) => ({
  pattern: new RegExp(step.pattern, 'gu'),
  replacement: step.replacement
}))
const minimumKeyLength = transliteration.minimumKeyLength

/**
 * A name word: capitalised, then lower-case letters only; no name is longer
 * than 40 letters (the cap also keeps the key's patterns linear).
 */
const nameWord = /^\p{Lu}\p{Ll}{3,39}$/u
/** A capitalised word that may be half of a name written as two (`Li`). */
const capitalWord = /^\p{Lu}\p{Ll}{1,39}$/u

interface Spelling {
  count: number
  /** Offset of its first use (for ties). */
  first: number
  /** Written as two words (`Fang Fang`). */
  pair: boolean
}

type Groups = Map<string, Map<string, Spelling>>

interface Choice {
  /** The most used spelling (ties: the first used). */
  best: string
  /** Every spelling used as often as the best one. */
  tied: string[]
}

interface State {
  /** Key → spelling → uses, for single name words. */
  groups: Groups
  /**
   * Name before + key → spelling → uses, for a name written as one word or
   * as two (`He Lifeng` / `He Li Feng`).
   */
  joined: Groups
  /** Key → the spelling to use, once the whole document is read. */
  chosen: Map<string, Choice> | undefined
  chosenJoined: Map<string, Choice> | undefined
  /** Word → key, or '' for words that are no names. */
  keys: Map<string, string>
}

/** A name word, or two capitalised words that may be one name. */
interface Occurrence {
  spelling: string
  start: number
  end: number
  pair: boolean
  /** The key of the single word, or of the two words joined. */
  key: string
  /** The capitalised word right before it, or ''. */
  before: string
}

function createState(): State {
  return {
    groups: new Map(),
    joined: new Map(),
    chosen: undefined,
    chosenJoined: undefined,
    keys: new Map()
  }
}

/** First pass, over every piece: count the spellings of each key. */
function collect(tree: Root, _file: VFile, state: State): void {
  for (const occurrence of occurrences(tree, state)) {
    if (!occurrence.pair) count(state.groups, occurrence.key, occurrence)
    count(state.joined, occurrence.before + '|' + occurrence.key, occurrence)
  }
}

/** Second pass: report every spelling that is not the chosen one. */
function check(tree: Root, file: VFile, state: State): void {
  state.chosen ??= choose(state.groups, false)
  state.chosenJoined ??= choose(state.joined, true)

  for (const occurrence of occurrences(tree, state)) {
    const {spelling, start, end} = occurrence
    let groups = state.joined
    let group = occurrence.before + '|' + occurrence.key
    let choice = state.chosenJoined.get(group)
    let joined = true
    if (!occurrence.pair) {
      const single = state.chosen.get(occurrence.key)
      // Two established names (`Henry`/`Henri`): two people.
      if (
        single !== undefined &&
        single.best !== spelling &&
        !(isDictionaryName(spelling) && isDictionaryName(single.best))
      ) {
        groups = state.groups
        group = occurrence.key
        choice = single
        joined = false
      }
    }

    if (choice === undefined) continue
    if (choice.best === spelling && !(joined && choice.tied.length > 1)) continue
    const spellings = groups.get(group)!
    // One word or two, as often each (`He Li Feng` / `He Lifeng`): both
    // are flagged, neither is sure.
    const unsure = joined && choice.tied.length > 1
    const expected = unsure ? choice.tied.filter((other) => other !== spelling) : [choice.best]
    report(file, {
      ruleId,
      reason: `\`${spelling}\` (${times(spellings.get(spelling)!.count)}) is spelled \`${expected[0]}\` elsewhere in this document (${times(spellings.get(expected[0]!)!.count)}); use one spelling`,
      start,
      end,
      expected,
      fix: !unsure,
      note: unsure ? 'Both spellings are used as often; choose one.' : undefined
    })
  }
}

function count(groups: Groups, group: string, occurrence: Occurrence): void {
  let spellings = groups.get(group)
  if (!spellings) {
    spellings = new Map()
    groups.set(group, spellings)
  }

  const spelling = spellings.get(occurrence.spelling)
  if (spelling) spelling.count++
  else spellings.set(occurrence.spelling, {count: 1, first: occurrence.start, pair: occurrence.pair})
}

/**
 * Per group with more than one spelling: the most used, ties to the first
 * used. For joined groups, only where one word and two words both occur.
 */
function choose(groups: Groups, joined: boolean): Map<string, Choice> {
  const chosen = new Map<string, Choice>()
  for (const [group, spellings] of groups) {
    if (spellings.size < 2) continue
    if (joined) {
      let pairs = 0
      for (const spelling of spellings.values()) if (spelling.pair) pairs++
      if (pairs === 0 || pairs === spellings.size) continue
    }

    let best: [string, Spelling] | undefined
    for (const entry of spellings) {
      if (
        !best ||
        entry[1].count > best[1].count ||
        (entry[1].count === best[1].count && entry[1].first < best[1].first)
      ) {
        best = entry
      }
    }

    const tied: string[] = []
    for (const [spelling, uses] of spellings) if (uses.count === best![1].count) tied.push(spelling)
    chosen.set(group, {best: best![0], tied})
  }

  return chosen
}

/** The transliteration key of a name word, or '' when it is no name. */
function keyOf(value: string, state: State): string {
  let key = state.keys.get(value)
  if (key !== undefined) return key
  key = isCommonWord(value) ? '' : normalise(value)
  state.keys.set(value, key)
  return key
}

function normalise(value: string): string {
  let normal = value.toLowerCase()
  for (const step of steps) normal = normal.replace(step.pattern, step.replacement)
  return normal.length >= minimumKeyLength ? normal : ''
}

/**
 * The name words of a piece with their offsets — the text parts of words
 * (`Lukashenka` of `Lukashenka’s`, `Kuntsevo` of `Kuntsevo-based`) — and
 * every two capitalised words one space apart whose joined form is no common
 * word (`Li Feng` → `Lifeng`).
 */
function* occurrences(tree: Root, state: State): Generator<Occurrence> {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      // The last two capitalised words, when nothing but one space separates them.
      let previous: Capital | undefined
      let beforePrevious: Capital | undefined
      let spaced = false

      for (const child of sentence.children) {
        if (child.type === 'WhiteSpaceNode') {
          spaced = child.value === ' ' && previous !== undefined && !spaced
          if (!spaced) previous = beforePrevious = undefined
          continue
        }

        const capital = child.type === 'WordNode' ? capitalOf(child) : undefined
        if (child.type === 'WordNode') yield* parts(child, spaced ? contextOf(previous) : '', state)

        if (capital && spaced && previous?.whole) {
          const joined = previous.value + capital.value.toLowerCase()
          if (joined.length <= 40 && !isCommonWord(joined)) {
            const key = normalise(joined)
            if (key) {
              yield {
                spelling: previous.value + ' ' + capital.value,
                start: previous.start,
                end: capital.end,
                pair: true,
                key,
                before: contextOf(beforePrevious)
              }
            }
          }
        }

        beforePrevious = spaced ? previous : undefined
        previous = capital
        spaced = false
      }
    }
  }
}

/**
 * The name word before a name, which tells people apart (`by Li Feng` is
 * not `He Lifeng`): a capitalised word that is no common word (`Strengthening
 * Vietnam` has none), or a two-letter one (the surnames He, Li, Ma, Wu …).
 */
function contextOf(word: Capital | undefined): string {
  if (!word) return ''
  return word.value.length === 2 || !isCommonWord(word.value) ? word.value : ''
}

interface Capital {
  value: string
  start: number
  end: number
  /** The word is this one text part (no `’s`, no hyphen). */
  whole: boolean
}

/** The capitalised first part of a word (`Li`, `Feng` of `Feng’s`). */
function capitalOf(word: Word): Capital | undefined {
  const first = word.children[0]
  if (first?.type !== 'TextNode' || !capitalWord.test(first.value)) return undefined
  const start = first.position?.start.offset
  const end = first.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  return {value: first.value, start, end, whole: word.children.length === 1}
}

function* parts(word: Word, before: string, state: State): Generator<Occurrence> {
  let first = true
  for (const part of word.children) {
    if (part.type !== 'TextNode' || !nameWord.test(part.value)) {
      first = false
      continue
    }

    const start = part.position?.start.offset
    const end = part.position?.end.offset
    const key = keyOf(part.value, state)
    if (start !== undefined && end !== undefined && key) {
      yield {spelling: part.value, start, end, pair: false, key, before: first ? before : ''}
    }

    first = false
  }
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`
}

/**
 * The plugin. It needs the whole document, so it runs in two phases: the
 * engine collects over every piece of a long document before checking any
 * (flat memory); as a plain retext plugin it runs both on the whole tree.
 */
const nameConsistency = definePhasedRule<State>({state: createState, collect, check})

export default nameConsistency
