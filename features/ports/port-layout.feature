@ports
Feature: Each component listens on its documented port
  Every component serves on a well-known port, and no two components of one node share one (a
  component may hold several). The seed documents give the first table below. Current upstream
  Kubernetes differs: the scheduler and the controller manager serve securely on 10259 and 10257,
  the cloud controller manager on 10258, and the insecure ports (8080, 10251, 10252, 10253), the
  read-only kubelet port (10255) and cAdvisor's (4194) are gone; control-plane nodes also run a
  kubelet and kube-proxy. The suite knows both layouts (spec/ports/layout-seed.yaml and
  layout-upstream.yaml), and an implementation says which one it follows.

  @PORT-1
  Scenario: the layout of the seed documents
    Given the port layout "seed" is:
      | node   | component                | port        | purpose                           |
      | master | kube-apiserver           | 6443        | API server (secure)               |
      | master | kube-apiserver           | 8080        | API server (insecure)             |
      | master | etcd                     | 2379-2380   | etcd client and peer API          |
      | master | kubelet                  | 10250       | kubelet API                       |
      | master | kube-scheduler           | 10251       | kube-scheduler healthz            |
      | master | kube-controller-manager  | 10252       | kube-controller-manager healthz   |
      | master | cloud-controller-manager | 10253       | cloud-controller-manager healthz  |
      | master | kubelet                  | 10255       | read-only kubelet API             |
      | master | kube-proxy               | 10256       | kube-proxy healthz                |
      | worker | kubelet                  | 4194        | kubelet cAdvisor                  |
      | worker | kubelet                  | 10248       | kubelet healthz                   |
      | worker | kube-proxy               | 10249       | kube-proxy metrics                |
      | worker | kubelet                  | 10250       | kubelet API                       |
      | worker | kubelet                  | 10255       | read-only kubelet API             |
      | worker | kube-proxy               | 10256       | kube-proxy healthz                |
      | worker | kube-proxy               | 30000-32767 | NodePort Services                 |
    Then it is the table in spec/ports/layout-seed.yaml
    And no two components of one node share a port in it

  @PORT-1
  Scenario: the layout of current upstream Kubernetes
    Given the port layout "upstream" is:
      | node   | component                | port        | purpose                                |
      | master | kube-apiserver           | 6443        | API server                             |
      | master | etcd                     | 2379-2380   | etcd client and peer API               |
      | master | kube-controller-manager  | 10257       | kube-controller-manager secure serving |
      | master | cloud-controller-manager | 10258       | cloud-controller-manager secure serving |
      | master | kube-scheduler           | 10259       | kube-scheduler secure serving          |
      | master | kubelet                  | 10250       | kubelet API                            |
      | master | kubelet                  | 10248       | kubelet healthz (localhost)            |
      | master | kube-proxy               | 10249       | kube-proxy metrics (localhost)         |
      | master | kube-proxy               | 10256       | kube-proxy healthz                     |
      | worker | kubelet                  | 10250       | kubelet API                            |
      | worker | kubelet                  | 10248       | kubelet healthz (localhost)            |
      | worker | kube-proxy               | 10249       | kube-proxy metrics (localhost)         |
      | worker | kube-proxy               | 10256       | kube-proxy healthz                     |
      | worker | kube-proxy               | 30000-32767 | NodePort Services                      |
    Then it is the table in spec/ports/layout-upstream.yaml
    And no two components of one node share a port in it

  @PORT-1
  Scenario: the implementation says which layout it follows
    When the implementation reports its port layout
    Then no two components of one node share a port in it
    And if it names a layout the suite knows, it lists exactly that layout's ports

  @PORT-1
  Scenario: a layout in which two components of a node share a port is caught
    The same port on two different nodes, or twice for one component, is no clash.

    Given the port layout "broken" is:
      | node   | component               | port        | purpose            |
      | master | kube-scheduler          | 10251       | healthz            |
      | master | kube-controller-manager | 10251       | healthz            |
      | master | etcd                    | 2379-2380   | etcd               |
      | master | my-exporter             | 2380        | metrics            |
      | master | kubelet                 | 10250       | kubelet API        |
      | worker | kubelet                 | 10250       | kubelet API        |
      | worker | kube-proxy              | 10256       | healthz            |
      | worker | kube-proxy              | 10256       | healthz, again     |
    Then the port clashes in it are:
      """
      master 10251: kube-scheduler and kube-controller-manager
      master 2380: etcd and my-exporter
      """

  @PORT-1
  Scenario: the implementation's components answer on the ports of its layout
    Every port is moved up by a base, so that several runs can share a machine. An implementation
    that cannot start its components on ports answers NotApplicable.

    When the implementation serves its components on the layout's ports shifted by a free base
    Then every listener of the reported layout is listed, served or not
    And it serves the components "kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy"
    And every listener it serves answers /healthz with ok, and /metrics where the layout lists it
    And no two components it serves share a port
