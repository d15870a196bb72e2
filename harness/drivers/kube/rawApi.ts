// HTTP requests to a Kubernetes API server through @kubernetes/client-node's configuration
// (server URL, TLS, credentials and middleware from the kubeconfig), with bodies passed through
// unchanged: no typed (de)serialisation, so every field and timestamp reaches the suite as the
// server wrote it.
import './node20.ts';
import { HttpMethod, KubernetesObjectApi, type KubeConfig, type ResponseContext } from '@kubernetes/client-node';

export interface RawRequest {
  method: keyof typeof HttpMethod;
  /** Path below the server URL, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  contentType?: string;
}

export interface RawResponse {
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: any;
}

/** Sends raw requests; resolves with every HTTP status (only transport failures reject). */
export class RawApi extends KubernetesObjectApi {
  static forConfig(kc: KubeConfig): RawApi {
    return kc.makeApiClient(RawApi);
  }

  async send(request: RawRequest): Promise<RawResponse> {
    const ctx = this.configuration.baseServer.makeRequestContext(request.path, HttpMethod[request.method]);
    ctx.setHeaderParam('Accept', 'application/json');
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined && v !== '') ctx.setQueryParam(k, String(v));
    if (request.body !== undefined) {
      ctx.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
      ctx.setBody(JSON.stringify(request.body));
    }
    return (await this.requestPromise(ctx)) as unknown as RawResponse;
  }

  protected override async processResponse<T>(response: ResponseContext): Promise<T> {
    const text = await response.body.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.httpStatusCode, body } as T;
  }
}
