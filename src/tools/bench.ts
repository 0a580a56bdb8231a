/**
 * `npm run bench`: speed and memory of the full preset on 1, 2, 4 and 8 MB
 * of real MT text, built from `../shared/data/` (MLQE-PE and WMT MT output,
 * a document's segments joined into one paragraph, documents separated by
 * blank lines, repeated until the size is reached). Each size runs in fresh
 * processes, as the CLI runs (see `src/heap.ts`), so that each peak RSS is
 * its own: once linting (`check`: findings and the edits of their fixes),
 * once linting and building the unified diff too (what `mtlint --diff`
 * does; the diff of a long text is nearly as large as the text). Prints
 * MB/s, both peaks and the time ratio 8 MB / 1 MB.
 *
 * Targets: ratio ≤ 9, ≥ 2 MB/s, ≤ 150 MB peak RSS at 8 MB.
 *
 *   npm run bench [-- --sizes 1,2,4,8] [--data DIR]
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..', '..')
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '1,2,4,8'},
    data: {type: 'string', default: path.join(root, '..', 'shared', 'data')},
    child: {type: 'string'},
    diff: {type: 'boolean', default: false}
  }
})

if (values.child) {
  // Child: lint one file as the CLI does (with its V8 settings), print
  // seconds and peak RSS as JSON.
  await import('../heap.js')
  const {check} = await import('../api.js')
  const text = fs.readFileSync(values.child, 'utf8')
  const start = process.hrtime.bigint()
  const result = await check(text)
  if (values.diff) void result.patch.length
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const peak = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({seconds, peak, messages: result.messages.length}))
} else {
  const sizes = values.sizes.split(',').map(Number)
  const corpus = buildCorpus(values.data, Math.max(...sizes) * 1024 * 1024)
  const folder = path.join(root, '.bench')
  fs.mkdirSync(folder, {recursive: true})
  const rows: Array<{size: number; seconds: number; peak: number; peakWithDiff: number; messages: number}> = []

  for (const size of sizes) {
    const file = path.join(folder, `mt-${size}mb.txt`)
    fs.writeFileSync(file, cut(corpus, size * 1024 * 1024))
    const lint = runChild(file, [])
    const withDiff = runChild(file, ['--diff'])
    rows.push({size, seconds: lint.seconds, peak: lint.peak, peakWithDiff: withDiff.peak, messages: lint.messages})
  }

  console.log('size   seconds   MB/s   peak RSS   with diff   findings')
  for (const row of rows) {
    console.log(
      `${String(row.size).padStart(2)} MB ${row.seconds.toFixed(2).padStart(8)} ${(row.size / row.seconds).toFixed(2).padStart(6)} ${row.peak.toFixed(0).padStart(7)} MB ${row.peakWithDiff.toFixed(0).padStart(8)} MB ${String(row.messages).padStart(9)}`
    )
  }

  const first = rows.find((row) => row.size === 1)
  const last = rows.find((row) => row.size === 8)
  if (first && last) {
    console.log(`\nratio 8 MB / 1 MB: ${(last.seconds / first.seconds).toFixed(2)} (target ≤ 9)`)
    console.log(`throughput at 8 MB: ${(8 / last.seconds).toFixed(2)} MB/s (target ≥ 2)`)
    console.log(
      `peak RSS at 8 MB: ${last.peak.toFixed(0)} MB linting, ${last.peakWithDiff.toFixed(0)} MB with the diff (target ≤ 150)`
    )
  }
}

/** Lint `file` in a fresh process; `--diff` builds the unified diff too. */
function runChild(file: string, flags: string[]): {seconds: number; peak: number; messages: number} {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file, ...flags], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024
  })
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`)
  return JSON.parse(child.stdout) as {seconds: number; peak: number; messages: number}
}

/** Real MT text: a document's segments joined into one paragraph, documents separated by blank lines. */
function buildCorpus(folder: string, bytes: number): string {
  const files = ['mlqe-pe-ruen.jsonl', 'wmt21-ted-mqm-zhen.jsonl', 'wmt23-sxs-mqm-zhen.jsonl']
  const documents = new Map<string, string[]>()
  for (const name of files) {
    const file = path.join(folder, name)
    if (!fs.existsSync(file)) throw new Error(`${file}: not found (pass --data DIR)`)
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const record = JSON.parse(line) as {doc_id?: string; mt?: string; system?: string; is_human_translation?: boolean}
      if (!record.mt || record.is_human_translation) continue
      const key = `${name}/${record.system}/${record.doc_id}`
      const list = documents.get(key) ?? []
      list.push(record.mt)
      documents.set(key, list)
    }
  }

  const paragraphs = [...documents.values()].map((segments) => segments.join(' '))
  const parts: string[] = []
  let length = 0
  while (length < bytes) {
    for (const paragraph of paragraphs) {
      parts.push(paragraph)
      length += Buffer.byteLength(paragraph) + 2
      if (length >= bytes) break
    }
  }

  return parts.join('\n\n')
}

/** The first `bytes` bytes of `text`, cut at a paragraph end. */
function cut(text: string, bytes: number): string {
  const buffer = Buffer.from(text)
  const slice = buffer.subarray(0, bytes).toString('utf8')
  const end = slice.lastIndexOf('\n\n')
  return end > 0 ? slice.slice(0, end) + '\n' : slice
}
