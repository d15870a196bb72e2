import { existsSync } from 'node:fs';

/**
 * The --driver value an --impl names: a built-in name (reference, kubectl, reference-http…) stays as it
 * is, a URL or a kubeconfig file is checked through the Kubernetes API (`kube:`), anything else is a
 * command that speaks the kconform protocol (`stdio:`).
 */
export function driverForImpl(impl: string): string {
  if (/^(reference|kubectl|reference-http)(:|$)/.test(impl) || /^(stdio|kube):/.test(impl)) return impl;
  if (/^https?:\/\//.test(impl)) return `kube:${impl}`;
  if (existsSync(impl) && /kubeconfig|\.ya?ml$|\/config$/.test(impl)) return `kube:${impl}`;
  return `stdio:${impl}`;
}

/** A short, file-name-safe label for an implementation's report folder. */
export function slug(impl: string, index: number): string {
  const s = impl.replace(/^(stdio|kube):/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${index + 1}-${s || 'impl'}`;
}
