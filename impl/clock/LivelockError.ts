// settle() ran out of its task budget: something keeps producing work.

export class LivelockError extends Error {
  /** `lane: name ×count` for every task still queued, most frequent first. */
  readonly pending: string[];

  constructor(ran: number, pending: string[]) {
    super(`settle: no quiescence after ${ran} tasks (a livelock?); pending: ${pending.slice(0, 10).join(', ') || 'none'}`);
    this.name = 'LivelockError';
    this.pending = pending;
  }
}
