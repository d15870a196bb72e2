import type { Envelope } from '@cucumber/messages';
import { closestSteps } from './closestSteps.ts';
import { astLines } from './astLines.ts';
import type { Failure, Outcome, ScenarioResult } from './results.ts';

/** Attachment media types steps use to tell the collector more than pass/fail. */
export const NOT_APPLICABLE_MEDIA = 'text/x.kconform.not-applicable';
export const DIFF_MEDIA = 'application/x.kconform.diff+json';

export const CLAIM_TAG = /^@([A-Z]+-\d+)$/;

interface Case {
  pickleId: string;
  started: number;
  steps: { id: string; pickleStepId?: string; defs: readonly string[] }[];
  statuses: { stepId: string; status: string; message?: string }[];
  notApplicable?: string;
  diff?: { want: unknown; got: unknown };
}

/**
 * Turns cucumber's message stream into one ScenarioResult per scenario (per Examples row).
 * Feed it every envelope, then call `results()`.
 */
export class ScenarioCollector {
  private astLines = new Map<string, number>();
  private featureNames = new Map<string, string>();
  private pickles = new Map<string, { uri: string; name: string; astNodeIds: readonly string[]; tags: string[]; steps: Map<string, { text: string; astNodeIds: readonly string[] }> }>();
  private testCases = new Map<string, { pickleId: string; steps: Case['steps'] }>();
  private started = new Map<string, Case>();
  private patterns = new Map<string, string>();
  private done: { c: Case; finished: number }[] = [];

  constructor(private readonly reproduce: (location: string) => string) {}

  add(e: Envelope): void {
    if (e.gherkinDocument?.feature) {
      const doc = e.gherkinDocument;
      this.featureNames.set(doc.uri!, doc.feature!.name);
      astLines(doc.feature, this.astLines);
    } else if (e.pickle) {
      const p = e.pickle;
      this.pickles.set(p.id, {
        uri: p.uri,
        name: p.name,
        astNodeIds: p.astNodeIds,
        tags: p.tags.map((t) => t.name),
        steps: new Map(p.steps.map((s) => [s.id, { text: s.text, astNodeIds: s.astNodeIds }])),
      });
    } else if (e.stepDefinition) {
      this.patterns.set(e.stepDefinition.id, e.stepDefinition.pattern.source);
    } else if (e.testCase) {
      this.testCases.set(e.testCase.id, {
        pickleId: e.testCase.pickleId,
        steps: e.testCase.testSteps.map((s) => ({ id: s.id, pickleStepId: s.pickleStepId, defs: s.stepDefinitionIds ?? [] })),
      });
    } else if (e.testCaseStarted) {
      const tc = this.testCases.get(e.testCaseStarted.testCaseId)!;
      this.started.set(e.testCaseStarted.id, { pickleId: tc.pickleId, steps: tc.steps, statuses: [], started: toMs(e.testCaseStarted.timestamp) });
    } else if (e.testStepFinished) {
      const c = this.started.get(e.testStepFinished.testCaseStartedId);
      const r = e.testStepFinished.testStepResult;
      c?.statuses.push({ stepId: e.testStepFinished.testStepId, status: r.status, message: r.exception?.message ?? r.message });
    } else if (e.attachment?.testCaseStartedId) {
      const c = this.started.get(e.attachment.testCaseStartedId);
      if (!c) return;
      if (e.attachment.mediaType === NOT_APPLICABLE_MEDIA) c.notApplicable = e.attachment.body;
      if (e.attachment.mediaType === DIFF_MEDIA) c.diff = JSON.parse(e.attachment.body);
    } else if (e.testCaseFinished) {
      const c = this.started.get(e.testCaseFinished.testCaseStartedId);
      if (c && !e.testCaseFinished.willBeRetried) this.done.push({ c, finished: toMs(e.testCaseFinished.timestamp) });
    }
  }

  results(): ScenarioResult[] {
    return this.done.map(({ c, finished }) => this.result(c, finished));
  }

  private result(c: Case, finished: number): ScenarioResult {
    const p = this.pickles.get(c.pickleId)!;
    const line = this.astLines.get(p.astNodeIds[p.astNodeIds.length - 1]) ?? 0;
    const location = `${p.uri}:${line}`;
    const statuses = c.statuses.map((s) => s.status);
    let outcome: Outcome = 'passed';
    let failure: Failure | undefined;
    let reason: string | undefined;
    const bad = c.statuses.find((s) => ['FAILED', 'UNDEFINED', 'AMBIGUOUS', 'PENDING', 'UNKNOWN'].includes(s.status));
    if (bad) {
      outcome = 'failed';
      failure = this.failure(c, p, bad);
    } else if (c.notApplicable) {
      outcome = 'not-applicable';
      reason = c.notApplicable;
    } else if (statuses.includes('SKIPPED')) {
      outcome = 'skipped';
      reason = 'a step was skipped';
    }
    const area = p.uri.split('/').slice(-2, -1)[0] ?? '';
    return {
      kind: 'scenario',
      id: location,
      name: p.name,
      feature: this.featureNames.get(p.uri) ?? p.uri,
      area,
      location,
      tags: p.tags,
      claims: p.tags.map((t) => CLAIM_TAG.exec(t)?.[1]).filter((x): x is string => !!x),
      outcome,
      durationMs: Math.max(0, finished - c.started),
      ...(failure ? { failure } : {}),
      ...(reason ? { reason } : {}),
      reproduce: this.reproduce(location),
    };
  }

  private failure(c: Case, p: { uri: string; steps: Map<string, { text: string; astNodeIds: readonly string[] }> }, bad: Case['statuses'][number]): Failure {
    const step = c.steps.find((s) => s.id === bad.stepId);
    const ps = step?.pickleStepId ? p.steps.get(step.pickleStepId) : undefined;
    const location = ps ? `${p.uri}:${this.astLines.get(ps.astNodeIds[0]) ?? 0}` : undefined;
    const f: Failure = { step: ps?.text ?? '(hook)', location, message: firstLines(bad.message ?? bad.status) };
    if (bad.status === 'UNDEFINED' && ps) {
      f.suggestions = closestSteps(ps.text, [...new Set(this.patterns.values())]);
      f.message = `Undefined step: "${ps.text}". Closest existing steps:\n  ${f.suggestions.join('\n  ')}`;
    } else if (bad.status === 'AMBIGUOUS') {
      f.message = `Ambiguous step: ${f.message}`;
    } else if (bad.status === 'PENDING') {
      f.message = `Pending step: "${ps?.text}" is not implemented`;
    }
    if (c.diff) Object.assign(f, c.diff);
    return f;
  }
}

function toMs(t: { seconds: number; nanos: number }): number {
  return t.seconds * 1000 + t.nanos / 1e6;
}

/** An error message without its stack trace. */
function firstLines(message: string): string {
  const lines = message.split('\n');
  const stackAt = lines.findIndex((l) => /^\s+at /.test(l));
  return (stackAt === -1 ? lines : lines.slice(0, stackAt)).join('\n').trim();
}
