// The node's image store: what is cached (with sizes, for node.status.images and the scheduler's
// ImageLocality), and pulls in flight. A pull takes the image's configured time and then either
// caches the image or fails with the registry's message; concurrent pulls of one image share one
// download. Time is passed in, never read.
import { createHash } from 'node:crypto';

/** How the simulated registry serves one image. */
export interface ImageSpec {
  sizeBytes: number;
  pullMs: number;
  /** When set, every pull fails after pullMs with this message. */
  error?: string;
}

export interface CachedImage {
  /** `sha256:<hex>` */
  id: string;
  /** Tags: the canonical `docker.io/library/nginx:1.25` and the reference as pulled (`nginx:1.25`). */
  repoTags: string[];
  /** `docker.io/library/nginx@sha256:<hex>` */
  repoDigests: string[];
  size: number;
}

export type PullProgress = { state: 'pulled'; imageRef: string } | { state: 'pulling'; doneAt: number } | { state: 'failed'; message: string };

/** `nginx` → `docker.io/library/nginx:latest`; `ghcr.io/a/b:1` unchanged; digests keep their `@`. */
export function canonicalImage(ref: string): string {
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  let name = first.includes('.') || first.includes(':') || first === 'localhost' ? ref : `docker.io/${slash < 0 ? `library/${ref}` : ref}`;
  if (!name.includes('@') && name.lastIndexOf(':') <= name.lastIndexOf('/')) name += ':latest';
  return name;
}

const digestOf = (ref: string) => `sha256:${createHash('sha256').update(canonicalImage(ref)).digest('hex')}`;
/** The repository part of a canonical name: `docker.io/library/nginx`. */
const repositoryOf = (name: string) => name.replace(/[:@][^/]*$/, '');

/** A reference with `:latest` added when it has neither tag nor digest (the scheduler's form). */
const withTag = (ref: string) => (ref.includes('@') || ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref : `${ref}:latest`);

export class ImageStore {
  private readonly cached = new Map<string, CachedImage>();
  private readonly pulls = new Map<string, { doneAt: number; spec: ImageSpec }>();

  constructor(private readonly registry: (ref: string) => ImageSpec) {}

  /** The cached image for a reference, by canonical name. */
  status(ref: string): CachedImage | undefined {
    return this.cached.get(canonicalImage(ref));
  }

  /** Caches an image at once (images preloaded on the node). */
  preload(ref: string): CachedImage {
    const key = canonicalImage(ref);
    const existing = this.cached.get(key);
    if (existing) {
      if (!existing.repoTags.includes(withTag(ref))) existing.repoTags.push(withTag(ref));
      return existing;
    }
    const digest = digestOf(ref);
    const image: CachedImage = {
      id: digest,
      repoTags: [...new Set([key, withTag(ref)])].filter((t) => !t.includes('@')),
      repoDigests: [`${repositoryOf(key)}@${digest}`],
      size: this.registry(ref).sizeBytes,
    };
    this.cached.set(key, image);
    return image;
  }

  /** Starts or continues a pull. Idempotent at one instant, except that a failure is reported once. */
  pull(ref: string, now: number): PullProgress {
    const key = canonicalImage(ref);
    const hit = this.cached.get(key);
    if (hit) return { state: 'pulled', imageRef: hit.repoDigests[0] };
    let pull = this.pulls.get(key);
    if (!pull) {
      const spec = this.registry(ref);
      pull = { doneAt: now + Math.max(0, spec.pullMs), spec };
      this.pulls.set(key, pull);
    }
    if (now < pull.doneAt) return { state: 'pulling', doneAt: pull.doneAt };
    this.pulls.delete(key);
    if (pull.spec.error !== undefined) return { state: 'failed', message: pull.spec.error };
    return { state: 'pulled', imageRef: this.preload(ref).repoDigests[0] };
  }

  remove(ref: string): boolean {
    return this.cached.delete(canonicalImage(ref));
  }

  list(): CachedImage[] {
    return [...this.cached.values()];
  }
}

export const DEFAULT_IMAGE: ImageSpec = { sizeBytes: 50 * 1024 * 1024, pullMs: 1000 };

/**
 * A registry from per-image overrides (`{ 'nginx:1.25': { pullMs: 5000 } }`, keyed by reference as
 * written or canonical) over a default. Tag `nonexistent` (e.g. `nginx:nonexistent`) is missing.
 */
export function simpleRegistry(overrides: Record<string, Partial<ImageSpec>> = {}, base: ImageSpec = DEFAULT_IMAGE): (ref: string) => ImageSpec {
  const byCanonical = new Map(Object.entries(overrides).map(([k, v]) => [canonicalImage(k), v]));
  return (ref) => {
    const spec = { ...base, ...byCanonical.get(canonicalImage(ref)) };
    if (spec.error === undefined && /:nonexistent$/.test(canonicalImage(ref)))
      spec.error = `rpc error: code = NotFound desc = failed to pull and unpack image "${canonicalImage(ref)}": failed to resolve reference "${canonicalImage(ref)}": ${canonicalImage(ref)}: not found`;
    return spec;
  };
}
