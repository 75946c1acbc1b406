/**
 * Bundle line-splitting benchmark (issue 20): util/bundle-stream.ts `forEachLine` over one long line and over many
 * short ones, in 64 KiB chunks as a decompressor delivers them. Splitting used to be quadratic in a line's length
 * (a single 32 MiB line took 6.7 s); it must now grow linearly: the 64 MiB line about twice the 32 MiB one.
 *
 *   npx tsx bench/bundle-lines.ts [--rounds N=3]
 */
import { forEachLine, type LineStats } from '../src/util/bundle-stream';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Math.max(1, Number(args[at + 1])) : 3;
const MiB = 2 ** 20;

async function* chunks(total: number, lineLength: number, chunk = 64 * 1024): AsyncGenerator<Buffer> {
  // One buffer of lines (`lineLength` bytes then a newline), repeated: the bench measures splitting, not generating.
  const period = lineLength + 1;
  const b = Buffer.alloc(chunk, 0x61);
  let pos = 0;
  for (let left = total; left > 0; left -= chunk) {
    const c = Buffer.from(b.subarray(0, Math.min(chunk, left)));
    for (let i = 0; i < c.length; i++) if ((pos + i) % period === lineLength) c[i] = 0x0a;
    pos += c.length;
    yield c;
  }
}

async function run(name: string, total: number, lineLength: number): Promise<void> {
  const times: number[] = [];
  let stats: LineStats = { lines: 0, concats: 0 };
  for (let r = 0; r < rounds; r++) {
    stats = { lines: 0, concats: 0 };
    const t = process.hrtime.bigint();
    await forEachLine(chunks(total, lineLength), () => undefined, { stats, maxLineBytes: 128 * MiB });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} median ${times[Math.floor(times.length / 2)].toFixed(0).padStart(6)} ms  (${stats.lines} lines, ${stats.concats} copies)`,
  );
}

void (async () => {
  await run('one 32 MiB line', 32 * MiB, 32 * MiB);
  await run('one 64 MiB line', 64 * MiB, 64 * MiB);
  await run('64 MiB of 1 KiB lines', 64 * MiB, 1023);
})();
