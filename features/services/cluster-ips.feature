@services
Feature: Every Service gets a cluster IP of its own
  The API server gives each Service a cluster IP from the service CIDR
  (`--service-cluster-ip-range`): a virtual address that only kube-proxy inside the cluster answers.
  No two Services hold the same cluster IP, and a deleted Service's IP goes back to the pool.
  A Service may ask for a particular IP (`spec.clusterIP`): it gets it when the IP is in the range
  and free; otherwise its creation is refused with a field error and nothing is taken. Headless
  Services (`clusterIP: None`) and ExternalName Services get no cluster IP.

  In the answer tables, `from 10.0.0.0/29` means any address of that range; an `error` cell means
  the create must be refused with exactly that text.

  Background:
    Given the service CIDR is "10.0.0.0/29"

  @SVC-2
  Scenario: Services are given distinct cluster IPs from the service CIDR
    A /29 holds 8 addresses; the network (10.0.0.0) and broadcast (10.0.0.7) addresses are never given out.

    When services are created and deleted in this order:
      | action | service | type         |
      | create | a       | ClusterIP    |
      | create | b       | ClusterIP    |
      | create | c       | NodePort     |
      | create | d       | LoadBalancer |
    Then the creates are answered:
      | service | cluster IP         |
      | a       | from 10.0.0.0/29   |
      | b       | from 10.0.0.0/29   |
      | c       | from 10.0.0.0/29   |
      | d       | from 10.0.0.0/29   |
    And no two services hold the same cluster IP or node port at any time

  @SVC-2
  Scenario: a requested cluster IP is honoured when it is free
    When services are created and deleted in this order:
      | action | service | cluster IP |
      | create | a       | 10.0.0.5   |
      | create | b       |            |
    Then the creates are answered:
      | service | cluster IP       |
      | a       | 10.0.0.5         |
      | b       | from 10.0.0.0/29 |
    And no two services hold the same cluster IP or node port at any time

  @SVC-2
  Scenario Outline: a requested cluster IP <why> is refused
    When services are created and deleted in this order:
      | action | service | cluster IP |
      | create | a       | 10.0.0.5   |
      | create | b       | <ip>       |
    Then the creates are answered:
      | service | cluster IP | error   |
      | a       | 10.0.0.5   |         |
      | b       |            | <error> |

    Examples:
      | why                        | ip         | error                                                                                                                                                        |
      | that another Service holds | 10.0.0.5   | spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: provided IP is already allocated                                       |
      | outside the service CIDR   | 10.96.0.10 | spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: the provided IP (10.96.0.10) is not in the valid range. The range of valid IPs is 10.0.0.0/29 |
      | that is the network address | 10.0.0.0  | spec.clusterIPs: Invalid value: []string{"10.0.0.0"}: failed to allocate IP 10.0.0.0: the provided IP (10.0.0.0) is not in the valid range. The range of valid IPs is 10.0.0.0/29   |
      | that is the broadcast address | 10.0.0.7 | spec.clusterIPs: Invalid value: []string{"10.0.0.7"}: failed to allocate IP 10.0.0.7: the provided IP (10.0.0.7) is not in the valid range. The range of valid IPs is 10.0.0.0/29   |

  @SVC-2
  Scenario: a deleted Service's cluster IP can be given again
    When services are created and deleted in this order:
      | action | service | cluster IP |
      | create | a       | 10.0.0.5   |
      | create | b       | 10.0.0.5   |
      | delete | a       |            |
      | create | b       | 10.0.0.5   |
    Then the creates are answered:
      | service | cluster IP | error                                                                                                                  |
      | a       | 10.0.0.5   |                                                                                                                        |
      | b       |            | spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: provided IP is already allocated |
      | b       | 10.0.0.5   |                                                                                                                        |

  @SVC-2
  Scenario: when the service CIDR is used up, creates are refused until a Service is deleted
    Given the service CIDR is "10.0.0.0/30"
    When services are created and deleted in this order:
      | action | service |
      | create | a       |
      | create | b       |
      | create | c       |
      | delete | a       |
      | create | c       |
    Then the creates are answered:
      | service | cluster IP       | error                                                                  |
      | a       | from 10.0.0.0/30 |                                                                        |
      | b       | from 10.0.0.0/30 |                                                                        |
      | c       |                  | Internal error occurred: failed to allocate a serviceIP: range is full |
      | c       | from 10.0.0.0/30 |                                                                        |
    And no two services hold the same cluster IP or node port at any time

  @SVC-2
  Scenario Outline: a <kind> Service gets no cluster IP
    When services are created and deleted in this order:
      | action | service | type   | cluster IP |
      | create | a       | <type> | <ip>       |
    Then the creates are answered:
      | service | cluster IP |
      | a       | (none)     |

    Examples:
      | kind         | type         | ip   |
      | headless     | ClusterIP    | None |
      | ExternalName | ExternalName |      |

  @SVC-2 @SVC-7
  Scenario: a refused create takes nothing
    Service b asks for a free IP and an impossible NodePort: it is refused, and its IP stays free for c.

    When services are created and deleted in this order:
      | action | service | type     | cluster IP | node ports |
      | create | b       | NodePort | 10.0.0.3   | 80         |
      | create | c       | ClusterIP | 10.0.0.3  |            |
    Then the creates are answered:
      | service | cluster IP | error                                                                                                                 |
      | b       |            | spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767 |
      | c       | 10.0.0.3   |                                                                                                                       |

  @SVC-2
  Scenario: the API server gives a created Service its cluster IP
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { port: 80 }
      """
    When they are created through the API
    Then the API gave the service "web" a cluster IP
