@services
Feature: The API server refuses an invalid Service with a field error
  Before a Service is stored, the API server checks its ports, type and cluster IP. Each problem is
  reported as a field error naming the field (`spec.ports[0].port`), the value and the rule, and
  an invalid Service is not stored: it gets no cluster IP, no node port and no endpoints.

  @SVC-1 @SVC-3
  Scenario Outline: a port out of range, or a targetPort that is neither a port nor a port name, is refused
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { port: <port>, targetPort: <target port> }
      """
    When the service "web" is validated
    Then it is rejected with:
      """
      <error>
      """

    Examples:
      | port  | target port      | error                                                                                                                |
      | 0     | 8080             | spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive                                        |
      | 70000 | 8080             | spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive                                    |
      | 80    | 70000            | spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive                              |
      | 80    | http_web         | spec.ports[0].targetPort: Invalid value: "http_web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-) |
      | 80    | metrics-endpoint | spec.ports[0].targetPort: Invalid value: "metrics-endpoint": must be no more than 15 characters                     |
      | 80    | "8080"           | spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)                             |

  @SVC-1
  Scenario Outline: a Service <problem> is refused
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec: <spec>
      """
    When the service "web" is validated
    Then it is rejected with:
      """
      <errors>
      """

    Examples:
      | problem                                  | spec                                                                        | errors |
      | without ports                            | { selector: { app: web } }                                                  | spec.ports: Required value |
      | with an unknown protocol                 | { ports: [{ port: 80, protocol: HTTP }] }                                   | spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP" |
      | with an unknown type                     | { type: Bogus, ports: [{ port: 80 }] }                                      | spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort" |
      | with a node port but type ClusterIP      | { ports: [{ port: 80, nodePort: 30080 }] }                                  | spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP' |
      | whose cluster IP is not an IP            | { clusterIP: 10.0.0.300, ports: [{ port: 80 }] }                            | spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff) |

  @SVC-1
  Scenario: every port of a multi-port Service needs a name, and names are unique
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80 }
          - { name: http, port: 8080 }
          - { port: 443 }
      """
    When the service "web" is validated
    Then it is rejected with:
      """
      spec.ports[1].name: Duplicate value: "http"
      spec.ports[2].name: Required value
      """

  @SVC-1
  Scenario: a Service is valid
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        type: NodePort
        selector: { app: web }
        sessionAffinity: ClientIP
        ports:
          - { name: http, port: 80, targetPort: http, nodePort: 30080 }
          - { name: dns, port: 53, protocol: UDP }
      """
    When the service "web" is validated
    Then it is accepted

  @SVC-3
  Scenario: a targetPort that no Pod has is valid, and gives a Service without endpoints
    The API server cannot know which ports the Pods will have: the mistake shows as an empty
    Endpoints object, and connections to the Service are refused.

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        clusterIP: 10.0.0.20
        ports:
          - { name: http, port: 80, targetPort: metrics }
      """
    And these pods:
      | name  | labels  | ip       | ports     |
      | web-1 | app=web | 10.1.0.1 | http=8080 |
      | web-2 | app=web | 10.1.0.2 | http=8080 |
    When the service "web" is validated
    Then it is accepted
    When the endpoints controller computes the endpoints of "web"
    Then the service has no endpoints
    When a client connects 1 times to "10.0.0.20:80"
    Then every connection is refused because the service has "no endpoints"
