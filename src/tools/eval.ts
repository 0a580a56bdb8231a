/**
 * The evaluation: runs the preset over every document of `corpus/`, aligns
 * the fixes it proposes with the gold edits, and scores them per rule.
 *
 *   npm run eval
 *   node dist/src/tools/eval.js [--corpus DIR] [--out DIR] [--postedits FILE | --no-postedits]
 *     [--gold ID] [--samples N] [--quiet]
 *
 * Gold edits are the difference between `<id>.mt.txt` (the MT as it was) and
 * `<id>.fixed.txt` (only the errors of mtlint's families corrected). They come
 * from a word diff, mapped to offsets in the MT text. The `gold` list in
 * `<id>.meta.json` names each edit's family and groups the changes of one
 * error into one edit (`in the frames of` → `within`); changes it does not
 * name are reported, merged when they sit in one word or across one space.
 *
 * A proposed fix is *correct* when applying it (with any other fixes it
 * overlaps) gives exactly the gold text of the edits it overlaps, *detected*
 * when it overlaps a gold edit but gives another text (a flag without fix
 * that overlaps a gold edit is detected too), and a *false alarm* when it
 * overlaps none. Precision counts correct fixes among fixes; recall counts the
 * gold edits of a rule's family that the rule corrected; F0.5 weighs precision
 * twice as much, as in grammatical error correction.
 *
 * On the clean part (well-edited English, gold: no edit) every finding is a
 * false alarm. On MLQE-PE segments with a professional post-edit, the report
 * gives the character edit distance to the post-edit before and after the
 * fixes: the do-nothing baseline of automatic post-editing.
 */
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {diffWordsWithSpace} from 'diff'
import {check} from '../api.js'
import {applyFixes} from '../fix.js'
import type {MtlintMessage} from '../rule-kit.js'
import {rules} from '../../rules/index.js'

// ---------------------------------------------------------------------------
// Gold edits

/** A span of the MT text and what it becomes; `start === end` inserts. */
export interface Span {
  start: number
  end: number
}

export interface GoldEdit extends Span {
  replacement: string
  /** The error family (= the id of the rule meant to catch it). */
  family: string
  note?: string
}

/** One entry of `gold` in `<id>.meta.json`. */
export interface GoldLabel {
  family: string
  /** The MT text of the edit, optionally with some context around it. */
  mt: string
  /** The same stretch in the fixed text. */
  fixed: string
  note?: string
}

interface Change extends Span {
  /** Where the change sits in the fixed text. */
  fixedStart: number
  fixedEnd: number
}

/** The changes from `mt` to `fixed`, as a word diff (whitespace kept) gives them. */
function rawChanges(mt: string, fixed: string): Change[] {
  const changes: Change[] = []
  let mtOffset = 0
  let fixedOffset = 0
  let open: Change | undefined

  for (const part of diffWordsWithSpace(mt, fixed)) {
    const size = part.value.length
    if (part.added || part.removed) {
      open ??= {start: mtOffset, end: mtOffset, fixedStart: fixedOffset, fixedEnd: fixedOffset}
      if (part.removed) {
        mtOffset += size
        open.end = mtOffset
      } else {
        fixedOffset += size
        open.fixedEnd = fixedOffset
      }

      continue
    }

    if (open) {
      changes.push(open)
      open = undefined
    }

    mtOffset += size
    fixedOffset += size
  }

  if (open) changes.push(open)
  return changes
}

/**
 * Unlabelled changes merge when only a part of one word or a single
 * whitespace character separates them (`of Course` → `Of course` is one edit,
 * `1 000 000` → `1,000,000` too).
 */
function mergeChanges(mt: string, changes: readonly Change[]): Change[] {
  const merged: Change[] = []
  for (const change of changes) {
    const previous = merged.at(-1)
    if (previous && joins(mt.slice(previous.end, change.start))) {
      previous.end = change.end
      previous.fixedEnd = change.fixedEnd
    } else {
      merged.push({...change})
    }
  }

  return merged
}

/** Whether two changes separated by `gap` are one edit. */
function joins(gap: string): boolean {
  return gap === '' || /^\s$/.test(gap) || (gap.length <= 12 && !/\s/.test(gap))
}

export interface GoldResult {
  edits: GoldEdit[]
  /** Problems between the diff and the labels (unlabelled edits, labels that match nothing). */
  problems: string[]
}

/**
 * Gold edits of one document: the diff between `mt` and `fixed`, grouped and
 * labelled by `labels` (in document order). A label is placed at the first
 * occurrence of its `mt` text, after the previous label, that a change of the
 * diff touches; it claims the changes it touches and becomes one edit, its
 * `mt` text → its `fixed` text (trimmed of unchanged words at both ends).
 * Changes no label claims become unlabelled edits. The edits must rebuild
 * `fixed` from `mt` exactly, or a problem is reported.
 */
export function goldEdits(mt: string, fixed: string, labels: readonly GoldLabel[] = []): GoldResult {
  const changes = rawChanges(mt, fixed)
  const problems: string[] = []
  const claimed = new Array<boolean>(changes.length).fill(false)
  const edits: GoldEdit[] = []
  let cursor = 0

  labels.forEach((label, index) => {
    let from = cursor
    for (;;) {
      const at = label.mt === '' ? -1 : mt.indexOf(label.mt, from)
      if (at === -1) {
        problems.push(`label ${index + 1} (${JSON.stringify(label.mt)}) matches no change after offset ${cursor}`)
        return
      }

      const span = {start: at, end: at + label.mt.length}
      let touched = false
      changes.forEach((change, i) => {
        if (!claimed[i] && overlaps(change, span)) {
          claimed[i] = true
          touched = true
        }
      })

      if (!touched) {
        from = at + 1
        continue
      }

      const trimmed = trimTokens(mt, label.fixed, {...span, fixedStart: 0, fixedEnd: label.fixed.length})
      const edit: GoldEdit = {
        start: trimmed.start,
        end: trimmed.end,
        replacement: label.fixed.slice(trimmed.fixedStart, trimmed.fixedEnd),
        family: label.family
      }
      if (label.note) edit.note = label.note
      edits.push(edit)
      cursor = span.end
      return
    }
  })

  const rest = mergeChanges(mt, changes.filter((_, i) => !claimed[i]))
  for (const whole of rest) {
    const piece = trimTokens(mt, fixed, whole)
    const replacement = fixed.slice(piece.fixedStart, piece.fixedEnd)
    edits.push({start: piece.start, end: piece.end, replacement, family: 'unlabelled'})
    problems.push(`edit ${JSON.stringify(mt.slice(piece.start, piece.end))} → ${JSON.stringify(replacement)} at ${piece.start} has no label`)
  }

  edits.sort((a, b) => a.start - b.start || a.end - b.end)
  const rebuilt = applySpans(mt, 0, mt.length, edits)
  if (rebuilt === undefined) {
    problems.push('gold edits overlap')
  } else if (rebuilt !== fixed) {
    let at = 0
    while (at < rebuilt.length && rebuilt[at] === fixed[at]) at++
    problems.push(`the labelled edits do not give the fixed text: they differ at offset ${at} of the fixed text (${JSON.stringify(fixed.slice(Math.max(0, at - 20), at + 20))})`)
  }

  return {edits, problems}
}

/**
 * Drop whole words, spaces and punctuation marks that an edit leaves as they
 * are at its ends (`Vietnam ` → `Viet Nam ` is `Vietnam` → `Viet Nam`).
 */
function trimTokens(mt: string, fixed: string, change: Change): Change {
  const before = tokens(mt.slice(change.start, change.end))
  const after = tokens(fixed.slice(change.fixedStart, change.fixedEnd))
  let head = 0
  let headLength = 0
  // An edit may shrink to an insertion or a deletion, never to nothing (the
  // texts differ, so one side always keeps a token).
  while (head < before.length && head < after.length && before[head] === after[head]) {
    headLength += before[head]!.length
    head++
  }

  let tail = 0
  let tailLength = 0
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tailLength += before[before.length - 1 - tail]!.length
    tail++
  }

  return {
    start: change.start + headLength,
    end: change.end - tailLength,
    fixedStart: change.fixedStart + headLength,
    fixedEnd: change.fixedEnd - tailLength
  }
}

function tokens(value: string): string[] {
  return value.match(/\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []
}

// ---------------------------------------------------------------------------
// Alignment

export interface Proposal extends Span {
  ruleId: string
  /** True for an applied fix, false for a flag without one. */
  fix: boolean
  replacement?: string
  actual?: string
}

export type Verdict = 'correct' | 'detected' | 'false-alarm'

export interface AlignedProposal extends Proposal {
  verdict: Verdict
}

export interface AlignedGold extends GoldEdit {
  status: 'corrected' | 'detected' | 'missed'
  /** Rules whose fixes corrected it. */
  correctedBy: string[]
  /** Rules whose fixes or flags touched it. */
  touchedBy: string[]
}

export interface Alignment {
  proposals: AlignedProposal[]
  gold: AlignedGold[]
}

/** Whether two spans share text; an empty span overlaps what touches it. */
export function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end
  return a.start < b.end && b.start < a.end
}

/**
 * Align proposals with gold edits. Fixes and gold edits that overlap form
 * clusters; a cluster is correct when applying its fixes gives the same text
 * as applying its gold edits.
 */
export function align(text: string, proposals: readonly Proposal[], gold: readonly GoldEdit[]): Alignment {
  const fixes = proposals.filter((p) => p.fix)
  const goldOut: AlignedGold[] = gold.map((g) => ({...g, status: 'missed', correctedBy: [], touchedBy: []}))
  const verdicts = new Map<Proposal, Verdict>()

  // Union-find over fixes (0..f-1) and gold edits (f..f+g-1). Both lists are
  // short per document, and sorted sweeps would only matter for long ones.
  const parent = Array.from({length: fixes.length + gold.length}, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }

    return i
  }

  const touching = fixes.map(() => [] as number[])
  fixes.forEach((fix, i) => {
    gold.forEach((edit, j) => {
      if (overlaps(fix, edit)) {
        touching[i]!.push(j)
        parent[find(i)] = find(fixes.length + j)
      }
    })
  })

  const clusters = new Map<number, {fixes: number[]; gold: number[]}>()
  for (let i = 0; i < fixes.length + gold.length; i++) {
    const root = find(i)
    const cluster = clusters.get(root) ?? {fixes: [], gold: []}
    if (i < fixes.length) cluster.fixes.push(i)
    else cluster.gold.push(i - fixes.length)
    clusters.set(root, cluster)
  }

  for (const cluster of clusters.values()) {
    if (cluster.fixes.length === 0) continue
    if (cluster.gold.length === 0) {
      for (const i of cluster.fixes) verdicts.set(fixes[i]!, 'false-alarm')
      continue
    }

    const spans = [...cluster.fixes.map((i) => fixes[i]!), ...cluster.gold.map((j) => gold[j]!)]
    const from = Math.min(...spans.map((s) => s.start))
    const to = Math.max(...spans.map((s) => s.end))
    const proposed = applySpans(text, from, to, cluster.fixes.map((i) => fixes[i]!))
    const wanted = applySpans(text, from, to, cluster.gold.map((j) => gold[j]!))
    const right = proposed !== undefined && proposed === wanted

    for (const i of cluster.fixes) {
      const fix = fixes[i]!
      verdicts.set(fix, right ? 'correct' : touching[i]!.length > 0 ? 'detected' : 'false-alarm')
    }

    for (const j of cluster.gold) {
      const out = goldOut[j]!
      const rulesHere = [...new Set(cluster.fixes.map((i) => fixes[i]!.ruleId))]
      out.touchedBy.push(...rulesHere)
      if (right) {
        out.status = 'corrected'
        out.correctedBy.push(...rulesHere)
      } else {
        out.status = 'detected'
      }
    }
  }

  for (const flag of proposals) {
    if (flag.fix) continue
    let hit = false
    gold.forEach((edit, j) => {
      if (!overlaps(flag, edit)) return
      hit = true
      const out = goldOut[j]!
      if (!out.touchedBy.includes(flag.ruleId)) out.touchedBy.push(flag.ruleId)
      if (out.status === 'missed') out.status = 'detected'
    })
    verdicts.set(flag, hit ? 'detected' : 'false-alarm')
  }

  for (const out of goldOut) {
    out.touchedBy = [...new Set(out.touchedBy)]
    out.correctedBy = [...new Set(out.correctedBy)]
  }

  return {
    proposals: proposals.map((p) => ({...p, verdict: verdicts.get(p) ?? 'false-alarm'})),
    gold: goldOut
  }
}

/** `text[from:to]` with `edits` (non-overlapping) applied; undefined if they overlap. */
function applySpans(
  text: string,
  from: number,
  to: number,
  edits: ReadonlyArray<Span & {replacement?: string}>
): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let out = ''
  let cursor = from
  for (const edit of sorted) {
    if (edit.start < cursor) return undefined
    out += text.slice(cursor, edit.start) + (edit.replacement ?? '')
    cursor = edit.end
  }

  return out + text.slice(cursor, to)
}

/** What `check()` proposes: its applied fixes, and every other finding as a flag. */
export function proposalsOf(result: {
  messages: readonly MtlintMessage[]
  applied: ReadonlyArray<{start: number; end: number; replacement: string; ruleId: string; message: unknown}>
}): Proposal[] {
  const applied = new Set(result.applied.map((edit) => edit.message))
  const out: Proposal[] = result.applied.map((edit) => ({
    start: edit.start,
    end: edit.end,
    replacement: edit.replacement,
    ruleId: edit.ruleId,
    fix: true
  }))

  for (const message of result.messages) {
    if (applied.has(message)) continue
    const place = message.place
    const start = place && 'start' in place ? place.start.offset : place?.offset
    const end = place && 'end' in place ? place.end.offset : start
    if (start === undefined || end === undefined) continue
    // A fix that changes nothing proposes nothing (the fix engine drops it).
    if (message.fix && message.expected?.[0] === message.actual) continue
    const flag: Proposal = {start, end, ruleId: message.ruleId ?? '?', fix: false}
    if (message.actual !== undefined && message.actual !== null) flag.actual = message.actual
    if (message.expected?.[0] !== undefined) flag.replacement = message.expected[0]
    out.push(flag)
  }

  return out
}

// ---------------------------------------------------------------------------
// Edit distance

/**
 * Levenshtein distance between `a` and `b` (UTF-16 code units) in linear
 * memory: two rows of the shorter string's length, after stripping the
 * common prefix and suffix (fixes touch a few characters of a segment).
 */
export function editDistance(a: string, b: string): number {
  let start = 0
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }

  let s = a.slice(start, endA)
  let t = b.slice(start, endB)
  if (s.length < t.length) [s, t] = [t, s]
  if (t.length === 0) return s.length

  let previous = new Uint32Array(t.length + 1)
  let current = new Uint32Array(t.length + 1)
  for (let j = 0; j <= t.length; j++) previous[j] = j

  for (let i = 1; i <= s.length; i++) {
    current[0] = i
    const code = s.charCodeAt(i - 1)
    for (let j = 1; j <= t.length; j++) {
      const substitute = previous[j - 1]! + (code === t.charCodeAt(j - 1) ? 0 : 1)
      const remove = previous[j]! + 1
      const insert = current[j - 1]! + 1
      current[j] = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert
    }

    ;[previous, current] = [current, previous]
  }

  return previous[t.length]!
}

// ---------------------------------------------------------------------------
// Corpus

export interface MtDocument {
  id: string
  mt: string
  fixed: string
  meta: Record<string, unknown> & {id?: string; source_lang?: string; origin?: string; licence?: string; gold?: GoldLabel[]}
}

export interface CleanDocument {
  /** `<file>#<header>`. */
  id: string
  text: string
}

export interface Corpus {
  documents: MtDocument[]
  clean: CleanDocument[]
}

/** Read `corpus/mt/*.mt.txt` (+ `.fixed.txt`, `.meta.json`) and `corpus/clean/*.txt`. */
export function readCorpus(dir: string): Corpus {
  const mtDir = path.join(dir, 'mt')
  const documents: MtDocument[] = []
  for (const name of fs.existsSync(mtDir) ? fs.readdirSync(mtDir).sort() : []) {
    if (!name.endsWith('.mt.txt')) continue
    const id = name.slice(0, -'.mt.txt'.length)
    const base = path.join(mtDir, id)
    documents.push({
      id,
      mt: fs.readFileSync(base + '.mt.txt', 'utf8'),
      fixed: fs.readFileSync(base + '.fixed.txt', 'utf8'),
      meta: JSON.parse(fs.readFileSync(base + '.meta.json', 'utf8')) as MtDocument['meta']
    })
  }

  const cleanDir = path.join(dir, 'clean')
  const clean: CleanDocument[] = []
  for (const name of fs.existsSync(cleanDir) ? fs.readdirSync(cleanDir).sort() : []) {
    if (!name.endsWith('.txt')) continue
    clean.push(...splitClean(name, fs.readFileSync(path.join(cleanDir, name), 'utf8')))
  }

  return {documents, clean}
}

/**
 * A clean file holds documents, each introduced by a line `%%% <name>`; the
 * header lines are not text.
 */
export function splitClean(fileName: string, content: string): CleanDocument[] {
  const out: CleanDocument[] = []
  let current: {id: string; lines: string[]} | undefined
  for (const line of content.split('\n')) {
    if (line.startsWith('%%% ')) {
      if (current) out.push({id: current.id, text: current.lines.join('\n').trim() + '\n'})
      current = {id: fileName + '#' + line.slice(4).trim(), lines: []}
    } else {
      current ??= {id: fileName, lines: []}
      current.lines.push(line)
    }
  }

  if (current && current.lines.join('').trim()) {
    out.push({id: current.id, text: current.lines.join('\n').trim() + '\n'})
  }

  return out
}

export function countWords(text: string): number {
  let count = 0
  for (const token of text.split(/\s+/)) if (token) count++
  return count
}

// ---------------------------------------------------------------------------
// Scoring

export interface RuleRow {
  rule: string
  /** Applied fixes and flags without an applied fix, on the MT documents. */
  fixes: number
  flags: number
  correct: number
  detected: number
  falseAlarms: number
  /** Gold edits of this family, and what became of them. */
  gold: number
  corrected: number
  goldDetected: number
  missed: number
  /** correct / fixes. */
  precision: number | null
  /** Gold edits of the family corrected by this rule / gold edits of the family. */
  recall: number | null
  f05: number | null
  /** Findings on the clean part (all false alarms) and per 10,000 words. */
  cleanFindings: number
  cleanPer10k: number
}

export interface Sample {
  document: string
  rule: string
  verdict: Verdict | 'missed' | 'clean'
  actual: string
  proposed?: string
  gold?: string
  family?: string
  context: string
}

export interface PosteditRow {
  rule: string
  /** Segments this rule changed. */
  segments: number
  improved: number
  worsened: number
  distanceBefore: number
  distanceAfter: number
  /** distanceAfter − distanceBefore (negative: closer to the post-edit). */
  delta: number
}

export interface Results {
  date: string
  rules: string[]
  corpus: {
    documents: number
    sources: Record<string, number>
    words: number
    goldEdits: number
    goldByFamily: Record<string, number>
    cleanDocuments: number
    cleanWords: number
    problems: string[]
  }
  perRule: RuleRow[]
  overall: RuleRow
  postedit?: {
    file: string
    segments: number
    unchanged: number
    distanceBefore: number
    distanceAfter: number
    delta: number
    perRule: PosteditRow[]
  }
  samples: Sample[]
}

export interface EvaluateOptions {
  /** MLQE-PE JSON lines with `reference_kind: postedit`; omit to skip. */
  postedits?: string | undefined
  /** Check options passed to `check()` (e.g. some rules off). */
  rules?: Record<string, boolean> | undefined
  /** Samples kept per rule and kind. */
  samples?: number
}

function f05(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null
  if (precision === 0 && recall === 0) return 0
  return (1.25 * precision * recall) / (0.25 * precision + recall)
}

function emptyRow(rule: string): RuleRow {
  return {
    rule, fixes: 0, flags: 0, correct: 0, detected: 0, falseAlarms: 0,
    gold: 0, corrected: 0, goldDetected: 0, missed: 0,
    precision: null, recall: null, f05: null, cleanFindings: 0, cleanPer10k: 0
  }
}

function contextOf(text: string, span: Span): string {
  const from = Math.max(0, span.start - 40)
  const to = Math.min(text.length, span.end + 40)
  return (text.slice(from, span.start) + '⟦' + text.slice(span.start, span.end) + '⟧' + text.slice(span.end, to)).replace(/\s+/g, ' ')
}

/** Run the evaluation over a corpus. */
export async function evaluate(corpus: Corpus, options: EvaluateOptions = {}): Promise<Results> {
  const sampleLimit = options.samples ?? 15
  const checkOptions = options.rules ? {rules: options.rules} : {}
  const rows = new Map<string, RuleRow>()
  const row = (id: string): RuleRow => {
    let found = rows.get(id)
    if (!found) {
      found = emptyRow(id)
      rows.set(id, found)
    }

    return found
  }

  for (const rule of rules) row(rule.id)
  const overall = emptyRow('overall')
  const problems: string[] = []
  const samples: Sample[] = []
  const sampleCount = new Map<string, number>()
  const keep = (sample: Sample): void => {
    const key = sample.rule + ' ' + sample.verdict
    const count = sampleCount.get(key) ?? 0
    if (count >= sampleLimit) return
    sampleCount.set(key, count + 1)
    samples.push(sample)
  }

  const sources: Record<string, number> = {}
  const goldByFamily: Record<string, number> = {}
  let words = 0
  let goldTotal = 0

  for (const document of corpus.documents) {
    words += countWords(document.mt)
    const source = String(document.meta.id ?? document.id).split('-')[0] ?? '?'
    sources[source] = (sources[source] ?? 0) + 1
    if (document.meta.id !== document.id) problems.push(`${document.id}: meta id is ${String(document.meta.id)}`)
    for (const field of ['source_lang', 'origin', 'licence'] as const) {
      if (!document.meta[field]) problems.push(`${document.id}: meta has no ${field}`)
    }

    const gold = goldEdits(document.mt, document.fixed, document.meta.gold ?? [])
    for (const problem of gold.problems) problems.push(`${document.id}: ${problem}`)
    goldTotal += gold.edits.length
    for (const edit of gold.edits) goldByFamily[edit.family] = (goldByFamily[edit.family] ?? 0) + 1

    const result = await check(document.mt, checkOptions)
    const aligned = align(document.mt, proposalsOf(result), gold.edits)

    for (const proposal of aligned.proposals) {
      const r = row(proposal.ruleId)
      for (const target of [r, overall]) {
        if (proposal.fix) target.fixes++
        else target.flags++
        if (proposal.verdict === 'correct') target.correct++
        else if (proposal.verdict === 'detected') target.detected++
        else target.falseAlarms++
      }

      if (proposal.verdict !== 'correct') {
        const sample: Sample = {
          document: document.id,
          rule: proposal.ruleId,
          verdict: proposal.verdict,
          actual: document.mt.slice(proposal.start, proposal.end),
          context: contextOf(document.mt, proposal)
        }
        if (proposal.replacement !== undefined) sample.proposed = proposal.replacement
        keep(sample)
      }
    }

    for (const edit of aligned.gold) {
      const r = row(edit.family)
      r.gold++
      overall.gold++
      if (edit.correctedBy.includes(edit.family)) r.corrected++
      else if (edit.touchedBy.includes(edit.family)) r.goldDetected++
      else r.missed++
      if (edit.status === 'corrected') overall.corrected++
      else if (edit.status === 'detected') overall.goldDetected++
      else overall.missed++

      if (!edit.correctedBy.includes(edit.family)) {
        keep({
          document: document.id,
          rule: edit.family,
          verdict: 'missed',
          actual: document.mt.slice(edit.start, edit.end),
          gold: edit.replacement,
          family: edit.family,
          context: contextOf(document.mt, edit)
        })
      }
    }
  }

  let cleanWords = 0
  for (const document of corpus.clean) {
    cleanWords += countWords(document.text)
    const result = await check(document.text, checkOptions)
    for (const message of result.messages) {
      const id = message.ruleId ?? '?'
      row(id).cleanFindings++
      overall.cleanFindings++
      const place = message.place
      const start = place && 'start' in place ? (place.start.offset ?? 0) : 0
      const end = place && 'end' in place ? (place.end.offset ?? start) : start
      const sample: Sample = {
        document: document.id,
        rule: id,
        verdict: 'clean',
        actual: document.text.slice(start, end),
        context: contextOf(document.text, {start, end})
      }
      if (message.expected?.[0] !== undefined) sample.proposed = message.expected[0]
      keep(sample)
    }
  }

  const finish = (r: RuleRow): RuleRow => {
    r.precision = r.fixes > 0 ? r.correct / r.fixes : null
    r.recall = r.gold > 0 ? r.corrected / r.gold : null
    r.f05 = f05(r.precision, r.recall)
    r.cleanPer10k = cleanWords > 0 ? (r.cleanFindings / cleanWords) * 10_000 : 0
    return r
  }

  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    rules: rules.map((rule) => rule.id),
    corpus: {
      documents: corpus.documents.length,
      sources,
      words,
      goldEdits: goldTotal,
      goldByFamily,
      cleanDocuments: corpus.clean.length,
      cleanWords,
      problems
    },
    perRule: [...rows.values()].map(finish),
    overall: finish(overall),
    samples
  }

  if (options.postedits) results.postedit = await posteditDistance(options.postedits, checkOptions)
  return results
}

/** Edit distance to the human post-edit, before and after the fixes (all, and each rule alone). */
export async function posteditDistance(
  file: string,
  checkOptions: {rules?: Record<string, boolean>} = {}
): Promise<NonNullable<Results['postedit']>> {
  const perRule = new Map<string, PosteditRow>()
  let segments = 0
  let unchanged = 0
  let before = 0
  let after = 0

  const lines = readline.createInterface({input: fs.createReadStream(file)})
  for await (const line of lines) {
    if (!line.trim()) continue
    const record = JSON.parse(line) as {mt?: string; reference_or_postedit?: string; reference_kind?: string}
    if (record.reference_kind !== 'postedit' || !record.mt || record.reference_or_postedit === undefined) continue
    const mt = record.mt
    const postedit = record.reference_or_postedit
    segments++
    const base = editDistance(mt, postedit)
    before += base
    const result = await check(mt, checkOptions)
    if (result.applied.length === 0) {
      unchanged++
      after += base
      continue
    }

    after += editDistance(result.fixed, postedit)
    for (const ruleId of new Set(result.applied.map((edit) => edit.ruleId))) {
      const alone = applyFixes(mt, result.messages.filter((m) => m.ruleId === ruleId)).fixed
      const distance = editDistance(alone, postedit)
      let r = perRule.get(ruleId)
      if (!r) {
        r = {rule: ruleId, segments: 0, improved: 0, worsened: 0, distanceBefore: 0, distanceAfter: 0, delta: 0}
        perRule.set(ruleId, r)
      }

      r.segments++
      r.distanceBefore += base
      r.distanceAfter += distance
      if (distance < base) r.improved++
      else if (distance > base) r.worsened++
    }
  }

  for (const r of perRule.values()) r.delta = r.distanceAfter - r.distanceBefore
  return {
    file: path.basename(file),
    segments,
    unchanged,
    distanceBefore: before,
    distanceAfter: after,
    delta: after - before,
    perRule: [...perRule.values()].sort((a, b) => a.rule.localeCompare(b.rule))
  }
}

// ---------------------------------------------------------------------------
// Report

const percent = (value: number | null): string => (value === null ? '–' : (value * 100).toFixed(1))

export function markdown(results: Results): string {
  const c = results.corpus
  const out: string[] = []
  out.push('# mtlint evaluation', '')
  out.push(`Run of ${results.date} with the rules ${results.rules.map((r) => '`' + r + '`').join(', ')}.`)
  out.push(`Corpus: ${c.documents} MT documents (${Object.entries(c.sources).map(([s, n]) => `${s}: ${n}`).join(', ')}), ${c.words.toLocaleString('en')} words, ${c.goldEdits} gold edits; clean part: ${c.cleanDocuments} documents, ${c.cleanWords.toLocaleString('en')} words.`, '')
  out.push('Fixes are the fixes `check()` applies; flags are the other findings. *Correct*: the fix gives the gold text; *detected*: it (or a flag) overlaps a gold edit with another text; *false alarm*: it overlaps none. Of the gold edits of a family, *corrected* are those the rule fixed right, *gold detected* those it touched otherwise, *missed* the rest (overall: by any rule). Precision = correct / fixes; recall = gold edits of the family corrected by the rule / gold edits of the family; F0.5 weighs precision twice. *Clean FA/10k*: findings per 10,000 words of well-edited English (all false alarms).', '')
  out.push('| rule | fixes | flags | correct | detected | false alarms | gold | corrected | gold detected | missed | precision % | recall % | F0.5 % | clean FA | clean FA/10k |')
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
  for (const r of [...results.perRule, results.overall]) {
    const name = r.rule === 'overall' ? '**overall**' : '`' + r.rule + '`'
    out.push(`| ${name} | ${r.fixes} | ${r.flags} | ${r.correct} | ${r.detected} | ${r.falseAlarms} | ${r.gold} | ${r.corrected} | ${r.goldDetected} | ${r.missed} | ${percent(r.precision)} | ${percent(r.recall)} | ${percent(r.f05)} | ${r.cleanFindings} | ${r.cleanPer10k.toFixed(2)} |`)
  }

  out.push('', '## Gold edits by family', '')
  out.push('| family | gold edits |', '|---|--:|')
  for (const [family, count] of Object.entries(c.goldByFamily).sort((a, b) => b[1] - a[1])) out.push(`| ${family} | ${count} |`)

  const p = results.postedit
  if (p) {
    out.push('', '## Distance to the human post-edit (MLQE-PE)', '')
    out.push(`${p.segments.toLocaleString('en')} segments of \`${p.file}\` with a professional post-edit; character edit distance (Levenshtein) from the MT to the post-edit, summed: **${p.distanceBefore.toLocaleString('en')} before the fixes, ${p.distanceAfter.toLocaleString('en')} after** (${signed(p.delta)}; ${p.segments - p.unchanged} segments changed). A negative change brings the text closer to what the post-editor wrote. Each rule alone, on the segments it changes:`, '')
    out.push('| rule | segments changed | closer | further | distance before | after | change | verdict |', '|---|--:|--:|--:|--:|--:|--:|---|')
    for (const r of p.perRule) {
      out.push(`| \`${r.rule}\` | ${r.segments} | ${r.improved} | ${r.worsened} | ${r.distanceBefore} | ${r.distanceAfter} | ${signed(r.delta)} | ${r.delta <= 0 ? 'ok' : '**moves away from the post-edit**'} |`)
    }
    if (p.perRule.length === 0) out.push('| (no rule changed any segment) | | | | | | | |')
  }

  if (c.problems.length > 0) {
    out.push('', '## Corpus problems', '')
    for (const problem of c.problems) out.push('- ' + problem)
  }

  const groups: Array<[string, Sample['verdict']]> = [
    ['False alarms on the MT documents', 'false-alarm'],
    ['Detected with another text', 'detected'],
    ['Missed gold edits', 'missed'],
    ['Findings on the clean part', 'clean']
  ]
  for (const [title, verdict] of groups) {
    const list = results.samples.filter((s) => s.verdict === verdict)
    if (list.length === 0) continue
    out.push('', `## ${title} (samples)`, '')
    for (const s of list) {
      const what = s.gold !== undefined
        ? `\`${s.actual}\` → \`${s.gold}\``
        : `\`${s.actual}\`${s.proposed !== undefined ? ` → \`${s.proposed}\`` : ''}`
      out.push(`- \`${s.rule}\` ${what} — ${s.document}: …${s.context.replace(/\|/g, '\\|')}…`)
    }
  }

  return out.join('\n') + '\n'
}

function signed(value: number): string {
  return (value > 0 ? '+' : '') + value.toLocaleString('en')
}

function table(results: Results): string {
  const head = ['rule', 'fixes', 'flags', 'correct', 'detect', 'FA', 'gold', 'corr', 'g.det', 'missed', 'P%', 'R%', 'F0.5%', 'clean/10k']
  const lines = [head]
  for (const r of [...results.perRule, results.overall]) {
    lines.push([r.rule, r.fixes, r.flags, r.correct, r.detected, r.falseAlarms, r.gold, r.corrected, r.goldDetected, r.missed, percent(r.precision), percent(r.recall), percent(r.f05), r.cleanPer10k.toFixed(2)].map(String))
  }

  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  return lines.map((l) => l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n')
}

// ---------------------------------------------------------------------------
// Command line

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
  const {values} = parseArgs({
    options: {
      corpus: {type: 'string', default: path.join(root, 'corpus')},
      out: {type: 'string', default: ''},
      postedits: {type: 'string', default: '/work/shared/data/mlqe-pe-ruen.jsonl'},
      'no-postedits': {type: 'boolean', default: false},
      gold: {type: 'string', default: ''},
      samples: {type: 'string', default: '15'},
      quiet: {type: 'boolean', default: false}
    }
  })

  const corpus = readCorpus(values.corpus)

  if (values.gold) {
    // Print a document's gold edits, e.g. to write its `gold` labels.
    const document = corpus.documents.find((d) => d.id === values.gold)
    if (!document) throw new Error(`no document ${values.gold}`)
    const gold = goldEdits(document.mt, document.fixed, document.meta.gold ?? [])
    for (const edit of gold.edits) {
      console.log(JSON.stringify({family: edit.family, mt: document.mt.slice(edit.start, edit.end), fixed: edit.replacement}))
    }

    for (const problem of gold.problems) console.error('problem: ' + problem)
    return
  }

  const postedits = values['no-postedits'] || !fs.existsSync(values.postedits) ? undefined : values.postedits
  if (!postedits && !values['no-postedits']) console.error(`(no ${values.postedits}: skipping the post-edit distance)`)
  const results = await evaluate(corpus, {postedits, samples: Number(values.samples)})
  const outDir = values.out || path.join(values.corpus, 'eval')
  fs.mkdirSync(outDir, {recursive: true})
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n')
  fs.writeFileSync(path.join(outDir, 'results.md'), markdown(results))

  if (!values.quiet) {
    const c = results.corpus
    console.log(`${c.documents} MT documents, ${c.words} words, ${c.goldEdits} gold edits; clean: ${c.cleanDocuments} documents, ${c.cleanWords} words\n`)
    console.log(table(results))
    const p = results.postedit
    if (p) {
      console.log(`\nDistance to post-edit on ${p.segments} MLQE-PE segments: ${p.distanceBefore} → ${p.distanceAfter} (${signed(p.delta)})`)
      for (const r of p.perRule) console.log(`  ${r.rule}: ${r.segments} segments, ${signed(r.delta)} (${r.improved} closer, ${r.worsened} further)`)
    }

    for (const problem of c.problems) console.log('problem: ' + problem)
    console.log(`\nwrote ${path.join(outDir, 'results.json')} and results.md`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
