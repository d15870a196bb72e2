// Taints and tolerations as upstream's v1 helpers read them.

export interface Taint {
  key: string;
  value: string;
  effect: string;
}

export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readTaints(raw: unknown): Taint[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((t: Raw) => ({ key: str(t.key), value: str(t.value), effect: str(t.effect) }));
}

export function readTolerations(raw: unknown): Toleration[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((t: Raw) => ({ key: str(t.key), operator: str(t.operator), value: str(t.value), effect: str(t.effect) }));
}

/**
 * Whether one toleration tolerates one taint: an empty effect matches every effect, an empty key
 * with Exists matches every key, Equal (or no operator) compares values, Exists ignores them.
 */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect !== '' && t.effect !== taint.effect) return false;
  if (t.key !== '' && t.key !== taint.key) return false;
  switch (t.operator) {
    case '':
    case 'Equal':
      return t.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerate(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (let i = 0; i < tolerations.length; i++) if (tolerates(tolerations[i], taint)) return true;
  return false;
}

export const isDoNotSchedule = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** The first taint passing `filter` that no toleration tolerates, or null. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  filter: (t: Taint) => boolean,
): Taint | null {
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i];
    if (filter(taint) && !tolerationsTolerate(tolerations, taint)) return taint;
  }
  return null;
}
