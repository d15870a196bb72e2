import { defineParameterType } from '@cucumber/cucumber';
import { parseLabelList } from './text.ts';
import { expandRepeats } from './repeats.ts';

export { expandRepeats };

const QUOTED = /"((?:[^"\\]|\\.)*)"/;
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

// {text}: a quoted string (\" inside for a quote) in which `c{N}` or `(abc){N}` stands for N repetitions, so that
// long keys and values stay readable: "a{63}" is 63 a's.
defineParameterType({
  name: 'text',
  regexp: QUOTED,
  transformer: (s: string) => expandRepeats(unescape(s)),
});

// {labels}: "app=nginx, env=test" (an empty value is written `key=`); "" is no labels.
defineParameterType({
  name: 'labels',
  regexp: QUOTED,
  transformer: (s: string) => parseLabelList(expandRepeats(unescape(s))),
});
