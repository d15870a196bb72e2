// Capability `pods`: the pod subresources the API server serves by calling the pod's kubelet
// (NODE-4): `pods/log` and `pods/exec`. Errors are DriverErrors with the Kubernetes Status reason as
// code and the message as the API server sent it (`BadRequest`: `container "web" in pod "web" is
// waiting to start: ContainerCreating`; `InternalError` when the node's kubelet cannot be reached).

export interface PodContainerRef {
  namespace?: string;
  name: string;
  /** Required when the pod has several containers. */
  container?: string;
}

export interface PodsMethods {
  /** `kubectl logs [--previous] [--tail N]`: the container's output as text. */
  'pods.log': { params: PodContainerRef & { previous?: boolean; tailLines?: number }; result: { text: string } };
  /** `kubectl exec -- command...`, without a stream: the command's output and exit code. */
  'pods.exec': { params: PodContainerRef & { command: string[] }; result: { stdout: string; stderr: string; exitCode: number } };
}
