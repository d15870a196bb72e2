// A self-signed serving certificate for the HTTPS API server, made with the openssl CLI. kubectl
// sends bearer tokens only over TLS, so token authentication needs HTTPS; the kubeconfig carries
// this certificate as its certificate authority.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';

export interface ServingCertificate {
  /** PEM private key. */
  key: string;
  /** PEM certificate (also the CA clients trust). */
  cert: string;
}

/** A P-256 certificate valid for a year for `hosts` (IPs and DNS names). Rejects when openssl is missing or fails. */
export async function selfSignedCertificate(hosts: readonly string[] = ['127.0.0.1', 'localhost']): Promise<ServingCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-cert-'));
  try {
    const san = [...new Set(hosts)].map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
    const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '365',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=kconform-apiserver', '-addext', `subjectAltName=${san}`];
    await new Promise<void>((resolve, reject) =>
      execFile(process.env.KCONFORM_OPENSSL || 'openssl', args, (error, _out, stderr) => (error ? reject(new Error(`openssl: ${stderr || error.message}`)) : resolve())));
    return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
