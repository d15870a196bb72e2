import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SelectorRequirement } from '../contract/capabilities/selectors.ts';
import { requirementsFromCanonical } from './requirementsFromCanonical.ts';

const cases: { name: string; canonical: string; want: SelectorRequirement[] | undefined }[] = [
  { name: 'the empty selector has no requirements', canonical: '', want: [] },
  {
    name: 'every operator reads back',
    canonical: '!a,b,c=1,d==2,e!=3,f>4,g<5,h in (x,y),i notin (z)',
    want: [
      { key: 'a', operator: '!', values: [] },
      { key: 'b', operator: 'exists', values: [] },
      { key: 'c', operator: '=', values: ['1'] },
      { key: 'd', operator: '==', values: ['2'] },
      { key: 'e', operator: '!=', values: ['3'] },
      { key: 'f', operator: 'gt', values: ['4'] },
      { key: 'g', operator: 'lt', values: ['5'] },
      { key: 'h', operator: 'in', values: ['x', 'y'] },
      { key: 'i', operator: 'notin', values: ['z'] },
    ],
  },
  {
    name: 'empty values read back as empty strings',
    canonical: 'x=,y in (),z notin (,a)',
    want: [
      { key: 'x', operator: '=', values: [''] },
      { key: 'y', operator: 'in', values: [''] },
      { key: 'z', operator: 'notin', values: ['', 'a'] },
    ],
  },
  { name: 'prefixed keys read back', canonical: 'example.com/app in (a.b-c_d)', want: [{ key: 'example.com/app', operator: 'in', values: ['a.b-c_d'] }] },
  { name: 'a trailing comma is not canonical', canonical: 'x,', want: undefined },
  { name: 'spaces around an operator are not canonical', canonical: 'x = a', want: undefined },
  { name: 'an unclosed set is not canonical', canonical: 'x in (a', want: undefined },
];
for (const c of cases) {
  test(`requirementsFromCanonical: ${c.name}`, () => assert.deepEqual(requirementsFromCanonical(c.canonical), c.want));
}
