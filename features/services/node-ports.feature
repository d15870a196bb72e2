@services
Feature: NodePort Services are exposed on a port from 30000-32767 on every node
  A Service of type NodePort (or LoadBalancer) is given, for each of its ports, a node port from
  the API server's `--service-node-port-range` (30000-32767 by default), unique in the whole
  cluster. kube-proxy opens that port on every node. A Service may ask for a node port: it gets it
  when it is in the range and free; otherwise the create is refused with the field error below and
  nothing is taken. A deleted Service's node ports go back to the pool.

  @SVC-7
  Scenario: each port of a NodePort Service gets its own node port
    When services are created and deleted in this order:
      | action | service | type      | ports   |
      | create | web     | NodePort  | 80, 443 |
      | create | api     | NodePort  | 80      |
      | create | db      | ClusterIP | 5432    |
    Then the creates are answered:
      | service | node ports        |
      | web     | from 30000-32767  |
      | api     | from 30000-32767  |
      | db      | (none)            |
    And no two services hold the same cluster IP or node port at any time

  @SVC-7
  Scenario: a requested node port is honoured when it is free
    When services are created and deleted in this order:
      | action | service | type     | ports   | node ports   |
      | create | web     | NodePort | 80, 443 | 30080, 30443 |
    Then the creates are answered:
      | service | node ports   |
      | web     | 30080, 30443 |

  @SVC-7
  Scenario Outline: a requested node port <why> is refused
    When services are created and deleted in this order:
      | action | service | type     | ports   | node ports      |
      | create | web     | NodePort | 80      | 30080           |
      | create | api     | NodePort | 80, 443 | <node ports>    |
    Then the creates are answered:
      | service | node ports | error   |
      | web     | 30080      |         |
      | api     |            | <error> |

    Examples:
      | why                      | node ports  | error                                                                                                                        |
      | below the range          | 80, 30443   | spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767    |
      | above the range          | 30443, 32768 | spec.ports[1].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767 |
      | that another Service holds | 30443, 30080 | spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated                                          |

  @SVC-7
  Scenario: a deleted Service's node port can be given again
    When services are created and deleted in this order:
      | action | service | type     | node ports |
      | create | web     | NodePort | 30080      |
      | delete | web     |          |            |
      | create | api     | NodePort | 30080      |
    Then the creates are answered:
      | service | node ports |
      | web     | 30080      |
      | api     | 30080      |

  @SVC-7
  Scenario: the node port range is configurable, and a full range refuses further creates
    Given the NodePort range is "31000-31001"
    When services are created and deleted in this order:
      | action | service | type     |
      | create | a       | NodePort |
      | create | b       | NodePort |
      | create | c       | NodePort |
    Then the creates are answered:
      | service | node ports       | error                                                                 |
      | a       | from 31000-31001 |                                                                       |
      | b       | from 31000-31001 |                                                                       |
      | c       |                  | Internal error occurred: failed to allocate a nodePort: range is full |
    And no two services hold the same cluster IP or node port at any time
