/**
 * The fix engine's promises: only finding spans change, overlaps resolve
 * deterministically, the diff applies (diff's applyPatch, `patch`, `git
 * apply`) and gives exactly the fixed text, and a rerun proposes nothing.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {applyPatch} from 'diff'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {check} from '../src/api.js'
import {applyFixes} from '../src/fix.js'
import {report} from '../src/rule-kit.js'

/** A message as a rule would report it, at offsets of `text`. */
function finding(text: string, start: number, end: number, replacement: string, ruleId = 'test', fix = true) {
  const file = new VFile(text)
  return report(file, {ruleId, reason: 'test', start, end, expected: [replacement], fix})
}

function applyWith(tool: 'patch' | 'git', original: string, patch: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mtlint-fix-'))
  fs.writeFileSync(path.join(folder, 'doc.txt'), original)
  fs.writeFileSync(path.join(folder, 'change.patch'), patch)
  if (tool === 'patch') {
    execFileSync('patch', ['-p1', '--binary', '-s', '-i', 'change.patch'], {cwd: folder})
  } else {
    execFileSync('git', ['apply', '--whitespace=nowarn', 'change.patch'], {cwd: folder})
  }

  return fs.readFileSync(path.join(folder, 'doc.txt'), 'utf8')
}

describe('applyFixes', () => {
  it('changes only the finding spans', () => {
    const text = 'one two three four'
    const result = applyFixes(text, [finding(text, 4, 7, '2'), finding(text, 14, 18, '4')])
    expect(result.fixed).toBe('one 2 three 4')
    expect(result.applied).toHaveLength(2)
  })

  it('builds the fixed text and the diff when first read, once, and serialises them', () => {
    const text = 'one two\nthree four\n'
    const result = applyFixes(text, [finding(text, 4, 7, '2')])
    const descriptor = Object.getOwnPropertyDescriptor(result, 'patch')
    expect(descriptor?.get).toBeTypeOf('function')
    expect(descriptor?.enumerable).toBe(true)
    expect(result.fixed).toBe('one 2\nthree four\n')
    expect(result.patch).toBe(result.patch)
    expect(applyPatch(text, result.patch)).toBe(result.fixed)
    const copy = JSON.parse(JSON.stringify(result)) as {fixed: string; patch: string}
    expect(copy.fixed).toBe(result.fixed)
    expect(copy.patch).toBe(result.patch)
  })

  it('applies nothing that is not marked as a fix', () => {
    const text = 'one two'
    expect(applyFixes(text, [finding(text, 0, 3, '1', 'x', false)]).fixed).toBe(text)
  })

  it('resolves overlapping edits deterministically: the earlier, then longer, wins', () => {
    const text = 'abcdefgh'
    const first = finding(text, 2, 5, 'X', 'b-rule')
    const second = finding(text, 4, 6, 'Y', 'a-rule')
    const longer = finding(text, 2, 6, 'Z', 'c-rule')
    for (const order of [[first, second, longer], [longer, second, first], [second, longer, first]]) {
      const result = applyFixes(text, order)
      expect(result.fixed).toBe('abZgh')
      expect(result.skipped.map((edit) => edit.ruleId).sort()).toEqual(['a-rule', 'b-rule'])
    }
  })

  it('treats touching edits as overlapping: one wins, never both', () => {
    const text = 'abcdef'
    const result = applyFixes(text, [finding(text, 1, 3, 'X'), finding(text, 3, 4, 'Y')])
    expect(result.fixed).toBe('aXdef')
    expect(result.skipped).toHaveLength(1)
    expect(result.skipped[0]!.why).toBe('overlap')
  })

  it('refuses an edit whose text no longer matches (stale position)', () => {
    const message = finding('abcdef', 0, 3, 'X')
    const result = applyFixes('zzzdef', [message])
    expect(result.fixed).toBe('zzzdef')
    expect(result.skipped[0]!.why).toBe('stale')
  })

  it('keeps CRLF, BOM, tabs, trailing spaces and non-BMP characters outside edits', () => {
    const text = '\uFEFFFirst line \t \r\n😀 the the 𝒳 end\r\nlast\t\r\n'
    const start = text.indexOf('the the')
    const result = applyFixes(text, [finding(text, start, start + 7, 'the')])
    expect(result.fixed).toBe('\uFEFFFirst line \t \r\n😀 the 𝒳 end\r\nlast\t\r\n')
    expect(applyPatch(text, result.patch)).toBe(result.fixed)
  })

  it('returns an empty patch when nothing changes', () => {
    expect(applyFixes('text', []).patch).toBe('')
  })
})

describe('the diff applies to the original and gives the fixed text', () => {
  const cases: Record<string, string> = {
    'LF, final newline': 'It was the the best.  It is a opening.\nSecond line.\n',
    'no final newline': 'It was the the best.\nIt is a opening.',
    CRLF: 'It was the the best.\r\n\r\nIt is a opening.\r\n',
    BOM: '\uFEFFIt was the the best.\nDone.\n',
    'non-BMP and tabs': '𝔘nicode\there 😀 the the end.\t \nMore 🎉 text.\n',
    'edit far from others': Array.from({length: 30}, (_, i) => `Line ${i} is fine.`).join('\n') + '\nIt is a opening.\n' + Array.from({length: 30}, (_, i) => `Tail ${i}.`).join('\n') + '\nThe the end.\n'
  }

  for (const [name, text] of Object.entries(cases)) {
    it(name, async () => {
      const result = await check(text, {path: 'doc.txt', rules: {'indefinite-article': true}})
      expect(result.applied.length).toBeGreaterThan(0)
      expect(applyPatch(text, result.patch)).toBe(result.fixed)
      expect(applyWith('patch', text, result.patch)).toBe(result.fixed)
      expect(applyWith('git', text, result.patch)).toBe(result.fixed)
      // A second run proposes none of the fixes it already applied.
      const again = await check(result.fixed, {path: 'doc.txt', rules: {'indefinite-article': true}})
      expect(again.patch).toBe('')
    })
  }
})

describe('patches from many edits', () => {
  it('stay exact with thousands of fixes on many lines, joined lines and edits at the end', async () => {
    const lines = Array.from({length: 3000}, (_, i) => `Line ${i} was the the end .`)
    const text = lines.join('\n') + '\nlast line without newline the the'
    const result = await check(text, {path: 'doc.txt'})
    expect(result.applied.length).toBeGreaterThan(3000)
    expect(applyPatch(text, result.patch)).toBe(result.fixed)
  })

  it('handles an edit that removes a line break, and one at the very end', () => {
    const text = 'one\ntwo\nthree\nfour'
    const join = finding(text, 3, 4, ' ')
    const end = finding(text, 14, 18, 'FOUR')
    const result = applyFixes(text, [join, end], {fileName: 'doc.txt'})
    expect(result.fixed).toBe('one two\nthree\nFOUR')
    expect(applyPatch(text, result.patch)).toBe(result.fixed)
    expect(applyWith('patch', text, result.patch)).toBe(result.fixed)
  })
})
