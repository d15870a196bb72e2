@namespaces @control-plane
Feature: The namespace controller, the add-ons and the per-namespace ServiceAccount
  Controllers act on namespaces: deleting a namespace removes everything in it; the ServiceAccount
  controller gives each new namespace a `default` ServiceAccount, and the token controller fills
  in the token of a service-account token Secret. Cluster add-ons such as DNS run in `kube-system`.

  Upstream differs from the seed on tokens: since Kubernetes 1.24 no token Secret is created
  automatically for a ServiceAccount (clients use the TokenRequest API); the token controller still
  fills in a Secret of type `kubernetes.io/service-account-token` that names the account.

  @NS-1
  Scenario: deleting a namespace deletes everything in it
    Given a namespace "team-a"
    And these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-a }
      spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: settings, namespace: team-a }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: web, namespace: team-a }
      spec: { selector: { app: web }, ports: [{ port: 80 }] }
      """
    When I delete the namespace "team-a"
    Then the delete succeeds
    And eventually the namespace "team-a" is gone with everything in it

  @NS-4
  Scenario: the cluster DNS add-on runs in kube-system
    Then the service "kube-dns" exists in "kube-system"

  @NS-5
  Scenario: a new namespace gets a default ServiceAccount
    Given a namespace "team-a"
    Then eventually the service account "default" exists in "team-a"

  @NS-5
  Scenario: the token controller fills in a ServiceAccount token Secret
    Given a namespace "team-a"
    And eventually the service account "default" exists in "team-a"
    When I create:
      """
      apiVersion: v1
      kind: Secret
      type: kubernetes.io/service-account-token
      metadata:
        name: default-token
        namespace: team-a
        annotations: { kubernetes.io/service-account.name: default }
      """
    Then the create succeeds
    And eventually the secret "default-token" in "team-a" holds the keys "token, ca.crt, namespace"
