/**
 * The audit's floor, as a Node script run in its own process: every blob id from standard input
 * through one `git cat-file --batch`, each blob's content parsed with `JSON.parse` as it arrives.
 * Prints `<blobs> <bytes> <parsed>`. Nothing an audit could skip: it must read and parse each version.
 */
export const CAT_FILE_FLOOR = `
import { spawn } from 'node:child_process';
const ids = (await new Promise((resolve) => { let t = ''; process.stdin.on('data', (c) => (t += c)); process.stdin.on('end', () => resolve(t)); }))
  .split('\\n').filter((line) => line !== '');
const git = spawn('git', ['cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
let pending = Buffer.alloc(0);
let blobs = 0, bytes = 0, parsed = 0;
git.stdout.on('data', (chunk) => {
  pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
  let at = 0;
  for (;;) {
    const eol = pending.indexOf(10, at);
    if (eol < 0) break;
    const size = Number(pending.toString('latin1', at, eol).split(' ')[2]);
    if (eol + 1 + size + 1 > pending.length) break;
    const text = pending.toString('utf8', eol + 1, eol + 1 + size);
    try { JSON.parse(text); parsed++; } catch {}
    blobs++; bytes += size; at = eol + 1 + size + 1;
  }
  pending = pending.subarray(at);
});
git.stdin.end(ids.join('\\n') + '\\n');
await new Promise((resolve) => git.on('close', resolve));
console.log(blobs, bytes, parsed);
`;
