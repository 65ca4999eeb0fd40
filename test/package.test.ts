import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// The name is package.json's alone (it may carry a scope): the test imports whatever it says.
const { name } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string };

// The library is used by package name; Node resolves a package's own name through its "exports".
// dist/ is committed (CI checks it is current), so this runs the API a consumer would get.
describe('the package entry (dist/, from npm run build)', () => {
  it('exports the library API by package name', () => {
    const script = `
      import { checkCompatibility, checkReaderWriter, SchemaError } from '${name}';
      const v1 = { type: 'record', name: 'T', fields: [{ name: 'a', type: 'int' }] };
      const v2 = { type: 'record', name: 'T', fields: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }] };
      let error;
      try { checkCompatibility('{"type": "nope"}', []); } catch (e) { error = e instanceof SchemaError ? e.code : String(e); }
      const badName = '{"type": "record", "name": "my-record", "fields": []}';
      let nameError;
      try { checkReaderWriter(badName, badName); } catch (e) { nameError = e instanceof SchemaError ? [e.code, e.line, e.column] : String(e); }
      console.log(JSON.stringify({
        pair: checkReaderWriter(v2, v1).incompatibilities.map((i) => i.type),
        level: checkCompatibility(v2, [v1], 'FORWARD').compatible,
        error,
        nameError,
        lenient: checkReaderWriter(badName, badName, { names: 'lenient' }).compatible,
      }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ pair: ['READER_FIELD_MISSING_DEFAULT_VALUE'], level: true, error: 'UNKNOWN_TYPE', nameError: ['INVALID_NAME', 1, 20], lenient: true });
  });
});
