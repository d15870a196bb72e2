// GET a path of a served component listener (PORT-1 scenarios). HTTPS listeners carry self-signed
// certificates, so their certificate is not verified: the probe checks that the port answers, not
// who it is.
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

export type ProbeAnswer = { status: number; body: string } | { error: string };

/** Never rejects: a refused or timed-out connection is `{ error }`. */
export function probeListener(url: string, path: string, timeoutMs = 5000): Promise<ProbeAnswer> {
  const target = new URL(path, url);
  const get = target.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve) => {
    const req = get(target, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}
