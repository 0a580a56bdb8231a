/**
 * Markdown: prose linted, code/HTML/front matter/URLs never; findings and
 * fixes at the right bytes even after blockquote markers, list indents,
 * escapes and entities (where remark-retext's positions drift); a remark
 * parse of the fixed file equal to the original's but for the fixed text.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {check} from '../src/api.js'

const onlyEnglish = {
  rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'repeated-words' || rule.id === 'indefinite-article']))
}

const readme = `---
title: It is a the the front matter
tags: [a, apple]
---

# Installing the the tool

It is a easy tool. Run \`npm install the the\` first, or see
https://example.com/a-opening and <https://example.com/the-the>.

> It was the best of times, it was
> a age of wisdom, it was a epoch of belief.

- First item is a
  example of an item.
- Second item: A &amp; B is a opening \\* here.

\`\`\`sh
echo "the the code is never linted"
\`\`\`

<div class="note">the the HTML is never linted</div>

| Column | Notes |
| ------ | ----- |
| one    | It is a error |

It was **the** the best, and [a link](https://example.com "a title") is a
ordinary word here.
`

function tree(markdown: string): unknown {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
  return JSON.parse(JSON.stringify(processor.parse(markdown), (key, value) => (key === 'position' ? undefined : value)))
}

describe('Markdown', () => {
  it('lints prose, not code, HTML, front matter or URLs', async () => {
    const result = await check(readme, {type: 'markdown', path: 'README.md', ...onlyEnglish})
    expect(result.messages.map((m) => [m.ruleId, m.actual, m.line, m.fix])).toEqual([
      ['repeated-words', 'the the', 6, true],
      ['indefinite-article', 'a', 8, true],
      ['indefinite-article', 'a', 12, true],
      ['indefinite-article', 'a', 12, true],
      ['indefinite-article', 'a', 14, true],
      ['indefinite-article', 'a', 16, true],
      ['indefinite-article', 'a', 26, true],
      // `**the** the`: a fix would delete the emphasis marks.
      ['repeated-words', 'the** the', 28, false],
      ['indefinite-article', 'a', 28, true]
    ])
  })

  it('places findings right after blockquote markers, list indents, entities and escapes', async () => {
    const result = await check(readme, {type: 'markdown', ...onlyEnglish})
    for (const message of result.messages) {
      const start = message.place && 'start' in message.place ? message.place.start.offset! : -1
      const end = message.place && 'end' in message.place ? message.place.end.offset! : -1
      expect(readme.slice(start, end)).toBe(message.actual)
      const lines = readme.split('\n')
      expect(lines[message.line! - 1]!.slice(message.column! - 1)).toMatch(new RegExp('^' + message.actual!.replace(/\*/g, '\\*')))
    }
  })

  it('fixes only the flagged words; remark reads the rest of the file as before', async () => {
    const result = await check(readme, {type: 'markdown', ...onlyEnglish})
    const expected = readme
      .replace('# Installing the the tool', '# Installing the tool')
      .replace('It is a easy tool', 'It is an easy tool')
      .replace('> a age of wisdom, it was a epoch', '> an age of wisdom, it was an epoch')
      .replace('- First item is a\n', '- First item is an\n')
      .replace('B is a opening', 'B is an opening')
      .replace('It is a error', 'It is an error')
      .replace('is a\nordinary', 'is an\nordinary')
    expect(result.fixed).toBe(expected)
    expect(tree(result.fixed)).toEqual(tree(expected))
    // Code, HTML, front matter and URLs are byte for byte the same.
    for (const kept of ['title: It is a the the front matter', 'npm install the the', 'https://example.com/a-opening', 'echo "the the code', '<div class="note">the the HTML']) {
      expect(result.fixed).toContain(kept)
    }
  })

  it('a fix next to emphasis leaves its marks alone', async () => {
    const result = await check('It was the the *best*.\n', {type: 'markdown', ...onlyEnglish})
    expect(result.fixed).toBe('It was the *best*.\n')
  })
})
