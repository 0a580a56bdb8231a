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
 * - the name of a site or a file (`Chinanews.com` beside `China News`):
 *   it is spelt as registered.
 *
 * One pass in document order counts the spellings of every key (hash maps)
 * and logs where each is used (two numbers per use); once the whole document
 * is read, the dictionary is asked about the few words whose key has more
 * than one spelling, and the uses of the other spellings are reported from
 * the log. Linear in the document, no comparison of names with each other.
 */
import type {Paragraph, Root, Word} from 'nlcst'
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

/** Uses of one spelling after one word, before the dictionary has said whether it is a name. */
interface Uses {
  count: number
  first: number
  /** Its place among the uses the rule counts: spellings keep the order of their first use. */
  order: number
  /** The word or pair used. */
  owner: WordUses | PairUses
  /** The capitalised word right before it ('' for none). */
  before: string
  /** Its index in `State.uses`. */
  id: number
}

/** A name word as the document writes it, with the words before it. */
interface WordUses {
  spelling: string
  /** Its key; '' for a word too short to have one (then nothing is counted). */
  key: string
  count: number
  first: number
  order: number
  /** Uses with no capitalised word right before it. */
  alone: Uses | undefined
  /** Uses by the capitalised word right before it. */
  after: Map<string, Uses> | undefined
  /** Whether its uses are reported: its key has a chosen spelling. */
  checked: boolean
}

/** Two capitalised words one space apart (`Li Feng`). */
interface PairUses {
  spelling: string
  left: string
  right: string
  /** Uses with no capitalised word right before the pair. */
  alone: Uses | undefined
  /** Uses by the capitalised word right before the pair. */
  after: Map<string, Uses> | undefined
  /** Its key, if its uses are reported (see `checked`). */
  checkedKey: string | undefined
}

interface State {
  /** Every name word, common words included. */
  words: Map<string, WordUses>
  /** Every pair of capitalised words one space apart, by its spelling. */
  pairs: Map<string, PairUses>
  /** Every `Uses`, by its place in `log`. */
  uses: Uses[]
  /** The document's uses in order, two numbers each: the `uses` index and where it starts. */
  log: Int32Array
  logged: number
  /** Key → the spelling to use, once the whole document is read. */
  chosen: Map<string, Choice> | undefined
  /** Name before + key → the spelling to use, for a name written as one word or as two. */
  chosenJoined: Map<string, Choice> | undefined
  /** Key → spelling → uses, for the keys with more than one spelling. */
  groups: Groups
  /** Name before + key → spelling → uses, for the keys written as one word and as two. */
  joined: Groups
}

function createState(): State {
  return {
    words: new Map(),
    pairs: new Map(),
    uses: [],
    log: new Int32Array(1024),
    logged: 0,
    chosen: undefined,
    chosenJoined: undefined,
    groups: new Map(),
    joined: new Map()
  }
}

/**
 * Every piece, in document order: count and log the uses of each name word
 * and of each pair of capitalised words, with the word before them. Which of
 * them are names (no common word) is asked once the whole document is read,
 * and only where a key has more than one spelling.
 */
function collect(tree: Root, _file: VFile, state: State): void {
  for (const paragraph of tree.children) {
    if (paragraph.type === 'ParagraphNode') walkParagraph(paragraph, state)
  }
}

function countWord(state: State, value: string, start: number, before: string): void {
  let word = state.words.get(value)
  if (word === undefined) {
    const key = normalise(value)
    const order = state.logged / 2
    word = {spelling: value, key, count: 0, first: start, order, alone: undefined, after: undefined, checked: false}
    state.words.set(value, word)
  }

  if (!word.key) return
  word.count++
  use(state, word, before, start)
}

function countPair(state: State, left: string, right: string, start: number, before: string): void {
  const spelling = left + ' ' + right
  let pair = state.pairs.get(spelling)
  if (pair === undefined) {
    pair = {spelling, left, right, alone: undefined, after: undefined, checkedKey: undefined}
    state.pairs.set(spelling, pair)
  }

  use(state, pair, before, start)
}

/** Count a use of `owner` after `before` at `start`, and log it. */
function use(state: State, owner: WordUses | PairUses, before: string, start: number): void {
  let uses = before ? owner.after?.get(before) : owner.alone
  if (uses === undefined) {
    uses = {count: 0, first: start, order: state.logged / 2, owner, before, id: state.uses.length}
    if (before) (owner.after ??= new Map()).set(before, uses)
    else owner.alone = uses
    state.uses.push(uses)
  }

  uses.count++
  if (state.logged + 2 > state.log.length) {
    const log = new Int32Array(state.log.length * 2)
    log.set(state.log)
    state.log = log
  }

  state.log[state.logged++] = uses.id
  state.log[state.logged++] = start
}

/** Everything is counted in `collect` and reported in `finish`. */
function check(): void {}

/** Once the whole document is read: report every use of a spelling that is not the chosen one. */
function finish(file: VFile, state: State): void {
  choose(state)
  // Which `uses` are of a chosen key: most are not, and are passed over at once.
  const reported = new Uint8Array(state.uses.length)
  let any = false
  for (const uses of state.uses) {
    const {owner} = uses
    if ('key' in owner ? owner.checked : owner.checkedKey !== undefined) reported[uses.id] = 1
    any ||= reported[uses.id] === 1
  }

  if (!any) return
  for (let index = 0; index < state.logged; index += 2) {
    if (reported[state.log[index]!] === 0) continue
    const uses = state.uses[state.log[index]!]!
    const start = state.log[index + 1]!
    const {owner} = uses
    if ('key' in owner) {
      if (isCommonWord(owner.spelling)) continue
      const {spelling, key} = owner
      const before = contextOf(uses.before)
      checkOccurrence(file, state, {spelling, start, end: start + spelling.length, pair: false, key, before})
    } else if (owner.checkedKey !== undefined) {
      const {spelling, checkedKey: key} = owner
      const before = contextOf(uses.before)
      // The two words are one space apart.
      checkOccurrence(file, state, {spelling, start, end: start + spelling.length, pair: true, key, before})
    }
  }
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

function checkOccurrence(file: VFile, state: State, occurrence: Occurrence): void {
  const {spelling, start, end} = occurrence
  let groups = state.joined
  let group = occurrence.before + '|' + occurrence.key
  let choice = state.chosenJoined!.get(group)
  let joined = true
  if (!occurrence.pair) {
    const single = state.chosen!.get(occurrence.key)
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

  if (choice === undefined) return
  if (choice.best === spelling && !(joined && choice.tied.length > 1)) return
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

/**
 * Once the whole document is read: the spellings of each key that are names
 * (no common word), and the spelling to use where there are several.
 */
function choose(state: State): void {
  // Key → its name words, in the order of their first use.
  const byKey = new Map<string, string[]>()
  for (const [value, uses] of state.words) {
    if (!uses.key) continue
    const list = byKey.get(uses.key)
    if (list === undefined) byKey.set(uses.key, [value])
    else list.push(value)
  }

  const names = new Map<string, string[]>()
  const namesOf = (key: string): string[] => {
    let list = names.get(key)
    if (list === undefined) {
      list = (byKey.get(key) ?? []).filter((value) => !isCommonWord(value))
      names.set(key, list)
    }

    return list
  }

  // Single words: only keys with more than one spelling can be chosen.
  const staged: Map<string, Map<string, Staged>> = new Map()
  for (const [key, values] of byKey) {
    if (values.length < 2) continue
    for (const value of namesOf(key)) {
      const uses = state.words.get(value)!
      stage(staged, key, value, uses, false)
    }
  }

  state.groups = settle(staged)
  state.chosen = pick(state.groups, false)

  // One word or two: a pair counts where a name word has its key, and with
  // that word, by the name word before each.
  const joinedStaged: Map<string, Map<string, Staged>> = new Map()
  const pairKeys = new Map<string, string>()
  for (const [spelling, pair] of state.pairs) {
    const joined = pair.left + pair.right.toLowerCase()
    const key = joined.length > 40 ? '' : normalise(joined)
    if (!key || !byKey.has(key) || isCommonWord(joined) || namesOf(key).length === 0) continue
    pairKeys.set(spelling, key)
    for (const uses of usesOf(pair)) stage(joinedStaged, contextOf(uses.before) + '|' + key, spelling, uses, true)
  }

  for (const key of new Set(pairKeys.values())) {
    for (const value of namesOf(key)) {
      for (const uses of usesOf(state.words.get(value)!)) {
        stage(joinedStaged, contextOf(uses.before) + '|' + key, value, uses, false)
      }
    }
  }

  state.joined = settle(joinedStaged)
  state.chosenJoined = pick(state.joined, true)
  const keys = new Set(state.chosen.keys())
  const joinedKeys = new Set<string>()
  for (const group of state.chosenJoined.keys()) joinedKeys.add(group.slice(group.indexOf('|') + 1))
  for (const word of state.words.values()) word.checked = keys.has(word.key) || joinedKeys.has(word.key)
  for (const [spelling, key] of pairKeys) {
    if (joinedKeys.has(key)) state.pairs.get(spelling)!.checkedKey = key
  }
}

function usesOf(owner: WordUses | PairUses): Uses[] {
  const all = owner.after ? [...owner.after.values()] : []
  if (owner.alone) all.unshift(owner.alone)
  return all
}

/** A spelling's uses in a group while the groups are put together. */
interface Staged extends Spelling {
  order: number
}

function stage(
  staged: Map<string, Map<string, Staged>>,
  group: string,
  spelling: string,
  uses: {count: number; first: number; order: number},
  pair: boolean
): void {
  let spellings = staged.get(group)
  if (spellings === undefined) {
    spellings = new Map()
    staged.set(group, spellings)
  }

  const known = spellings.get(spelling)
  if (known === undefined) {
    spellings.set(spelling, {count: uses.count, first: uses.first, pair, order: uses.order})
  } else {
    known.count += uses.count
    if (uses.order < known.order) {
      known.order = uses.order
      known.first = uses.first
    }
  }
}

/** The groups with their spellings in the order of their first use. */
function settle(staged: Map<string, Map<string, Staged>>): Groups {
  const groups: Groups = new Map()
  for (const [group, spellings] of staged) {
    const sorted = [...spellings].sort((left, right) => left[1].order - right[1].order)
    groups.set(group, new Map(sorted.map(([spelling, {count, first, pair}]) => [spelling, {count, first, pair}])))
  }

  return groups
}

/**
 * Per group with more than one spelling: the most used, ties to the first
 * used. For joined groups, only where one word and two words both occur.
 */
function pick(groups: Groups, joined: boolean): Map<string, Choice> {
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

/** The transliteration key of a name word ('' when too short), common word or not. */
function normalise(value: string): string {
  let normal = value.toLowerCase()
  for (const step of steps) normal = normal.replace(step.pattern, step.replacement)
  return normal.length >= minimumKeyLength ? normal : ''
}

/**
 * The name word before a name, which tells people apart (`by Li Feng` is
 * not `He Lifeng`): a capitalised word that is no common word (`Strengthening
 * Vietnam` has none), or a two-letter one (the surnames He, Li, Ma, Wu …).
 */
function contextOf(word: string): string {
  if (!word) return ''
  return word.length === 2 || !isCommonWord(word) ? word : ''
}

/**
 * The name words of a paragraph with their offsets — the text parts of words
 * (`Lukashenka` of `Lukashenka’s`, `Kuntsevo` of `Kuntsevo-based`) — and
 * every two capitalised words one space apart (`Li Feng`).
 */
function walkParagraph(paragraph: Paragraph, state: State): void {
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

      if (child.type !== 'WordNode') {
        beforePrevious = spaced ? previous : undefined
        previous = undefined
        spaced = false
        continue
      }

      parts(child, spaced ? previous!.value : '', state)
      const capital = isAddress(child) ? undefined : capitalOf(child)
      if (capital && spaced && previous!.whole) {
        countPair(state, previous!.value, capital.value, previous!.start, beforePrevious?.value ?? '')
      }

      beforePrevious = spaced ? previous : undefined
      previous = capital
      spaced = false
    }
  }
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
  if (first?.type !== 'TextNode' || !isCapitalWord(first.value, 2, capitalWord)) return undefined
  const start = first.position?.start.offset
  const end = first.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  return {value: first.value, start, end, whole: word.children.length === 1}
}

/** The name words among the text parts of a word; only the first has a word before it. */
function parts(word: Word, before: string, state: State): void {
  if (isAddress(word)) return
  let first = true
  for (const part of word.children) {
    if (part.type === 'TextNode' && isCapitalWord(part.value, 4, nameWord)) {
      const start = part.position?.start.offset
      const end = part.position?.end.offset
      if (start !== undefined && end !== undefined) countWord(state, part.value, start, first ? before : '')
    }

    first = false
  }
}

/**
 * `Chinanews.com`, `Lenta.ru`, `Report.pdf`: a site or a file, whose name is
 * spelt as its owner registered it, not as the text spells the name.
 */
function isAddress(word: Word): boolean {
  const parts = word.children
  for (let index = 1; index + 1 < parts.length; index++) {
    const dot = parts[index]!
    const after = parts[index + 1]!
    if (dot.type === 'PunctuationNode' && dot.value === '.' && after.type === 'TextNode' && /^[a-z]{2,6}$/.test(after.value)) {
      return true
    }
  }

  return false
}

/**
 * Whether `text` is a capital and then lower-case letters, `minimum` to 40
 * in all (`pattern`, which says the same): read character by character when
 * the word is ASCII, as nearly all are.
 */
function isCapitalWord(text: string, minimum: number, pattern: RegExp): boolean {
  const {length} = text
  const first = text.charCodeAt(0)
  if (first >= 128) return pattern.test(text)
  if (first < 65 || first > 90) return false
  for (let index = 1; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 128) return pattern.test(text)
    if (code < 97 || code > 122) return false
  }

  return length >= minimum && length <= 40
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`
}

/**
 * The plugin. It needs the whole document, so it runs in two phases: the
 * engine collects over every piece of a long document before checking any
 * (flat memory); as a plain retext plugin it runs both on the whole tree.
 */
const nameConsistency = definePhasedRule<State>({state: createState, collect, check, finish, inOrder: true})

export default nameConsistency
