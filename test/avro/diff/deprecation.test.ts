import { describe, expect, it } from 'vitest';
import { deprecationOf } from '../../../src/avro/diff/index.js';
import type { RecordSchema } from '../../../src/avro/model.js';
import { parseSchema } from '../../../src/avro/parse.js';

const node = (attributes: Record<string, unknown>, doc?: string) => ({ attributes, doc });

describe('deprecationOf', () => {
  it.each([
    ['"deprecated": true', node({ deprecated: true }), { deprecated: true }],
    ['a reason string', node({ deprecated: '  use mid  ' }), { deprecated: true, reason: 'use mid' }],
    ['an empty reason string', node({ deprecated: '' }), { deprecated: true }],
    ['a doc starting @deprecated', node({}, '@deprecated use quote.bid'), { deprecated: true, reason: 'use quote.bid' }],
    ['a bare @deprecated doc', node({}, '@deprecated'), { deprecated: true }],
    ['@deprecated after blanks, with a colon and several lines', node({}, '\n  @deprecated: use mic\n  from 2027.'), { deprecated: true, reason: 'use mic from 2027.' }],
    ['true with the reason in the doc', node({ deprecated: true }, '@deprecated use mic'), { deprecated: true, reason: 'use mic' }],
    ['a reason string over the doc\'s', node({ deprecated: 'use mid' }, '@deprecated use mic'), { deprecated: true, reason: 'use mid' }],
    ['false with a @deprecated doc', node({ deprecated: false }, '@deprecated'), { deprecated: true }],
  ])('reads %s', (_label, annotated, expected) => {
    expect(deprecationOf(annotated)).toEqual(expected);
  });

  it.each([
    ['no marker', node({})],
    ['"deprecated": false', node({ deprecated: false })],
    ['a non-boolean, non-string value', node({ deprecated: 1 })],
    ['@deprecated later in the doc', node({}, 'Best bid. @deprecated')],
    ['a longer word', node({}, '@deprecatedSince 2026')],
    ['another tag', node({}, '@since 2026')],
  ])('ignores %s', (_label, annotated) => {
    expect(deprecationOf(annotated)).toEqual({ deprecated: false });
  });

  it('reads parsed fields and named types', () => {
    const root = parseSchema({
      type: 'record', name: 'Tick', doc: '@deprecated use Quote', fields: [{ name: 'px', type: 'int', deprecated: 'use price' }],
    }).root as RecordSchema;
    expect(deprecationOf(root)).toEqual({ deprecated: true, reason: 'use Quote' });
    expect(deprecationOf(root.fields[0]!)).toEqual({ deprecated: true, reason: 'use price' });
  });
});
