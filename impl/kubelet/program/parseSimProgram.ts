// The sim-program grammar (README.md, "Scripting containers"): what a simulated container does,
// read from its command and args. Bad programs give field errors, never exceptions.
import { invalid, notSupported, required, stringValue, type FieldError } from '../../labels/fieldError.ts';
import { parseGoDuration } from './goDuration.ts';
import { DEFAULT_PROGRAM, type SimExit, type SimFlip, type SimProgram } from './SimProgram.ts';
import { argvOf, tokenizeArgv, type Word } from './tokenizeArgv.ts';

export const KEYWORDS = ['crash', 'exit', 'healthy', 'log', 'on-term', 'oom', 'ready', 'run', 'started', 'unhealthy', 'unready'] as const;
const MODIFIERS = { exit: ['after', 'times'], log: ['after', 'every'], flag: ['after'] } as const;
const DURATION_DETAIL = 'must be a duration such as 500ms, 30s or 1m30s';
const EXIT_CODE_DETAIL = 'must be an exit code between 0 and 255, inclusive';

export type ParseResult = { ok: true; program: SimProgram } | { ok: false; errors: FieldError[] };

/**
 * The program of a container at `path` (`spec.containers[0]`). argv = command ++ args; its first
 * word picks the program: `sim …` (the grammar), `sleep N` (exit 0 after N seconds), `true`,
 * `false`; anything else, or no argv, is DEFAULT_PROGRAM (runs until stopped).
 */
export function parseSimProgram(container: { command?: string[]; args?: string[] }, path: string): ParseResult {
  const argv = argvOf(container, path);
  const head = argv[0]?.text.split('/').pop();
  if (head === 'true' || head === 'false') return ok(exitProgram(0, head === 'true' ? 0 : 1));
  if (head === 'sleep' && argv.length > 1) {
    const seconds = sleepSeconds(argv[1].text);
    return ok(seconds === undefined ? exitProgram(0, 1) : exitProgram(seconds * 1000, 0));
  }
  if (head !== 'sim') return ok(DEFAULT_PROGRAM);
  const { words, errors } = tokenizeArgv(argv.slice(1));
  if (errors.length) return { ok: false, errors };
  return new Parser(words, argv[0].field).parse();
}

const ok = (program: SimProgram): ParseResult => ({ ok: true, program });
const exitProgram = (afterMs: number, exitCode: number): SimProgram => ({ ...DEFAULT_PROGRAM, exits: [{ afterMs, exitCode }] });

/** coreutils sleep: a number with an optional s, m, h or d suffix. */
function sleepSeconds(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  return m ? Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's']! : undefined;
}

class Parser {
  private i = 0;
  private readonly errors: FieldError[] = [];
  private readonly program: SimProgram = { exits: [], readiness: [], liveness: [], startup: [], logs: [], onTerm: { ...DEFAULT_PROGRAM.onTerm } };

  constructor(private readonly words: Word[], private readonly headField: string) {}

  parse(): ParseResult {
    if (this.words.length === 0) return ok(this.program);
    while (this.i < this.words.length) {
      const word = this.words[this.i++];
      if (word.separator) continue;
      if (!this.clause(word)) break;
    }
    if (this.errors.length) return { ok: false, errors: this.errors };
    for (const list of [this.program.readiness, this.program.liveness, this.program.startup]) list.sort((a, b) => a.afterMs - b.afterMs);
    return ok(this.program);
  }

  /** One clause starting at `word`; false after an error that makes the rest unreadable. */
  private clause(word: Word): boolean {
    const p = this.program;
    switch (word.verbatim ? '' : word.text) {
      case 'run':
        return true;
      case 'exit': {
        const code = this.exitCode(word, '"exit"');
        return code !== undefined && this.exit({ afterMs: 0, exitCode: code });
      }
      case 'crash':
        return this.exit({ afterMs: 0, exitCode: 1 });
      case 'oom':
        return this.exit({ afterMs: 0, exitCode: 137, reason: 'OOMKilled' });
      case 'ready':
      case 'unready':
        return this.flip(p.readiness, word.text === 'ready');
      case 'healthy':
      case 'unhealthy':
        return this.flip(p.liveness, word.text === 'healthy');
      case 'started':
        return this.flip(p.startup, true);
      case 'log': {
        const text = this.next(word, 'log text after "log"');
        if (text === undefined) return false;
        const mods = this.modifiers(MODIFIERS.log);
        if (!mods) return false;
        if (mods.every === 0) return this.fail(invalid(mods.everyField!, stringValue('0s'), 'must be greater than 0'));
        p.logs.push({ text: text.text, afterMs: mods.after ?? 0, everyMs: mods.every });
        return true;
      }
      case 'on-term': {
        const what = this.next(word, '"exit" or "ignore" after "on-term"');
        if (what === undefined) return false;
        if (what.text === 'ignore') p.onTerm = { ignore: true, exitCode: 137, afterMs: 0 };
        else if (what.text === 'exit') {
          const code = this.exitCode(what, '"on-term exit"');
          const mods = code === undefined ? undefined : this.modifiers(MODIFIERS.flag);
          if (!mods) return false;
          p.onTerm = { ignore: false, exitCode: code!, afterMs: mods.after ?? 0 };
        } else return this.fail(notSupported(what.field, stringValue(what.text), ['exit', 'ignore']));
        return true;
      }
      default:
        return this.fail(notSupported(word.field, stringValue(word.text), KEYWORDS));
    }
  }

  private exit(exit: SimExit): boolean {
    const mods = this.modifiers(MODIFIERS.exit);
    if (!mods) return false;
    this.program.exits.push({ ...exit, afterMs: mods.after ?? 0, ...(mods.times !== undefined && { times: mods.times }) });
    return true;
  }

  private flip(list: SimFlip[], value: boolean): boolean {
    const mods = this.modifiers(MODIFIERS.flag);
    if (!mods) return false;
    list.push({ afterMs: mods.after ?? 0, value });
    return true;
  }

  private exitCode(after: Word, what: string): number | undefined {
    const word = this.next(after, `exit code after ${what}`);
    if (!word) return undefined;
    const code = /^\d{1,3}$/.test(word.text) ? Number(word.text) : NaN;
    if (code >= 0 && code <= 255) return code;
    this.fail(invalid(word.field, stringValue(word.text), EXIT_CODE_DETAIL));
    return undefined;
  }

  /** `after D`, `every D`, `times N` in any order, each at most once; undefined after an error. */
  private modifiers(allowed: readonly string[]) {
    const out: { after?: number; every?: number; times?: number; everyField?: string } = {};
    while (this.i < this.words.length && !this.words[this.i].verbatim && allowed.includes(this.words[this.i].text)) {
      const key = this.words[this.i++];
      const name = key.text as 'after' | 'every' | 'times';
      if (out[name] !== undefined) return void this.fail({ field: key.field, type: 'Duplicate value', message: `Duplicate value: "${name}"` });
      const value = this.next(key, name === 'times' ? 'a count after "times"' : `a duration after "${name}"`);
      if (!value) return undefined;
      if (name === 'times') {
        if (!/^[1-9]\d*$/.test(value.text)) return void this.fail(invalid(value.field, stringValue(value.text), 'must be a positive integer'));
        out.times = Number(value.text);
      } else {
        const ms = parseGoDuration(value.text);
        if (ms === undefined) return void this.fail(invalid(value.field, stringValue(value.text), DURATION_DETAIL));
        out[name] = ms;
        if (name === 'every') out.everyField = value.field;
      }
    }
    return out;
  }

  private next(after: Word, what: string): Word | undefined {
    const word = this.words[this.i];
    if (word && !word.separator) {
      this.i++;
      return word;
    }
    this.fail(required(after.field ?? this.headField, what));
    return undefined;
  }

  private fail(error: FieldError): false {
    this.errors.push(error);
    return false;
  }
}
