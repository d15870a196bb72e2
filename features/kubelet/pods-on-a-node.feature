@kubelet
Feature: The kubelet runs the pods of its node
  The kubelet creates, starts, monitors, restarts and destroys the containers of the pods bound to
  its node. A Pod is a pause (root) container holding the network, IPC and UTS namespaces, plus the
  pod's containers, which share them: every container of a pod sees the pod's IP and reaches the
  others on localhost. Containers restart according to the pod's restartPolicy, with a back-off
  (CrashLoopBackOff) between failed starts. Readiness probes decide whether a pod is Ready; a failed
  liveness probe restarts the container.

  Containers here are simulated: their command is a small script (`sim crash after 5s`, `sim ready
  after 10s`, `sim log hello`) that the simulated runtime plays instead of a process.

  Background:
    Given a cluster with the nodes "node-a"
    And a namespace "shop"

  @POD-1
  Scenario: the containers of a pod share the pod's network: each sees the pod's IP
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: shop }
      spec:
        containers:
          - { name: app, image: "nginx:1.25" }
          - { name: sidecar, image: busybox, command: [sleep, 1h] }
      """
    When within 10 seconds the pod "web" in "shop" is Running
    Then "hostname -i" in container "app" of pod "web" in "shop" prints the pod's IP
    And "hostname -i" in container "sidecar" of pod "web" in "shop" prints the pod's IP

  @NODE-1
  Scenario Outline: a container that exits is restarted according to the restartPolicy <policy>
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: task, namespace: shop }
      spec:
        restartPolicy: <policy>
        containers: [{ name: main, image: busybox, command: [sim, exit, "<code>", after, 5s] }]
      """
    When 30 seconds pass
    Then the pods in "shop" are:
      | pod  | phase   | restarts | container   |
      | task | <phase> | <count>  | <container> |

    Examples:
      | policy    | code | phase     | count | container                     |
      | Always    | 0    | Running   | 2     | waiting (CrashLoopBackOff)    |
      | OnFailure | 0    | Succeeded | 0     | terminated (Completed)        |
      | OnFailure | 1    | Running   | 2     | waiting (CrashLoopBackOff)    |
      | Never     | 1    | Failed    | 0     | terminated (Error)            |

  @NODE-1
  Scenario: a container that keeps crashing goes into CrashLoopBackOff
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: flaky, namespace: shop }
      spec: { containers: [{ name: main, image: busybox, command: [sim, crash] }] }
      """
    When 20 seconds pass
    Then the container "main" of pod "flaky" in "shop" is waiting with reason "CrashLoopBackOff"
    And the container "main" of pod "flaky" in "shop" last terminated with exit code 1

  @NODE-1
  Scenario: a pod is Ready only once its readiness probe passes
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: slow, namespace: shop }
      spec:
        containers:
          - name: app
            image: "nginx:1.25"
            command: [sim, ready, after, 20s]
            readinessProbe: { httpGet: { path: /healthz, port: 80 }, periodSeconds: 5 }
      """
    When 10 seconds pass
    Then the pods in "shop" are:
      | pod  | phase   | ready |
      | slow | Running | False |
    When 20 seconds pass
    Then the pods in "shop" are:
      | pod  | phase   | ready |
      | slow | Running | True  |

  @NODE-1
  Scenario: a failing liveness probe restarts the container
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: stuck, namespace: shop }
      spec:
        containers:
          - name: app
            image: "nginx:1.25"
            command: [sim, unhealthy, after, 10s]
            livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 2 }
      """
    When 30 seconds pass
    Then the pods in "shop" are:
      | pod   | phase   | restarts | container |
      | stuck | Running | 1        | running   |
