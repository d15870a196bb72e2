import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelErrorDetail, labelsAsSelector } from './labelsAsSelector.ts';

const selectorCases: { name: string; labels: Record<string, string>; want: ReturnType<typeof labelsAsSelector> }[] = [
  { name: 'labels become equalities in order', labels: { app: 'web', 'example.com/tier': '' }, want: { selector: 'app=web,example.com/tier=' } },
  { name: 'no labels become the empty selector', labels: {}, want: { selector: '' } },
  { name: 'an empty key cannot be asked', labels: { '': 'x' }, want: { reason: 'an empty label key cannot be written in a selector' } },
  { name: 'a value with a comma cannot be asked', labels: { a: 'b,c' }, want: { reason: 'label value "b,c" holds a character the selector lexer splits on' } },
  { name: 'a key with a parenthesis cannot be asked', labels: { 'a(': 'b' }, want: { reason: 'label key "a(" holds a character the selector lexer splits on' } },
];
for (const c of selectorCases) {
  test(`labelsAsSelector: ${c.name}`, () => assert.deepEqual(labelsAsSelector(c.labels), c.want));
}

const detailCases: { name: string; error: string; want: ReturnType<typeof labelErrorDetail> }[] = [
  { name: 'a key error names the key', error: 'unable to parse requirement: <nil>: Invalid value: "-a": m1; m2', want: { subject: 'key', messages: ['m1', 'm2'] } },
  { name: 'a value error names the value', error: 'unable to parse requirement: values[0][a/b]: Invalid value: "a/b": m', want: { subject: 'value', messages: ['m'] } },
  { name: 'an escaped quote in the value is skipped', error: 'unable to parse requirement: values[0][k]: Invalid value: "a\\"b": m', want: { subject: 'value', messages: ['m'] } },
  { name: 'a syntax error has no detail', error: "found ',', expected: identifier", want: undefined },
];
for (const c of detailCases) {
  test(`labelErrorDetail: ${c.name}`, () => assert.deepEqual(labelErrorDetail(c.error), c.want));
}
