// The real kubectl's typed clients against `kconform serve`: the generator commands that send
// protobuf bodies (`create namespace|configmap|secret|serviceaccount|service|deployment`, `debug`,
// the DeleteOptions of `drain`) create what they say, and each body decodes to exactly the object
// `--dry-run=client -o json` prints (status aside). Skipped without kubectl or openssl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KUBECTL, serveSkip, withServe, type Served } from '../../test/support/kconformServe.ts';
import { decodeProtobuf } from './protobuf.ts';

/** kubectl's flags go before a `--` that starts a container command. */
const withFlags = (args: string[], ...flags: string[]) => {
  const at = args.indexOf('--');
  return at < 0 ? [...args, ...flags] : [...args.slice(0, at), ...flags, ...args.slice(at)];
};

/** The first protobuf request body in a `-v=9` log (klog's hex dump), if any. */
function protobufBody(log: string): Buffer | undefined {
  const dump = log.match(/"Request Body" body=<\n((?:\t[0-9a-f]{8} {2}.*\n)+)/)?.[1];
  if (!dump || !dump.startsWith('\t00000000  6b 38 73 00')) return undefined;
  return Buffer.from(dump.split('\n').flatMap((line) => line.slice(11, 60).trim().split(/\s+/)).filter((h) => /^[0-9a-f]{2}$/.test(h)).join(''), 'hex');
}

/** What `kubectl create … --dry-run=server -v=9` sent, decoded, and what `--dry-run=client -o json` prints without status. */
async function sentAndPrinted(s: Served, args: string[]) {
  const log = await new Promise<string>((resolve) =>
    execFile(KUBECTL, withFlags(args, '--dry-run=server', '-v=9'), { env: { ...process.env, KUBECONFIG: s.kubeconfig, KUBECACHEDIR: join(s.dir, 'cache') } }, (_e, _out, err) => resolve(err)));
  const body = protobufBody(log);
  assert.ok(body, `kubectl ${args.join(' ')} sent no protobuf body:\n${log.slice(-2000)}`);
  const { status: _, ...printed } = JSON.parse(await s.kubectl(...withFlags(args, '--dry-run=client', '-o', 'json')));
  return { sent: decodeProtobuf(body), printed };
}

const GENERATORS = [
  'create namespace team', 'create configmap conf --from-literal=a=b --from-literal=empty=', 'create secret generic pw --from-literal=a=b --type=Opaque',
  'create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p', 'create serviceaccount robot',
  'create service clusterip api --tcp=80:8080 --tcp=90:http', 'create service clusterip headless --clusterip=None', 'create service nodeport np --tcp=80:8080 --node-port=30080',
  'create service loadbalancer lb --tcp=443', 'create service externalname ext --external-name=db.example.com',
  'create deployment web --image=nginx --replicas=2 --port=80', 'create deployment sleeper --image=busybox -- sleep 3600', 'create deployment pair --image=a --image=b',
];

test('the protobuf bodies of kubectl create generators decode to the objects --dry-run=client prints', { skip: serveSkip, timeout: 60_000 }, async () => {
  await withServe(async (s) => {
    for (const command of GENERATORS) {
      const { sent, printed } = await sentAndPrinted(s, command.split(' '));
      assert.deepEqual(sent, printed, command);
    }
  });
});

test('kubectl create, debug and drain send protobuf that kconform serve decodes and stores', { skip: serveSkip, timeout: 60_000 }, async () => {
  await withServe(async (s) => {
    const { kubectl, dir } = s;
    const get = (what: string, path: string) => kubectl('get', ...what.split(' '), '-o', `jsonpath=${path}`);
    const binary = join(dir, 'blob.bin');
    await writeFile(binary, Buffer.from([0, 1, 254, 255]));

    assert.equal(await kubectl('create', 'namespace', 'team'), 'namespace/team created');
    assert.equal(await get('namespace team', '{.status.phase}'), 'Active');

    await kubectl('create', 'configmap', 'conf', '--from-literal=a=b', `--from-file=${binary}`);
    assert.equal(await get('configmap conf', '{.data.a}/{.binaryData.blob\\.bin}'), 'b/AAH+/w==');
    await kubectl('create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret');
    assert.equal(await get('secret pw', '{.type}/{.data.password}'), `Opaque/${Buffer.from('s3cret').toString('base64')}`);
    await kubectl('create', 'secret', 'docker-registry', 'reg', '--docker-server=r.example', '--docker-username=u', '--docker-password=p');
    assert.equal(await get('secret reg', '{.type}'), 'kubernetes.io/dockerconfigjson');
    await kubectl('create', 'serviceaccount', 'robot', '-n', 'team');
    assert.equal(await get('serviceaccount robot -n team', '{.metadata.namespace}'), 'team');

    await kubectl('create', 'service', 'clusterip', 'api', '--tcp=80:8080');
    assert.equal(await get('service api', '{.spec.type}/{.spec.ports[0].port}/{.spec.ports[0].targetPort}/{.spec.selector.app}'), 'ClusterIP/80/8080/api');
    await kubectl('create', 'service', 'nodeport', 'np', '--tcp=80:http', '--node-port=30080');
    assert.equal(await get('service np', '{.spec.type}/{.spec.ports[0].targetPort}/{.spec.ports[0].nodePort}'), 'NodePort/http/30080');
    await kubectl('create', 'service', 'externalname', 'ext', '--external-name=db.example.com');
    assert.equal(await get('service ext', '{.spec.type}/{.spec.externalName}'), 'ExternalName/db.example.com');

    await kubectl('create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80');
    assert.equal(await get('deployment web', '{.spec.replicas}/{.metadata.labels.app}/{.spec.selector.matchLabels.app}/{.spec.template.spec.containers[0].image}/{.spec.template.spec.containers[0].ports[0].containerPort}'), '2/web/web/nginx/80');
    await kubectl('create', 'deployment', 'sleeper', '--image=busybox', '--', 'sleep', '3600');
    assert.equal(await get('deployment sleeper', '{.spec.template.spec.containers[0].command}'), '["sleep","3600"]');
    assert.equal(await kubectl('create', 'deployment', 'dry', '--image=nginx', '--dry-run=server', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'), 'nginx');
    assert.match(await kubectl('get', 'deployments', '-o', 'name'), /^deployment\.apps\/sleeper\ndeployment\.apps\/web$/);

    // `run` and `expose` send JSON; they keep working next to the protobuf path.
    await kubectl('run', 'solo', '--image=nginx', '--labels=app=solo,tier=x');
    assert.equal(await get('pod solo', '{.spec.containers[0].image}/{.metadata.labels.tier}'), 'nginx/x');
    await kubectl('expose', 'deployment', 'web', '--port=8080', '--target-port=80', '--name=web-svc');
    assert.equal(await get('service web-svc', '{.spec.selector.app}/{.spec.ports[0].port}/{.spec.ports[0].targetPort}'), 'web/8080/80');

    const node = join(dir, 'node.yaml');
    await writeFile(node, 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: bound, namespace: default}\nspec: {nodeName: n1, containers: [{name: c, image: nginx}]}\n');
    await kubectl('apply', '-f', node);
    assert.match(await kubectl('debug', 'node/n1', '--image=busybox', '--profile=sysadmin', '--attach=false'), /Creating debugging pod node-debugger-n1-/);
    const debuggers = await kubectl('get', 'pods', '-o', 'jsonpath={range .items[?(@.spec.hostPID)]}{.spec.volumes[0].hostPath.path} {.spec.containers[0].volumeMounts[0].mountPath} {.spec.containers[0].securityContext.privileged}{end}');
    assert.equal(debuggers, '/ /host true');

    const drained = await kubectl('drain', 'n1', '--force', '--grace-period=1', '--timeout=20s');
    assert.match(drained, /pod\/bound deleted/);
    assert.equal(await get('node n1', '{.spec.unschedulable}'), 'true');
  });
});
