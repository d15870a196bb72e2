// How a RestClient reaches the API server: one request/response exchange, or a watch stream of
// newline-delimited JSON events. Implementations: inProcessTransport, httpTransport.

export interface TransportRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  /** The parsed JSON body (undefined for an empty one). */
  body: any;
}

export interface Transport {
  /** Rejects only with TransportError. */
  request(request: TransportRequest): Promise<TransportResponse>;
  /**
   * Opens a watch. `onEvent` gets each parsed event as it arrives; `onEnd` once when the stream
   * ends by itself or fails to open (a non-200 answer arrives as an ERROR event first). Neither
   * is called after stop().
   */
  watch(request: TransportRequest, onEvent: (event: { type: string; object: any }) => void, onEnd: (error?: Error) => void): { stop(): void };
}
